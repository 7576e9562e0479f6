package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;

/**
 * An always-valid test of the difference in means that may be looked at every day — stat method
 * {@code sequential}: the asymptotic confidence sequence of Waudby-Smith et al. (2023), as
 * GrowthBook's frequentist engine computes it, with its mixture-martingale p-value.
 *
 * <p>From the {@link Moments} of control and treatment, {@code d = ȳt − ȳc} and the Welch standard
 * error {@code se = √(s²c/nc + s²t/nt)} (as {@code welch_t}); {@code N = nc + nt},
 * {@code s² = se²·N} (the per-unit variance of the estimator), α = 1 − the confidence level (0.05
 * by default) and the tuning parameter
 * {@code N*}:
 * <pre>
 *   ρ²        = ( −2 ln α + ln(1 − 2 ln α) ) / N*
 *   halfwidth = s · √( 2 (N ρ² + 1) / (N² ρ²) · ln( √(N ρ² + 1) / α ) )
 *   CI        = d ± halfwidth                        (valid at every N simultaneously)
 *   p         = min(1, √(N ρ² + 1) · exp( −d² N² ρ² / (2 s² (N ρ² + 1)) ))
 * </pre>
 * The p-value is the smallest α' at which the same boundary (ρ fixed) excludes 0: the inverse of
 * the normal-mixture likelihood ratio, a non-negative supermartingale under "no difference", so
 * {@code P(p ≤ α at any look) ≤ α} (Ville's inequality) — the mSPRT of Johari et al. (2017) with a
 * N(0, 1/ρ²) mixing distribution in units of s/√N. It is α or below exactly when the CI
 * excludes 0; as ρ is tuned to α, the p-value depends on the confidence level too. Reporting the current value (not the running minimum over past looks) is
 * conservative. The relative effect {@code r = d/ȳc} gets the same sequence with the delta-method
 * {@code se_r} of {@code welch_t}.
 *
 * <p><b>Tuning parameter</b> {@code N*} ({@value #DEFAULT_TUNING} by default, as GrowthBook): the
 * total number of units at which the sequence is tightest. Set it near the sample size expected at
 * the end of the experiment; below and far above it the interval is wider than it need be (never
 * invalid). At N = N* the half-width is about 1.55 times the fixed-horizon {@code z·se} (at α = 0.05), the
 * price of peeking.
 *
 * <p>Degenerate data: as {@code welch_t} (NON_FINITE, EMPTY_ARM, TOO_FEW_UNITS, ZERO_VARIANCE,
 * ZERO_BASELINE).
 *
 * <p>References: I. Waudby-Smith, D. Arbour, R. Sinha, E. H. Kennedy, A. Ramdas (2023),
 * "Time-uniform central limit theory and asymptotic confidence sequences", <i>Annals of
 * Statistics</i> (arXiv:2103.06476), eq. (9) and §B.2; R. Johari, P. Koomen, L. Pekelis, D. Walsh
 * (2017), "Peeking at A/B Tests: Why it matters, and what to do about it", <i>KDD 2017</i>;
 * GrowthBook documentation, "Sequential testing" (https://docs.growthbook.io/statistics/sequential).
 */
public final class Sequential implements ComparisonMethod<Moments> {

    /** The stable id, {@value}. */
    public static final String ID = "sequential";

    /** The default tuning parameter N* (GrowthBook's default). */
    public static final double DEFAULT_TUNING = 5000;

    private final double tuning;

    /** The registered instance: N* = {@value #DEFAULT_TUNING}. */
    public Sequential() {
        this(DEFAULT_TUNING);
    }

    /** @param tuning N*, the total sample size at which the sequence is tightest; positive */
    public Sequential(double tuning) {
        if (!(tuning > 0) || !Double.isFinite(tuning)) {
            throw new IllegalArgumentException("the tuning parameter N* must be positive, got " + tuning);
        }
        this.tuning = tuning;
    }

    /** The tuning parameter N*. */
    public double tuning() {
        return tuning;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sequential (always-valid) test";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "An interval that stays valid however often you look at the results, so an experiment can be"
                        + " checked every day. It is wider than Welch's at the same sample size: the price of peeking.",
                """
                d = ȳt − ȳc,  se as Welch,  N = nc + nt,  s² = se²·N,  α = 1 − level (0.05)
                ρ²        = (−2 ln α + ln(1 − 2 ln α)) / N*
                halfwidth = s · √( 2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α) )
                CI        = d ± halfwidth
                p         = min(1, √(Nρ² + 1) · exp(−d²N²ρ² / (2s²(Nρ² + 1))))""",
                "I. Waudby-Smith et al. (2023), Annals of Statistics; Johari et al. (2017), KDD.");
    }

    @Override
    public Class<Moments> inputType() {
        return Moments.class;
    }

    @Override
    public ComparisonResult compare(Moments control, Moments treatment, ConfidenceLevel level) {
        // welch_t checks the arguments, and gives the same degenerate cases and messages
        ComparisonResult welch = new WelchT().compare(control, treatment, level);
        if (welch.status() != ResultStatus.OK && welch.status() != ResultStatus.ZERO_BASELINE) {
            return welch;
        }
        Difference diff = Difference.ofMeans(control, treatment);
        double d = diff.d();
        double se = diff.se();
        double n = (double) control.n() + treatment.n();
        Boundary boundary = Boundary.of(level.alpha(), tuning);
        Interval absoluteCi = WelchT.interval(d, boundary.halfWidth(se, n));
        double p = boundary.pValue(d, se, n);
        if (absoluteCi == null || Double.isNaN(p)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The confidence sequence overflowed.",
                    diff.control(), diff.treatment());
        }
        Interval relativeCi = WelchT.interval(diff.relative(), boundary.halfWidth(diff.relativeSe(), n));
        return diff.withRelative(diff.absolute(absoluteCi).pValue(p), relativeCi, "control mean",
                "The relative effect overflowed.");
    }

    /** The confidence sequence at error rate α, with its mixing parameter ρ² tuned to α and N*. */
    record Boundary(double alpha, double rho2) {

        static Boundary of(double alpha, double tuning) {
            double logAlpha = Math.log(alpha);
            return new Boundary(alpha, (-2 * logAlpha + Math.log(-2 * logAlpha + 1)) / tuning);
        }

        /**
         * The half-width of the sequence for an estimator with standard error se after n units;
         * {@code s = se·√n} is not squared, so that an se up to 1.8e308 does not overflow.
         */
        double halfWidth(double se, double n) {
            double nr = n * rho2 + 1;
            return se * Math.sqrt(n) * Math.sqrt(2 * nr / (n * n * rho2) * Math.log(Math.sqrt(nr) / alpha));
        }

        /**
         * The always-valid p-value (see the class comment), its exponent written with
         * {@code d²N²ρ² / (2s²(Nρ² + 1)) = (d/se)² · Nρ² / (2(Nρ² + 1))}: d² and s² overflow for
         * moments near 1e154, where their ratio was ∞/∞ = NaN.
         */
        double pValue(double d, double se, double n) {
            double nr = n * rho2 + 1;
            double t = d / se;
            double exponent = -t * t * n * rho2 / (2 * nr);
            return Math.min(1.0, Math.sqrt(nr) * Math.exp(exponent));
        }
    }
}
