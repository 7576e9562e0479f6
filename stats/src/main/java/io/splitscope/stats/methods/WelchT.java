package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.StudentT;
import java.util.Objects;

/**
 * Welch's unequal-variances t-test of the difference in means, with a delta-method interval for
 * the relative difference — stat method {@code welch_t}, for mean and proportion metrics
 * (spec/metrics.md, "The statistics contract").
 *
 * <p>From the {@link Moments} of control (c) and treatment (t): means {@code ȳ}, sample variances
 * {@code s²} (with n − 1), and
 * <pre>
 *   d    = ȳt − ȳc
 *   se   = √(s²c/nc + s²t/nt)
 *   df   = (s²c/nc + s²t/nt)² / ( (s²c/nc)²/(nc − 1) + (s²t/nt)²/(nt − 1) )     (Welch–Satterthwaite)
 *   p    = P(|T_df| ≥ |d/se|)                                                   (two-sided)
 *   CI   = d ± t(1 − α/2, df) · se                                               (level 1 − α, 95 % by default)
 *   r    = d / ȳc
 *   se_r² = s²t/(nt ȳc²) + ȳt² s²c/(nc ȳc⁴)                                      (delta method)
 *   CI_r = r ± t(1 − α/2, df) · se_r                                            (same df)
 * </pre>
 * The absolute part is exactly R's {@code t.test(treatment, control, conf.level = 1 − α)} (Welch,
 * two-sided);
 * the relative interval is GrowthBook's frequentist engine's.
 *
 * <p>Degenerate data gives a status, never an exception (checked in this order):
 * <ul>
 *   <li>{@link ResultStatus#NON_FINITE}: a sum is NaN or infinite, or the arithmetic overflows —
 *       only the finite means are given;</li>
 *   <li>{@link ResultStatus#EMPTY_ARM}: a variant has no units — the other variant's mean, if any;</li>
 *   <li>{@link ResultStatus#TOO_FEW_UNITS}: a variant has a single unit — means and effects, no
 *       interval or p-value;</li>
 *   <li>{@link ResultStatus#ZERO_VARIANCE}: both variances are 0 (see {@link Moments#variance()}) —
 *       means and effects, no interval or p-value (R's {@code t.test} stops with "data are
 *       essentially constant"); one arm with zero variance is fine;</li>
 *   <li>{@link ResultStatus#ZERO_BASELINE}: the control mean is 0 — absolute effect, interval and
 *       p-value; no relative effect or interval.</li>
 * </ul>
 *
 * <p>References: B. L. Welch (1947), "The generalization of 'Student's' problem when several
 * different population variances are involved", <i>Biometrika</i> 34(1–2), 28–35;
 * F. E. Satterthwaite (1946), "An approximate distribution of estimates of variance components",
 * <i>Biometrics Bulletin</i> 2(6), 110–114; A. Deng, U. Knoblich, J. Lu (2018), "Applying the
 * Delta Method in Metric Analytics: A Practical Guide with Novel Ideas", <i>KDD 2018</i>;
 * GrowthBook documentation, "Statistical details — frequentist engine"
 * (https://docs.growthbook.io/statistics/details).
 */
public final class WelchT implements ComparisonMethod<Moments> {

    /** The stable id, {@value}. */
    public static final String ID = "welch_t";

