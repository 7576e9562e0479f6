package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.BayesianReading;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.Optional;

/**
 * One row of the scorecard, formatted for reading: every number is already text, the verdict says
 * how to colour it, and the raw relative effect and interval are kept for drawing the interval bar.
 *
 * @param key            identifies the row within its scorecard ({@code metric/variant/segment}),
 *                       e.g. to open its explanation from a chart
 * @param segment        the segment of a sliced scorecard, null when it is not sliced
 * @param verdict        better, worse or inconclusive, from the relative effect's interval and the
 *                       metric's direction; descriptive for a row that is not tested
 * @param relative       the relative effect (a fraction), null when there is none
 * @param relativeLow    the low end of its 95 % interval, null when there is none
 * @param relativeHigh   the high end, null when there is none
 * @param pValue         the p-value; {@code —} for a Bayesian row, which has none
 * @param statusLabel    the short status of the comparison ({@code OK}, {@code Zero baseline} ...)
 * @param statusReason   why the result is incomplete; null when the status is OK
 * @param incompleteNote a note on units left out because their window had not elapsed; null when none
 * @param chance         a Bayesian row's chance to beat the control in the metric's direction
 *                       ({@link BayesianReading}), null for a row without a posterior
 * @param expectedLoss   a Bayesian row's expected loss of shipping, in the metric's units; null when none
 * @param verdictNote    what the verdict follows when that needs saying (a descriptive row, an effect
 *                       not significant after the correction, a decision plan's test); null otherwise
 */
