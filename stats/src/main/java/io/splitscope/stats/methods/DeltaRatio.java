package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.Normal;
import java.util.Objects;

/**
 * The delta-method z-test of a ratio metric — stat method {@code delta_ratio} (spec/metrics.md,
 * "The statistics contract").
 *
 * <p>Per variant, from the {@link RatioMoments} of the unit-level numerator N and denominator D
 * (sample variances and covariance with n − 1):
 * <pre>
 *   R      = N̄ / D̄  (= ΣN / ΣD)
 *   var(R) = ( s²_N/D̄² − 2 N̄ s_ND/D̄³ + N̄² s²_D/D̄⁴ ) / n  =  ( s²_N − 2R s_ND + R² s²_D ) / (n D̄²)
 *   d      = Rt − Rc,   se = √(var(Rt) + var(Rc)),   CI = d ± z·se,   p = 2 (1 − Φ(|d| / se))
 *   r      = d / Rc,    se_r² = var(Rt)/Rc² + Rt² var(Rc)/Rc⁴,   CI_r = r ± z·se_r
 * </pre>
 * with z = z(1 − α/2) the standard normal quantile of the confidence level 1 − α (1.96 at 95 %; a z-test, not t: the variance is itself an
 * asymptotic, delta-method one).
 *
 * <p>Degenerate data gives a status, never an exception (in this order):
 * {@link ResultStatus#NON_FINITE} (a non-finite sum; or a variant whose denominator sums to 0, so
 * that its ratio does not exist — the other ratio is given); {@link ResultStatus#EMPTY_ARM};
 * {@link ResultStatus#TOO_FEW_UNITS} (ratios and effects only); {@link ResultStatus#ZERO_VARIANCE}
 * (both var(R) are 0 within round-off); {@link ResultStatus#ZERO_BASELINE} (Rc = 0: no relative
 * effect). A var(R) that round-off makes slightly negative is 0.
 *
 * <p>References: A. Deng, U. Knoblich, J. Lu (2018), "Applying the Delta Method in Metric
 * Analytics: A Practical Guide with Novel Ideas", <i>KDD 2018</i>, section 3; R. Kohavi, D. Tang,
 * Y. Xu (2020), <i>Trustworthy Online Controlled Experiments</i>, chapter 18.
 */
public final class DeltaRatio implements ComparisonMethod<RatioMoments> {

    /** The stable id, {@value}. */
    public static final String ID = "delta_ratio";

    /** For {@link java.util.ServiceLoader}. */
    public DeltaRatio() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Delta-method z-test of a ratio";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "A ratio of sums over units (e.g. rebuffers per watch hour) varies with both its numerator and"
                        + " denominator; the delta method gives its variance from both, per unit.",
                """
                R      = ΣN / ΣD
                var(R) = (s²N − 2R sND + R² s²D) / (n D̄²)
                d      = Rt − Rc,   se = √(var(Rt) + var(Rc)),   CI = d ± z·se,   p = 2(1 − Φ(|d|/se))
                r      = d / Rc,    se_r² = var(Rt)/Rc² + Rt² var(Rc)/Rc⁴,   CI_r = r ± z·se_r
                where z = z(1 − α/2) of the confidence level 1 − α (1.96 at 95 %)""",
                "A. Deng, U. Knoblich, J. Lu (2018), \"Applying the Delta Method in Metric Analytics\", KDD, §3.");
    }

    @Override
    public Class<RatioMoments> inputType() {
        return RatioMoments.class;
    }

    @Override
    public ComparisonResult compare(RatioMoments control, RatioMoments treatment, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(level, "level");

        if (!control.isFinite() || !treatment.isFinite()) {
            return Degenerate.nonFiniteSums(control.isFinite(), treatment.isFinite(),
                    "numerator, denominator or cross product", ratioOrNull(control), ratioOrNull(treatment));
        }
        Double rcOrNull = ratioOrNull(control);
        Double rtOrNull = ratioOrNull(treatment);
        if (control.n() == 0 || treatment.n() == 0) {
            return Degenerate.emptyArm(control.n(), treatment.n(), rcOrNull, rtOrNull);
        }
        if (rcOrNull == null || rtOrNull == null) {
            String which = rcOrNull == null && rtOrNull == null ? "both variants"
                    : rcOrNull == null ? "the control" : "the treatment";
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The denominator of " + which
                    + " sums to 0 (or the ratio overflows), so the ratio does not exist.", rcOrNull, rtOrNull);
        }
        double rc = rcOrNull;
        double rt = rtOrNull;
        if (control.n() < 2 || treatment.n() < 2) {
            return Degenerate.tooFewUnits(control.n(), treatment.n(), rc, rt);
        }
        double vc = ratioVariance(control, rc);
        double vt = ratioVariance(treatment, rt);
        if (vc == 0 && vt == 0) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "The ratio has zero variance in both"
                    + " variants (every unit has the same numerator-to-denominator ratio), so there is no"
                    + " standard error, interval or p-value.", rc, rt);
        }
        Difference diff = new Difference(rc, rt, vc, vt);
        double d = diff.d();
        double se = diff.se();
        double z = level.z();
        Interval absoluteCi = WelchT.interval(d, z * se);
        if (!Double.isFinite(d) || !(se > 0) || !Double.isFinite(se) || absoluteCi == null) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The arithmetic left the range of doubles"
                    + " (difference " + d + ", standard error " + se + ").", rc, rt);
        }
        double p = Normal.twoSidedPValue(d / se);
        Interval relativeCi = WelchT.interval(diff.relative(), z * diff.relativeSe());
        return diff.withRelative(diff.absolute(absoluteCi).pValue(p), relativeCi, "control ratio",
                "The relative effect overflowed (control ratio " + rc + ", treatment ratio " + rt + ").");
    }

    /** ΣN / ΣD, or null if not finite (ΣD = 0). */
    private static Double ratioOrNull(RatioMoments m) {
        if (m.n() == 0) {
            return null;
        }
        double r = m.ratio();
        return Double.isFinite(r) ? r : null;
    }

    /** (s²_N − 2R s_ND + R² s²_D) / (n D̄²), 0 when below the round-off of its terms. */
    static double ratioVariance(RatioMoments m, double ratio) {
        long n = m.n();
        double dMean = m.denominator().mean();
        double vn = m.numerator().variance();
        double vd = m.denominator().variance();
        double cnd = m.covariance();
        double numerator = vn - 2 * ratio * cnd + ratio * ratio * vd;
        double scale = vn + ratio * ratio * vd;
        if (numerator <= Moments.ROUNDOFF_TOLERANCE * scale) {
            return 0.0;
        }
        return numerator / (n * dMean * dMean);
    }
}
