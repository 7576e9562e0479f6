package io.splitscope.analysis;

import io.splitscope.analysis.text.TextTable;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.decision.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scorecard as a readable terminal table: first the decision per treatment variant, when the
 * experiment has a decision plan, then the population, the table of rows, its notes and the
 * decisions' reasons.
 */
public final class ScorecardTable {

    private static final String ALL_UNITS = "[all units]: eligibility 'all', every exposed unit counts; days not yet"
            + " reached count as 0";
    private static final String DESCRIPTIVE = "[descriptive]: step-to-step conversion, conditioned on what happened after"
            + " assignment; not tested, no adjusted p";

    private static final String BAYESIAN = "P(beat control): the posterior chance that the treatment is better in the"
            + " metric's direction (lower-is-better: P(treatment < control)); exp. loss: the expected loss of shipping the"
            + " treatment, in the metric's units; rows with 'p' keep their own method";

    private ScorecardTable() {
    }

    /** The table of a scorecard whose metrics are unknown: every metric higher-is-better, without units. */
    public static String render(Scorecard scorecard) {
        return render(scorecard, List.of());
    }

    /**
     * The table of a scorecard of {@code metrics} (the catalog's: their directions and units; a row
     * of a metric not among them reads higher-is-better, without a unit). A Bayesian scorecard
     * ({@link BayesianReading#shown}) has the chance to beat control and the expected loss, in each
     * metric's direction, instead of the p-values, and credible intervals.
     */
    public static String render(Scorecard scorecard, List<Metric> metrics) {
        Map<String, Metric> byRow = new HashMap<>();
        metrics.forEach(defined -> defined.scorecardMetrics().forEach(row -> byRow.putIfAbsent(row.id(), row)));
        StringBuilder out = new StringBuilder();
        var experiment = scorecard.experiment();
        if (!scorecard.decisions().isEmpty()) {
            out.append("decision: ").append(scorecard.decisions().stream()
                    .map(d -> d.recommendation().id() + " for '" + d.variant() + "' (" + d.recommendation().headline() + ")")
                    .collect(Collectors.joining("; "))).append('\n');
        }
        out.append(experiment.id()).append(" - ").append(experiment.name()).append('\n');
        out.append(experiment.timed() ? "period " + experiment.startDate() + " to " + experiment.endDate()
                        : "no exposure times: every assignment row counts, metrics have no windows")
                .append(", control '").append(experiment.controlVariant()).append("'\n");
        out.append("units: ").append(scorecard.population().units().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                .append("; crossovers ").append(scorecard.population().crossoverUnits())
                .append("; invalid exposures ").append(scorecard.population().invalidExposures()).append('\n');
        var srm = scorecard.srm();
        out.append(Double.isNaN(srm.chiSquare()) ? "SRM: not tested (no split to test yet)\n"
                : String.format(Locale.ROOT, "SRM: chi-square %.4g, p %s%s%n", srm.chiSquare(), pValue(srm.pValue()),
                srm.mismatch() ? "  ** SAMPLE RATIO MISMATCH: results may be biased **" : " (split as planned)"));
        out.append('\n');
        Readiness readiness = scorecard.readiness();
        if (!readiness.ready()) {
            return out.append("status: ").append(readiness.status().jsonName()).append(" (")
                    .append(readiness.waitingFor()).append("): nothing to compare yet\n").toString();
        }

        boolean bayesian = BayesianReading.shown(scorecard.rows());
        List<List<String>> lines = new ArrayList<>();
        // "[95% CI]" as before levels were a setting; "[95% CrI]" for credible intervals
        String ci = "[" + scorecard.confidence().percentText() + (bayesian ? "% CrI]" : "% CI]");
        lines.add(List.of("metric", "variant", "n (c/t)", "control", "treatment", "abs. effect " + ci, "rel. effect " + ci,
                bayesian ? "P(beat control)" : "p", bayesian ? "exp. loss" : "p adj.", "status"));
        for (ScorecardRow row : scorecard.rows()) {
            ComparisonResult r = row.comparison();
            Metric metric = byRow.get(row.metricId());
            Direction direction = metric == null ? Direction.HIGHER_IS_BETTER : metric.direction();
            MetricUnit unit = metric == null ? null : metric.unit();
            String variant = row.segment() == null ? row.variant() : row.segment() + " / " + row.variant();
            Optional<BayesianReading> reading = BayesianReading.of(r, direction);
            lines.add(List.of(metric(row), variant, row.nControl() + "/" + row.nTreatment(),
                    number(r.controlValue(), unit), number(r.treatmentValue(), unit),
                    number(r.absoluteEffect(), unit) + " " + interval(r.absoluteCi(), unit),
                    percent(r.relativeEffect()) + " " + percentInterval(r.relativeCi()),
                    !bayesian ? pValue(r.pValue())
                            : reading.map(b -> chance(b.chanceToBeatControl())).orElse("p " + pValue(r.pValue())),
                    !bayesian ? pValue(row.pValueAdjusted())
                            : reading.map(b -> number(b.expectedLoss(), unit)).orElse("-"),
                    r.status() == ResultStatus.OK ? "ok" : r.status().name().toLowerCase(Locale.ROOT)));
        }
        out.append(TextTable.render(lines));
        if (bayesian) {
            out.append(BAYESIAN).append('\n');
        }
        if (scorecard.rows().stream().anyMatch(row -> row.eligibility() == Eligibility.ALL)) {
            out.append(ALL_UNITS).append('\n');
        }
        if (scorecard.rows().stream().anyMatch(ScorecardRow::descriptive)) {
            out.append(DESCRIPTIVE).append('\n');
        }
        for (Decision decision : scorecard.decisions()) {
            out.append("decision for '").append(decision.variant()).append("': ").append(decision.recommendation().id())
                    .append(" (").append(decision.recommendation().headline()).append(")\n");
            decision.reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        }
        // a note per capped metric: its values are winsorised, so its effect is on the capped values
        scorecard.rows().stream().filter(row -> row.cap() != null)
                .collect(Collectors.toMap(ScorecardRow::metricId, ScorecardRow::cap, (first, same) -> first, LinkedHashMap::new))
                .forEach((metric, cap) -> out.append(metric).append(": ").append(cap.text()).append('\n'));
        return out.toString();
    }

    /**
     * The row's metric id (a funnel's rows by their own ids, {@code checkout_funnel.step2}), marked
     * when it counts every exposed unit or describes rather than tests (the notes below the table say so).
     */
    private static String metric(ScorecardRow row) {
        return row.metricId() + (row.eligibility() == Eligibility.ALL ? " [all units]" : "")
                + (row.descriptive() ? " [descriptive]" : "");
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** A number in the metric's unit: {@code 3.199 h}, {@code $12.35}, {@code -$0.4200}. */
    private static String number(Double value, MetricUnit unit) {
        return value == null || unit == null ? number(value) : unit.format(number(value));
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * value);
    }

    /** A chance as a percentage with one decimal, never rounded to certainty: {@code 91.2%}, {@code >99.9%}. */
    private static String chance(double p) {
        return p > 0.999 ? ">99.9%" : p < 0.001 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String interval(Interval interval, MetricUnit unit) {
        return interval == null ? "" : "[" + number(interval.low(), unit) + ", " + number(interval.high(), unit) + "]";
    }

    private static String percentInterval(Interval interval) {
        return interval == null ? "" : "[" + percent(interval.low()) + ", " + percent(interval.high()) + "]";
    }

    private static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