public record ResultRow(String key, String metricId, String metricTitle, String method, String variant,
                        String segment, String controlValue, String treatmentValue, String absoluteEffect,
                        String absoluteCi, String relativeEffect, String relativeCi, Verdict verdict,
                        Double relative, Double relativeLow, Double relativeHigh, String pValue,
                        String pValueAdjusted, String units, boolean ok, String statusLabel, String statusReason,
                        String incompleteNote, String chance, String expectedLoss, String verdictNote) {

    /**
     * What a result means for the product, given which way the metric should move: the label and
     * colour of each {@link io.splitscope.analysis.Verdict}, by the same name.
     */
    public enum Verdict {
        /** The interval excludes zero on the good side. */
        BETTER("Better", "ss-better"),
        /** The interval excludes zero on the bad side. */
        WORSE("Worse", "ss-worse"),
        /** The interval contains zero, or there is none. */
        INCONCLUSIVE("Inconclusive", "ss-inconclusive"),
        /**
         * The interval excludes zero, but the Benjamini–Hochberg adjusted p-value is not below α: among
         * this many comparisons the effect may be a false discovery, so it gets no colour.
         */
        NOT_AFTER_CORRECTION("Not after correction", "ss-inconclusive"),
        /** A guardrail the decision plan's non-inferiority test shows within its margin ({@link DecisionVerdicts}). */
        WITHIN_MARGIN("Within margin", "ss-within"),
        /** Not tested, so no verdict: a row that describes ({@link ScorecardRow#descriptive()}). */
        DESCRIPTIVE("Descriptive", "ss-descriptive");

        private final String label;
        private final String className;

        Verdict(String label, String className) {
            this.label = label;
            this.className = className;
        }

        /** The word shown beside the effect. */
        public String label() {
            return label;
        }

        /** The CSS class that colours the effect. */
        public String className() {
            return className;
        }

        /** The presentation of the analysis module's verdict, which holds the rule. */
        static Verdict of(io.splitscope.analysis.Verdict verdict) {
            return valueOf(verdict.name());
        }
    }

    /** How a Bayesian table's badges are decided, stated beside the table. */
    public static String chanceNote(double alpha) {
        return "Badges follow the chance to beat control in each metric's direction: better at "
                + Formats.percent(1 - alpha) + " or more, worse at " + Formats.percent(alpha) + " or less.";
    }

    /** Why a descriptive row has no verdict, beside its effect. */
    public static final String DESCRIPTIVE_NOTE = "Not tested: it counts only units that reached the step before,"
            + " which the treatment itself may change.";

    /** Why a row whose interval excludes zero has no colour, beside its effect. */
    public static String correctionNote(String pValueAdjusted) {
        return "Significant on its own, not after the correction for multiple comparisons (Benjamini–Hochberg"
                + " adjusted p " + pValueAdjusted + "): among this many comparisons it may be chance.";
    }

    /** The row key of a scorecard row, as {@link #key()}. */
    public static String keyOf(ScorecardRow row) {
        return row.metricId() + "/" + row.variant() + (row.segment() == null ? "" : "/" + row.segment());
    }

    /** Formats one scorecard row of a metric with the given direction and no unit ({@link #of(ScorecardRow, Direction, MetricUnit, double)}). */
    public static ResultRow of(ScorecardRow row, Direction direction, double alpha) {
        return of(row, direction, null, alpha);
    }

    /**
     * Formats one scorecard row of a metric with the given direction, its values and absolute
     * effects in {@code unit} (none when null); {@code alpha} (one minus the scorecard's confidence
     * level) is what its adjusted p-value must be below for a coloured verdict, and what a Bayesian
     * row's chance to beat control must reach ({@link io.splitscope.analysis.Verdict#of}).
     */
    public static ResultRow of(ScorecardRow row, Direction direction, MetricUnit unit, double alpha) {
        ComparisonResult c = row.comparison();
        Interval abs = c.absoluteCi();
        Interval rel = c.relativeCi();
        String title = row.metricTitle() == null || row.metricTitle().isBlank() ? row.metricId() : row.metricTitle();
        String incomplete = row.incompleteUnits() > 0
                ? Formats.count(row.incompleteUnits()) + " units still in their window, left out"
                : null;
        Optional<BayesianReading> bayes = BayesianReading.of(c, direction);
        Verdict verdict = Verdict.of(io.splitscope.analysis.Verdict.of(row, direction, alpha));
        String pAdjusted = Formats.pValue(row.pValueAdjusted());
        String verdictNote = switch (verdict) {
            case DESCRIPTIVE -> DESCRIPTIVE_NOTE;
            case NOT_AFTER_CORRECTION -> correctionNote(pAdjusted);
            default -> null;
        };
        return new ResultRow(keyOf(row), row.metricId(), title, row.method(), row.variant(), row.segment(),
                inUnit(Formats.value(c.controlValue()), unit), inUnit(Formats.value(c.treatmentValue()), unit),
                inUnit(Formats.signedValue(c.absoluteEffect()), unit),
                abs == null ? Formats.MISSING
                        : inUnit(Formats.signedValue(abs.low()), unit) + " to " + inUnit(Formats.signedValue(abs.high()), unit),
                Formats.relativeEffect(c.relativeEffect()),
                rel == null ? Formats.MISSING : Formats.relativeInterval(rel.low(), rel.high()),
                verdict, c.relativeEffect(), rel == null ? null : rel.low(),
                rel == null ? null : rel.high(), Formats.pValue(c.pValue()), pAdjusted,
                Formats.count(row.nControl()) + " / " + Formats.count(row.nTreatment()),
                c.isOk(), c.status().label(), c.reason(), incomplete,
                bayes.map(b -> Formats.chance(b.chanceToBeatControl())).orElse(null),
                bayes.map(BayesianReading::expectedLoss).map(loss -> loss(loss, unit)).orElse(null),
                verdictNote);
    }

    /** The same row with the verdict another rule gives it (a decision plan's test), and why. */
    public ResultRow judgedBy(Verdict otherVerdict, String note) {
        return new ResultRow(key, metricId, metricTitle, method, variant, segment, controlValue, treatmentValue, absoluteEffect,
                absoluteCi, relativeEffect, relativeCi, otherVerdict, relative, relativeLow, relativeHigh, pValue,
                pValueAdjusted, units, ok, statusLabel, statusReason, incompleteNote, chance, expectedLoss, note);
    }

    /** An expected loss in {@code unit}; {@code ≈ 0} for one below a millionth, not {@code 1.879e−35}. */
    static String loss(double loss, MetricUnit unit) {
        return Math.abs(loss) < NEGLIGIBLE_LOSS ? "≈ " + inUnit("0", unit) : inUnit(Formats.value(loss), unit);
    }

    /** An expected loss below this is shown as about zero. */
    private static final double NEGLIGIBLE_LOSS = 1e-6;

    /** A formatted number in {@code unit}; the number alone without one, or when it is missing. */
    static String inUnit(String number, MetricUnit unit) {
        return unit == null || number.equals(Formats.MISSING) ? number : unit.format(number);
    }
}
