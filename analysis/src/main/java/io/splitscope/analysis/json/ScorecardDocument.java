package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonView;
import io.splitscope.analysis.PlanVerdicts;
import io.splitscope.analysis.Readiness;
import io.splitscope.analysis.Scorecard;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.ConfidenceLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scorecard as a JSON document, for both of its forms (written by {@link ScorecardJson}): the
 * public document of {@code spec/scorecard.md}, in the {@link Public} view, and the results
 * store's form, which also has the parts in the {@link Stored} view so that it reads back into a
 * scorecard equal to the one written. Each field is defined once, here and in the parts; the JSON
 * names are the components' in snake case.
 *
 * @param experimentId    the experiment's id
 * @param controlVariant  the experiment's control variant
 * @param startDate       the first day of exposures, null for an experiment without exposure times
 * @param endDate         the last day of exposures, null likewise
 * @param status          {@code ready}, or what the scorecard waits for: {@code waiting_for_exposures},
 *                        {@code waiting_for_variants} ({@link Readiness}); derived from the population,
 *                        so not read back
 * @param waitingFor      what it waits for, one sentence; null when ready
 * @param confidenceLevel the confidence level of every interval, as a probability ({@code 0.95})
 * @param decisions       the decision for each treatment variant ({@code spec/decisions.md}); empty
 *                        without a decision plan
 * @param experiment      the experiment as it was analysed (stored only)
 * @param queries         the queries the analysis ran (stored only)
 * @param metricQueries   metric id → the index in {@code queries} of the query that served it, by
 *                        metric id (stored only)
 */
public record ScorecardDocument(
        String experimentId,
        String controlVariant,
        LocalDate startDate,
        LocalDate endDate,
        String status,
        String waitingFor,
        double confidenceLevel,
        PopulationPart population,
        SrmPart srm,
        List<DecisionPart> decisions,
        List<ResultPart> results,
        String warehouse,
        Instant computedAt,
        @JsonView(Stored.class) ExperimentPart experiment,
        @JsonView(Stored.class) List<QueryPart> queries,
        @JsonView(Stored.class) Map<String, Integer> metricQueries) {

    /** The view of the public document: every field but the {@link Stored} ones. */
    public interface Public {
    }

    /** The view of the fields that only the results store keeps (with all the others). */
    public interface Stored {
    }

    public static ScorecardDocument of(Scorecard scorecard) {
        Experiment experiment = scorecard.experiment();
        Readiness readiness = scorecard.readiness();
        PlanVerdicts verdicts = PlanVerdicts.of(scorecard.decisions());
        double alpha = scorecard.confidence().alpha();
        return new ScorecardDocument(experiment.id(), experiment.controlVariant(), experiment.startDate(),
                experiment.endDate(), readiness.status().jsonName(), readiness.waitingFor(), scorecard.confidence().value(), PopulationPart.of(scorecard.population()),
                SrmPart.of(scorecard.srm()), scorecard.decisions().stream().map(DecisionPart::of).toList(),
                scorecard.rows().stream().map(row -> ResultPart.of(row, verdicts.verdict(row, alpha).orElse(null))).toList(),
                scorecard.warehouse(), scorecard.computedAt(), ExperimentPart.of(experiment),
                scorecard.queries().stream().map(QueryPart::of).toList(), new TreeMap<>(scorecard.metricQueries()));
    }

    /**
     * The scorecard this document was made {@link #of} (read back from the stored form; the public
     * one lacks the stored parts).
     *
     * @throws IllegalArgumentException for a field the scorecard's records reject
     */
    public Scorecard toScorecard() {
        return new Scorecard(experiment.toExperiment(), population.toPopulation(), srm.toSrm(),
                results.stream().map(ResultPart::toRow).toList(),
                // back from the probability, to the percentage with one decimal the level holds
                ConfidenceLevel.ofValue(confidenceLevel), warehouse, computedAt,
                queries.stream().map(QueryPart::toEntry).toList(), metricQueries,
                // a scorecard stored before decisions has none
                decisions == null ? List.of() : decisions.stream().map(DecisionPart::toDecision).toList());
    }
}
