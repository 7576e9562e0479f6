package io.splitscope.analysis;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.health.SrmResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one analysis of one experiment produces: the population, the sample-ratio check and one
 * row per metric and non-control variant ({@code spec/scorecard.md}).
 *
 * @param confidence    the confidence level of every interval
 * @param warehouse     the warehouse the numbers were computed from
 * @param computedAt    when the analysis ran
 * @param queries       the queries the analysis ran, with the rows and bytes each brought into the JVM
 * @param metricQueries metric id → the index in {@code queries} of the query that brought the
 *                      metric's inputs; empty when not known (a scorecard stored before it was kept).
 *                      Not part of the scorecard JSON.
 * @param decisions     the decision for each treatment variant ({@code spec/decisions.md}), in the
 *                      experiment's order; empty when the experiment has no decision plan, nothing
 *                      could be compared yet, or the scorecard is sliced by segment
 */
public record Scorecard(Experiment experiment, Population population, SrmResult srm, List<ScorecardRow> rows,
                        ConfidenceLevel confidence, String warehouse, Instant computedAt, List<QueryLog.Entry> queries,
                        Map<String, Integer> metricQueries, List<Decision> decisions) {

    public Scorecard {
        rows = List.copyOf(rows);
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(confidence, "confidence");
        queries = List.copyOf(queries);
        metricQueries = Map.copyOf(metricQueries);
    }

    /** A scorecard that does not say which query served which metric. */
    public Scorecard(Experiment experiment, Population population, SrmResult srm, List<ScorecardRow> rows,
                     ConfidenceLevel confidence, String warehouse, Instant computedAt, List<QueryLog.Entry> queries) {
        this(experiment, population, srm, rows, confidence, warehouse, computedAt, queries, Map.of());
    }

    /** A scorecard without decisions. */
    public Scorecard(Experiment experiment, Population population, SrmResult srm, List<ScorecardRow> rows,
                     ConfidenceLevel confidence, String warehouse, Instant computedAt, List<QueryLog.Entry> queries,
                     Map<String, Integer> metricQueries) {
        this(experiment, population, srm, rows, confidence, warehouse, computedAt, queries, metricQueries, List.of());
    }

    /** The scorecard as the table of {@code splitscope analyze} (see {@link ScorecardTable}). */
    @Override
    public String toString() {
        return ScorecardTable.render(this);
    }

    /** Whether the population could be compared: the rows are empty when it could not, and this says why. */
    public Readiness readiness() {
        return Readiness.of(experiment, population);
    }

    /** The query that brought the inputs of metric {@code metricId}, when {@link #metricQueries} says. */
    public Optional<QueryLog.Entry> queryOf(String metricId) {
        Integer index = metricQueries.get(metricId);
        return index == null || index < 0 || index >= queries.size() ? Optional.empty() : Optional.of(queries.get(index));
    }
}
