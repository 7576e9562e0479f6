package io.splitscope.analysis;

import io.splitscope.metrics.Direction;
import io.splitscope.stats.Interval;
import java.util.Locale;

/**
 * What a scorecard row means for the product, given which way its metric should move: the one
 * rule behind the web app's badges, the scorecard JSON's {@code verdict} and the CSV's column.
 *
 * <p>The rule, at confidence level {@code 1 − α}: a row that only describes
 * ({@link ScorecardRow#descriptive()}) is {@link #DESCRIPTIVE}; a row without a relative interval,
 * or whose interval contains zero, is {@link #INCONCLUSIVE}; an interval that excludes zero is
 * {@link #NOT_AFTER_CORRECTION} when the row's Benjamini–Hochberg adjusted p-value is α or more
 * (among that many comparisons the effect may be a false discovery), else {@link #BETTER} or
 * {@link #WORSE} as it lies on the metric's good or bad side. A row a decision plan decides is
 * judged by the plan's tests instead ({@link PlanVerdicts}).
 */
public enum Verdict {
    /** The interval excludes zero on the good side, and the adjusted p-value is below α. */
    BETTER,
    /** The interval excludes zero on the bad side, and the adjusted p-value is below α. */
    WORSE,
    /** The interval contains zero, or there is none (the row's status says why). */
    INCONCLUSIVE,
    /** The interval excludes zero, but the Benjamini–Hochberg adjusted p-value is not below α. */
    NOT_AFTER_CORRECTION,
    /** Not tested, so no verdict: a row that describes (a funnel's step-over-step conversion). */
    DESCRIPTIVE,
    /**
     * A guardrail the decision plan's non-inferiority test shows within its margin: only
     * {@link PlanVerdicts} gives it, never {@link #of}.
     */
    WITHIN_MARGIN;

    /** The name in JSON and CSV: {@code better}, {@code not_after_correction} ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict on {@code row} of a metric that moves in {@code direction}, at {@code alpha} (one
     * minus the scorecard's confidence level, e.g. 0.05).
     */
    public static Verdict of(ScorecardRow row, Direction direction, double alpha) {
        java.util.Objects.requireNonNull(direction, "direction");
        if (row.descriptive()) {
            return DESCRIPTIVE;
        }
        Interval ci = row.comparison().relativeCi();
        if (ci == null || (ci.low() <= 0 && ci.high() >= 0)) {
            return INCONCLUSIVE;
        }
        if (row.pValueAdjusted() != null && row.pValueAdjusted() >= alpha) {
            return NOT_AFTER_CORRECTION;
        }
        boolean up = ci.low() > 0;
        return up == (direction == Direction.HIGHER_IS_BETTER) ? BETTER : WORSE;
    }
}