    /** For {@link java.util.ServiceLoader}. */
    public WelchT() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Welch's t-test";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "Compares the means of the two variants without assuming equal variances. The interval is a"
                        + " confidence interval at the analysis's level (95 % unless set); the p-value is the chance of a difference at least this large if"
                        + " the treatment changed nothing.",
                """
                d    = ȳt − ȳc
                se   = √(s²c/nc + s²t/nt)
                df   = (s²c/nc + s²t/nt)² / ((s²c/nc)²/(nc − 1) + (s²t/nt)²/(nt − 1))
                p    = P(|T_df| ≥ |d/se|)
                CI   = d ± t(1 − α/2, df) · se        (confidence level 1 − α)
                r    = d / ȳc,   se_r² = s²t/(nt ȳc²) + ȳt² s²c/(nc ȳc⁴)
                CI_r = r ± t(1 − α/2, df) · se_r
                where ȳ = Σy/n and s² = (Σy² − (Σy)²/n)/(n − 1) from the sufficient statistics""",
                "B. L. Welch (1947), Biometrika 34; relative interval by the delta method (Deng, Knoblich & Lu, KDD 2018).");
    }

    @Override
    public Class<Moments> inputType() {
        return Moments.class;
    }

    @Override
    public ComparisonResult compare(Moments control, Moments treatment, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(level, "level");

        Double cMean = Degenerate.finiteOrNull(control.mean());
        Double tMean = Degenerate.finiteOrNull(treatment.mean());

        if (!control.isFinite() || !treatment.isFinite()) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, nonFiniteReason(control, treatment),
                    control.isFinite() ? cMean : null, treatment.isFinite() ? tMean : null);
        }
        if (control.n() == 0 || treatment.n() == 0) {
            return Degenerate.emptyArm(control.n(), treatment.n(), cMean, tMean);
        }
        if (control.n() < 2 || treatment.n() < 2) {
            return Degenerate.tooFewUnits(control.n(), treatment.n(), control.mean(), treatment.mean());
        }
        return fromSummaries(control.n(), control.mean(), control.variance(), treatment.n(), treatment.mean(),
                treatment.variance(), level);
    }

    /**
     * Welch's test from per-variant summaries, for {@code welch_t} and the methods that reduce to
     * it ({@code cuped} on adjusted values): sizes {@code nc, nt ≥ 2}, finite means and finite
     * non-negative sample variances (0 meaning "zero within round-off"), intervals at {@code level}. Checks, in order, zero
     * variance in both, non-finite arithmetic and a zero control mean; the caller has checked the
     * rest.
     */
    static ComparisonResult fromSummaries(long nc, double yc, double vc, long nt, double yt, double vt,
            ConfidenceLevel level) {
        if (vc == 0 && vt == 0) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Every unit of each variant has the same"
                    + " value (zero variance in both), so there is no standard error, interval or p-value.", yc, yt);
        }

        double ac = vc / nc;
        double at = vt / nt;
        Difference diff = new Difference(yc, yt, ac, at);
        double d = diff.d();
        double se = diff.se();
        // Welch–Satterthwaite, scaled by se² so that neither squares nor quotients overflow.
        double se2 = ac + at;
        double fc = ac / se2;
        double ft = at / se2;
        double df = 1.0 / (fc * fc / (nc - 1) + ft * ft / (nt - 1));
        if (!(Double.isFinite(d) && Double.isFinite(se) && se > 0 && Double.isFinite(df) && df > 0)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The arithmetic left the range of doubles (difference "
                    + d + ", standard error " + se + ", degrees of freedom " + df + ").", yc, yt);
        }

        double q = level.t(df);
        double p = StudentT.twoSidedPValue(d / se, df);
        Interval absoluteCi = interval(d, q * se);
        if (absoluteCi == null) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The confidence interval overflowed"
                    + " (difference " + d + ", standard error " + se + ").", yc, yt);
        }
        Interval relativeCi = interval(diff.relative(), q * diff.relativeSe());
        return diff.withRelative(diff.absolute(absoluteCi).pValue(p), relativeCi, "control mean",
                "The relative effect overflowed (control mean " + yc + ", treatment mean " + yt + ").");
    }

    /** {@code centre ± halfWidth}, or null if a bound is not finite. */
    static Interval interval(double centre, double halfWidth) {
        double low = centre - halfWidth;
        double high = centre + halfWidth;
        return Double.isFinite(low) && Double.isFinite(high) ? new Interval(low, high) : null;
    }

    private static String nonFiniteReason(Moments control, Moments treatment) {
        StringBuilder sb = new StringBuilder();
        if (!control.isFinite()) {
            sb.append("the control's sums are not finite (sum ").append(control.sum())
                    .append(", sum of squares ").append(control.sumSquares()).append(')');
        }
        if (!treatment.isFinite()) {
            sb.append(sb.isEmpty() ? "" : " and ").append("the treatment's sums are not finite (sum ")
                    .append(treatment.sum()).append(", sum of squares ")
                    .append(treatment.sumSquares()).append(')');
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.append('.').toString();
    }

}
