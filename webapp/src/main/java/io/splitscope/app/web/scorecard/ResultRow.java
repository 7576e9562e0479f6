package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.Direction;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;

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
 * @param pValue         the p-value, or for a Bayesian row the chance that the treatment is higher
 * @param pLabel         what {@code pValue} is: {@code null} for a p-value, else a short label
 * @param statusLabel    the short status of the comparison ({@code OK}, {@code Zero baseline} ...)
 * @param statusReason   why the result is incomplete; null when the status is OK
 * @param incompleteNote a note on units left out because their window had not elapsed; null when none
 * @param verdictNote    what the verdict follows when that needs saying (a descriptive row, an effect
 *                       not significant after the correction, a decision plan's test); null otherwise
 */
public record ResultRow(String key, String metricId, String metricTitle, String method, String variant,
                        String segment, String controlValue, String treatmentValue, String absoluteEffect,
                        String absoluteCi, String relativeEffect, String relativeCi, Verdict verdict,
                        Double relative, Double relativeLow, Double relativeHigh, String pValue, String pLabel,
                        String pValueAdjusted, String units, boolean ok, String statusLabel, String statusReason,
                        String incompleteNote, String verdictNote) {

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

    /**
     * Formats one scorecard row of a metric with the given direction; {@code alpha} (one minus the
     * scorecard's confidence level) is what its adjusted p-value must be below for a coloured verdict.
     */
    public static ResultRow of(ScorecardRow row, Direction direction, double alpha) {
        ComparisonResult c = row.comparison();
        Interval abs = c.absoluteCi();
        Interval rel = c.relativeCi();
        String title = row.metricTitle() == null || row.metricTitle().isBlank() ? row.metricId() : row.metricTitle();
        String incomplete = row.incompleteUnits() > 0
                ? Formats.count(row.incompleteUnits()) + " units still in their window, left out"
                : null;
        String p = Formats.pValue(c.pValue());
        String pLabel = null;
        Double chance = c.extras().get("chance_to_beat_control");
        if (c.pValue() == null && chance != null) {
            p = Formats.percent(chance);
            pLabel = "chance higher";
        }
        Verdict verdict = Verdict.of(io.splitscope.analysis.Verdict.of(row, direction, alpha));
        String pAdjusted = Formats.pValue(row.pValueAdjusted());
        String verdictNote = switch (verdict) {
            case DESCRIPTIVE -> DESCRIPTIVE_NOTE;
            case NOT_AFTER_CORRECTION -> correctionNote(pAdjusted);
            default -> null;
        };
        return new ResultRow(keyOf(row), row.metricId(), title, row.method(), row.variant(), row.segment(),
                Formats.number(c.controlValue()), Formats.number(c.treatmentValue()),
                Formats.signedNumber(c.absoluteEffect()),
                abs == null ? Formats.MISSING : Formats.interval(abs.low(), abs.high()),
                Formats.signedPercent(c.relativeEffect()),
                rel == null ? Formats.MISSING : Formats.percentInterval(rel.low(), rel.high()),
                verdict, c.relativeEffect(), rel == null ? null : rel.low(),
                rel == null ? null : rel.high(), p, pLabel, pAdjusted,
                Formats.count(row.nControl()) + " / " + Formats.count(row.nTreatment()),
                c.isOk(), c.status().label(), c.reason(), incomplete, verdictNote);
    }

    /** The same row with the verdict another rule gives it (a decision plan's test), and why. */
    public ResultRow judgedBy(Verdict otherVerdict, String note) {
        return new ResultRow(key, metricId, metricTitle, method, variant, segment, controlValue, treatmentValue, absoluteEffect,
                absoluteCi, relativeEffect, relativeCi, otherVerdict, relative, relativeLow, relativeHigh, pValue, pLabel,
                pValueAdjusted, units, ok, statusLabel, statusReason, incompleteNote, note);
    }
}
