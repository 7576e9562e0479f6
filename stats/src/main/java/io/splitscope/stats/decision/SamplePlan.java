package io.splitscope.stats.decision;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.power.PowerCalculator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The planned sample per variant of the decision rule ({@code spec/decisions.md}, "the plan"): the
 * units at which the success test (against the relative {@code mde} of the control value) and each
 * guardrail's non-inferiority test (true effect 0 against its margin) each have power
 * {@code 1 − β/(G+1)} at their levels, so that the rule has power at least {@code 1 − β}.
 *
 * <p>Variances come from the data so far: the standard error of a row's effect scales as
 * {@code 1/√n}, measured as {@code se_now = (half-width of the 95 % interval)/z(0.975)} at
 * {@code n_now = min(control units, treatment units)}, so
 * <pre>
 *   n = n_now · (se_now / se_needed)²,   se_needed = δ / (z(1 − a) + z(1 − β/(G+1)))
 * </pre>
 * which is {@link PowerCalculator#oneSidedSampleSize} with the per-unit
 * {@code sd = se_now·√(n_now/2)}. The planned sample is the largest over the metrics, rounded up.
 * A row with no interval, no units or a zero control value (no relative mde) is left out; with no
 * row left there is no plan. For a sequential design the rows' always-valid intervals are wider
 * than a fixed one, so the plan includes the price of looking at any time; a group-sequential
 * plan uses the fixed-sample levels (the inflation of a Lan–DeMets design is a few per cent).
 */
final class SamplePlan {

    private SamplePlan() {
    }

    /**
     * One row to plan for.
     *
     * @param comparison the row
     * @param relative   whether the test is on the relative effect
     * @param delta      the effect to detect on the test's scale; a fraction of the control's
     *                   magnitude when {@code ofControl}
     * @param ofControl  whether {@code delta} is relative to the control value (the success mde)
     * @param level      the test's one-sided level
     */
    record Target(Comparison comparison, boolean relative, double delta, boolean ofControl, double level) {
    }

    /** The success target: superiority (absolute scale) at {@code level} against {@code mde} times the control value. */
    static Target success(Comparison comparison, double mde, double level) {
        return new Target(comparison, false, mde, true, level);
    }

    /** A guardrail target: non-inferiority at {@code level}, true effect 0 against its margin. */
    static Target guardrail(Comparison comparison, Margin margin, double level) {
        return new Target(comparison, margin.relative(), Math.abs(margin.value()), false, level);
    }

    /**
     * The planned units per variant, or empty when no target can be planned.
     *
     * @param targets    the success and guardrail targets
     * @param guardrails G, the number of guardrails
     * @param unitsNow   {@code n_now}, the smaller arm's units so far
     * @param power      the rule's power {@code 1 − β}
     */
    static OptionalLong units(List<Target> targets, int guardrails, long unitsNow, double power) {
        if (unitsNow < 2) {
            return OptionalLong.empty();
        }
        double perTestPower = 1 - (1 - power) / (guardrails + 1);
        double planned = Double.NaN;
        for (Target t : targets) {
            double n = units(t, unitsNow, perTestPower);
            planned = Double.isNaN(planned) || n > planned ? n : planned;
        }
        return Double.isNaN(planned) ? OptionalLong.empty() : OptionalLong.of((long) Math.ceil(planned));
    }

    /** The units for one target, NaN when its row cannot be planned. */
    private static double units(Target target, long unitsNow, double power) {
        ConfidenceLevel level = ConfidenceLevel.DEFAULT;
        ComparisonResult result = target.comparison().at(level);
        Interval ci = target.relative() ? result.relativeCi() : result.absoluteCi();
        double delta = target.delta();
        if (target.ofControl()) {
            if (result.controlValue() == null || result.controlValue() == 0) {
                return Double.NaN;
            }
            delta *= Math.abs(result.controlValue());
        }
        if (ci == null || !(ci.high() > ci.low())) {
            return Double.NaN;
        }
        double seNow = (ci.high() - ci.low()) / 2 / level.z();
        double sd = seNow * Math.sqrt(unitsNow / 2.0);
        try {
            return PowerCalculator.oneSidedSampleSize(delta, sd, target.level(), power);
        } catch (IllegalArgumentException overflow) { // a δ that underflowed or an n beyond doubles: no plan from this row
            return Double.NaN;
        }
    }
}
