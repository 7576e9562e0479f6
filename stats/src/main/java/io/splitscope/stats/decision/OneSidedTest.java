package io.splitscope.stats.decision;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;

/**
 * One one-sided test of the decision rule on a metric's row method: at level {@code a}, the effect
 * is significantly beyond the margin {@code m} in the tested direction when the bound of the
 * method's two-sided interval at confidence {@code 1 − 2a} ({@link ConfidenceLevel#oneSided}) is
 * beyond it:
 * <pre>
 *   "greater" (better than m):  lower bound &gt; m        "less" (worse than m):  upper bound &lt; m
 * </pre>
 * For a t or normal interval {@code d ± q(1 − a)·se} this is exactly the one-sided test
 * ({@code t.test(..., alternative = "greater", mu = m, conf.level = 1 − a)} in R).
 *
 * <p>Scale: a relative margin is tested on the relative effect and its interval, measured from the
 * control's magnitude ({@code d/|ȳc|}, so that "falls by 1 %" means the same for a negative
 * control value); an absolute margin, and margin 0 (superiority, deterioration), on the absolute
 * effect — the row's own test, whose p-value it is.
 *
 * <p>One-sided p-value: for margin 0 on the absolute scale, from the row's two-sided p-value
 * {@code p₂} of a symmetric test ({@code welch_t}, {@code cuped}, {@code delta_ratio}, …):
 * {@code p₂/2} when the estimate lies on the tested side, else {@code 1 − p₂/2} — exact, no extra
 * computation. Null for a non-zero margin (the result does not carry the standard error and
 * degrees of freedom it would need), for the relative scale, and when the caller says the p-value
 * is not of that kind (an always-valid p-value).
 *
 * @param metric    the metric tested
 * @param kind      superiority, non-inferiority or deterioration
 * @param level     the one-sided level a; 0 for a look that spends nothing (the test is not run)
 * @param levelText the level as the reasons write it ({@code "α/2"})
 */
record OneSidedTest(RoleMetric metric, TestKind kind, double level, String levelText) {

    /** The test's result with the comparison it read (null when it was not run). */
    record Outcome(TestResult test, ComparisonResult comparison) {
    }

    /** Whether the test looks for the effect above the margin (lower bound) rather than below (upper bound). */
    boolean greater() {
        boolean good = kind != TestKind.DETERIORATION;
        return good == metric.higherIsBetter();
    }

    /** Whether the test is on the relative effect. */
    boolean relative() {
        return kind == TestKind.NON_INFERIORITY && metric.margin().relative();
    }

    /** The margin on the tested scale: the guardrail's for non-inferiority, else 0. */
    double margin() {
        return kind == TestKind.NON_INFERIORITY ? metric.margin().value() : 0;
    }

    /**
     * Runs the test on {@code comparison} re-run at {@code 1 − 2a}.
     *
     * @param halvablePValue whether the row's p-value is a symmetric two-sided test whose half is the
     *                       one-sided p-value (false for always-valid p-values)
     */
    Outcome run(Comparison comparison, boolean halvablePValue) {
        if (level == 0) {
            return new Outcome(notRun("the spending plan spends nothing at this look"), null);
        }
        ComparisonResult result = comparison.at(ConfidenceLevel.oneSided(level));
        Double control = result.controlValue();
        Double estimate;
        Interval interval;
        if (relative()) {
            boolean flip = control != null && control < 0;
            estimate = result.relativeEffect();
            if (flip && estimate != null) {
                estimate = -estimate;
            }
            Interval ci = result.relativeCi();
            interval = flip && ci != null ? new Interval(-ci.high(), -ci.low()) : ci;
        } else {
            estimate = result.absoluteEffect();
            interval = result.absoluteCi();
        }
        if (interval == null) {
            String why = result.reason() != null ? result.reason()
                    : "the method gives no " + (relative() ? "relative " : "") + "interval";
            return new Outcome(new TestResult(metric.id(), kind, level, levelText, relative(), margin(), control,
                    estimate, null, null, null, false, why), result);
        }
        double bound = greater() ? interval.low() : interval.high();
        boolean significant = greater() ? bound > margin() : bound < margin();
        Double pValue = halvablePValue && !relative() && margin() == 0 && result.pValue() != null && estimate != null
                ? oneSidedPValue(result.pValue(), estimate) : null;
        return new Outcome(new TestResult(metric.id(), kind, level, levelText, relative(), margin(), control,
                estimate, interval, bound, pValue, significant, null), result);
    }

    private double oneSidedPValue(double twoSided, double estimate) {
        boolean onTestedSide = greater() ? estimate > 0 : estimate < 0;
        return onTestedSide ? twoSided / 2 : 1 - twoSided / 2;
    }

    private TestResult notRun(String why) {
        return new TestResult(metric.id(), kind, level, levelText, relative(), margin(), null, null, null, null,
                null, false, why);
    }
}
