package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;

/**
 * The difference {@code d = treatment − control} of two independent estimates with the variance of
 * each, as {@code welch_t}, {@code sequential}, {@code bayesian}, {@code delta_ratio} and
 * {@code quantile_asymptotic} test it:
 * <pre>
 *   se   = √(vc + vt)
 *   r    = d / control
 *   se_r = √(vt + (treatment/control)² vc) / |control|       (delta method)
 * </pre>
 *
 * @param control           the control's estimate
 * @param treatment         the treatment's estimate
 * @param controlVariance   the variance of the control's estimate (for a mean, s²/n)
 * @param treatmentVariance the variance of the treatment's estimate
 */
record Difference(double control, double treatment, double controlVariance, double treatmentVariance) {

    /** The difference of two variants' means, each with the variance s²/n (2 units or more each). */
    static Difference ofMeans(Moments control, Moments treatment) {
        return new Difference(control.mean(), treatment.mean(), control.variance() / control.n(),
                treatment.variance() / treatment.n());
    }

    double d() {
        return treatment - control;
    }

    double se() {
        return Math.sqrt(controlVariance + treatmentVariance);
    }

    double relative() {
        return d() / control;
    }

    /** The delta-method standard error of the relative difference (see the record's comment). */
    double relativeSe() {
        double ratio = treatment / control;
        return Math.sqrt(treatmentVariance + ratio * ratio * controlVariance) / Math.abs(control);
    }

    /** A result with the estimates as the values and d with {@code absoluteCi} as the absolute effect, so far. */
    ComparisonResult.Builder absolute(Interval absoluteCi) {
        return ComparisonResult.builder().values(control, treatment).absolute(d(), absoluteCi);
    }

    /**
     * {@code result} (the values, the absolute effect with its interval, the p-value) completed with
     * the relative effect {@code r} and its interval: {@link ResultStatus#ZERO_BASELINE} when the
     * control value is 0, {@link ResultStatus#NON_FINITE} with {@code overflow} as the reason when
     * {@code relativeCi} is null (it overflowed), else OK.
     *
     * @param relativeCi   the interval of r, null if a bound is not finite; ignored when the control is 0
     * @param controlValue what the control's value is, for the reason: e.g. {@code "control mean"}
     */
    ComparisonResult withRelative(ComparisonResult.Builder result, Interval relativeCi, String controlValue,
            String overflow) {
        if (control == 0) {
            return Degenerate.zeroBaseline(result, controlValue);
        }
        if (relativeCi == null) {
            return result.withStatus(ResultStatus.NON_FINITE, overflow);
        }
        return result.relative(relative(), relativeCi).ok();
    }
}
