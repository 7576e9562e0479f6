package io.splitscope.stats.example;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.Normal;

/**
 * The two-sample z-test of a difference in means, from sufficient statistics:
 * d = ȳt − ȳc, se = √(s²c/nc + s²t/nt), CI d ± z·se, p = 2(1 − Φ(|d|/se)).
 * Reference: any statistics text, e.g. Kohavi, Tang &amp; Xu (2020), chapter 17.
 */
public final class ZTest implements ComparisonMethod<Moments> {

    @Override
    public String id() {
        return "z_test";
    }

    @Override
    public String title() {
        return "Two-sample z-test";
    }

    @Override
    public Class<Moments> inputType() {
        return Moments.class;
    }

    @Override
    public ComparisonResult compare(Moments control, Moments treatment, ConfidenceLevel level) {
        if (!control.isFinite() || !treatment.isFinite()) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "A variant's sums are not finite.", null, null);
        }
        if (control.n() == 0 || treatment.n() == 0) {
            return Degenerate.emptyArm(control.n(), treatment.n(), null, null);
        }
        if (control.n() < 2 || treatment.n() < 2) {
            return Degenerate.valuesOnly(ResultStatus.TOO_FEW_UNITS, Degenerate.arms(control.n() < 2, treatment.n() < 2)
                    + " a single unit; the test needs at least 2.", control.mean(), treatment.mean());
        }
        double yc = control.mean();
        double yt = treatment.mean();
        double d = yt - yc;
        double se = Math.sqrt(control.variance() / control.n() + treatment.variance() / treatment.n());
        if (se == 0) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Both variants have zero variance.", yc, yt, d, null);
        }
        Interval ci = new Interval(d - level.z() * se, d + level.z() * se); // z(1 − α/2): 1.96 at 95 %
        double p = Normal.twoSidedPValue(d / se);
        var result = ComparisonResult.builder().values(yc, yt).absolute(d, ci).pValue(p);
        if (yc == 0) {
            return result.withStatus(ResultStatus.ZERO_BASELINE, "The control mean is 0.");
        }
        Interval relativeCi = new Interval(ci.low() / Math.abs(yc), ci.high() / Math.abs(yc)); // ignores ȳc's error
        return result.relative(d / yc, relativeCi).ok();
    }
}
