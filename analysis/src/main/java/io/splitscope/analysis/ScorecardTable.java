package io.splitscope.analysis;

import io.splitscope.analysis.text.TextTable;
import io.splitscope.metrics.Eligibility;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.decision.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    private ScorecardTable() {
    }

    public static String render(Scorecard scorecard) {
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

        List<List<String>> lines = new ArrayList<>();
        String ci = "[" + scorecard.confidence().percentText() + "% CI]"; // "[95% CI]" as before levels were a setting
        lines.add(List.of("metric", "variant", "n (c/t)", "control", "treatment", "abs. effect " + ci, "rel. effect " + ci,
                "p", "p adj.", "status"));
        for (ScorecardRow row : scorecard.rows()) {
            ComparisonResult r = row.comparison();
            String variant = row.segment() == null ? row.variant() : row.segment() + " / " + row.variant();
            lines.add(List.of(metric(row), variant, row.nControl() + "/" + row.nTreatment(),
                    number(r.controlValue()), number(r.treatmentValue()),
                    number(r.absoluteEffect()) + " " + interval(r.absoluteCi(), false),
                    percent(r.relativeEffect()) + " " + interval(r.relativeCi(), true),
                    pValue(r.pValue()), pValue(row.pValueAdjusted()),
                    r.status() == ResultStatus.OK ? "ok" : r.status().name().toLowerCase(Locale.ROOT)));
        }
        out.append(TextTable.render(lines));
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

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * value);
    }

    private static String interval(Interval interval, boolean asPercent) {
        if (interval == null) {
            return "";
        }
        return asPercent
                ? "[" + percent(interval.low()) + ", " + percent(interval.high()) + "]"
                : "[" + number(interval.low()) + ", " + number(interval.high()) + "]";
    }

    private static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
