package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.Moments;
import io.splitscope.stats.PooledComparisonMethod;
import io.splitscope.stats.ResultStatus;
import java.util.List;

/**
 * CUPED: Welch's t-test on values adjusted by a pre-exposure covariate — stat method
 * {@code cuped}, for mean and proportion metrics (spec/metrics.md, "The statistics contract").
 *
 * <p>From the {@link CovariateMoments} of every variant v of the metric's analysis (metric y,
 * covariate x):
 * <pre>
 *   θ      = cov(y, x) / var(x)        over all units of all variants, pooled (n − 1);  θ = 0 if var(x) = 0
 *   x̄      = the pooled mean of x
 *   y_adj  = y − θ (x − x̄)
 *   ȳ_adj,v = ȳv − θ (x̄v − x̄)                                (the reported value of variant v)
 *   s²_adj,v = s²y,v − 2θ s_xy,v + θ² s²x,v                  (within-variant, n − 1)
 * </pre>
 * then {@code welch_t} ({@link WelchT}) on the adjusted means and variances: Welch–Satterthwaite
 * degrees of freedom, t-distribution p-value and interval, delta-method relative interval with the
 * adjusted control mean as the baseline.
 *
 * <p>Pooling: a {@link PooledComparisonMethod}. Compared within an analysis
 * ({@code compare(control, treatment, allVariants, level)}), θ is pooled over every variant of the
 * analysis, as the contract requires (a scorecard with three variants uses one θ for both
 * comparisons); compared alone ({@code compare(control, treatment, level)}), over the two variants
 * given.
 * The pooled variance and covariance are combined from the per-variant ones (Chan, Golub &amp;
 * LeVeque's parallel formulas), which keeps them accurate when the variants' means differ.
 *
 * <p>Degenerate data gives a status, never an exception (in this order):
 * {@link ResultStatus#NON_FINITE} (a sum of the control, the treatment or another pooled variant
 * is not finite — no values); {@link ResultStatus#EMPTY_ARM}; {@link ResultStatus#TOO_FEW_UNITS}
 * (adjusted means and effects only); {@link ResultStatus#ZERO_VARIANCE} (both adjusted variances
 * are 0 within round-off); {@link ResultStatus#ZERO_BASELINE} (adjusted control mean 0).
 *
 * <p>References: A. Deng, Y. Xu, R. Kohavi, T. Walker (2013), "Improving the Sensitivity of Online
 * Controlled Experiments by Utilizing Pre-Experiment Data", <i>WSDM 2013</i>; T. F. Chan,
 * G. H. Golub, R. J. LeVeque (1979), "Updating Formulae and a Pairwise Algorithm for Computing
 * Sample Variances", Stanford CS report STAN-CS-79-773; B. L. Welch (1947), <i>Biometrika</i> 34.
 */
public final class Cuped implements PooledComparisonMethod<CovariateMoments> {

    /** The stable id, {@value}. */
    public static final String ID = "cuped";

    /** For {@link java.util.ServiceLoader}. */
    public Cuped() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "CUPED";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "Removes the part of each unit's value that their behaviour in the 14 days before exposure"
                        + " predicts, which narrows the interval without biasing the effect; then Welch's t-test.",
                """
                θ        = cov(y, x) / var(x)      pooled over all variants (x: the same metric, 14 days before exposure)
                ȳadj,v   = ȳv − θ (x̄v − x̄)
                s²adj,v  = s²y,v − 2θ s_xy,v + θ² s²x,v
                then Welch's t-test on the adjusted means and variances""",
                "A. Deng, Y. Xu, R. Kohavi, T. Walker (2013), \"Improving the Sensitivity of Online Controlled"
                        + " Experiments by Utilizing Pre-Experiment Data\", WSDM.");
    }

    @Override
    public Class<CovariateMoments> inputType() {
        return CovariateMoments.class;
    }

    /** Compares with θ pooled over {@code allVariants}. */
    @Override
    public ComparisonResult comparePooled(List<CovariateMoments> allVariants, int controlIndex, int treatmentIndex,
            ConfidenceLevel level) {
        CovariateMoments control = allVariants.get(controlIndex);
        CovariateMoments treatment = allVariants.get(treatmentIndex);
        if (!control.isFinite() || !treatment.isFinite()) {
            return Degenerate.nonFiniteSums(control.isFinite(), treatment.isFinite(),
                    "metric, covariate or cross product", null, null);
        }
        for (CovariateMoments v : allVariants) {
            if (!v.isFinite()) {
                return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "A variant of the analysis has sums that"
                        + " are not finite, so the pooled CUPED coefficient θ does not exist.", null, null);
            }
        }

        Pooled pooled = Pooled.of(allVariants);
        if (!(Double.isFinite(pooled.theta) && Double.isFinite(pooled.xMean))) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The pooled CUPED coefficient θ overflowed ("
                    + pooled.theta + ").", null, null);
        }
        Double cAdj = control.n() > 0 ? adjustedMean(control, pooled) : null;
        Double tAdj = treatment.n() > 0 ? adjustedMean(treatment, pooled) : null;

        if (control.n() == 0 || treatment.n() == 0) {
            return Degenerate.emptyArm(control.n(), treatment.n(), cAdj, tAdj);
        }
        double yc = cAdj;
        double yt = tAdj;
        if (!Double.isFinite(yc) || !Double.isFinite(yt)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The adjusted means overflowed (control "
                    + yc + ", treatment " + yt + ").", null, null);
        }
        if (control.n() < 2 || treatment.n() < 2) {
            return Degenerate.tooFewUnits(control.n(), treatment.n(), yc, yt);
        }
        double vc = adjustedVariance(control, pooled.theta);
        double vt = adjustedVariance(treatment, pooled.theta);
        if (!Double.isFinite(vc) || !Double.isFinite(vt)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The adjusted variances overflowed (control "
                    + vc + ", treatment " + vt + ").", yc, yt);
        }
        return WelchT.fromSummaries(control.n(), yc, vc, treatment.n(), yt, vt, level);
    }

    /** θ and x̄ of the pooled units. */
    record Pooled(double theta, double xMean) {

        static Pooled of(List<CovariateMoments> variants) {
            long n = 0;
            double sumX = 0;
            double sumY = 0;
            for (CovariateMoments v : variants) {
                n += v.n();
                sumX += v.x().sum();
                sumY += v.y().sum();
            }
            if (n == 0) {
                return new Pooled(0, 0);
            }
            double xMean = sumX / n;
            double yMean = sumY / n;
            // Chan et al.: M2 = Σ_v M2_v + Σ_v n_v (x̄_v − x̄)²; C = Σ_v C_v + Σ_v n_v (x̄_v − x̄)(ȳ_v − ȳ)
            double m2x = 0;
            double cxy = 0;
            double scale = 0;
            for (CovariateMoments v : variants) {
                long nv = v.n();
                if (nv == 0) {
                    continue;
                }
                double dx = v.x().sum() / nv - xMean;
                double dy = v.y().sum() / nv - yMean;
                m2x += centred(v.x()) + nv * dx * dx;
                cxy += Math.fma(-v.x().sum(), v.y().sum() / nv, v.sumProduct()) + nv * dx * dy;
                scale += v.x().sumSquares();
            }
            double theta = m2x <= Moments.ROUNDOFF_TOLERANCE * scale ? 0.0 : cxy / m2x;
            return new Pooled(theta, xMean);
        }

        /** Σ(x − x̄)² of one variant, 0 for round-off below zero. */
        private static double centred(Moments m) {
            return Math.max(0, Math.fma(-m.sum(), m.sum() / m.n(), m.sumSquares()));
        }
    }

    /** ȳ_v − θ (x̄_v − x̄). */
    private static double adjustedMean(CovariateMoments v, Pooled pooled) {
        return v.y().mean() - pooled.theta * (v.x().mean() - pooled.xMean);
    }

    /** s²y − 2θ s_xy + θ² s²x, 0 when below round-off of its terms. */
    static double adjustedVariance(CovariateMoments v, double theta) {
        double vy = v.y().variance();
        double vx = v.x().variance();
        double cxy = v.covariance();
        double adjusted = vy - 2 * theta * cxy + theta * theta * vx;
        double scale = vy + theta * theta * vx;
        if (adjusted <= Moments.ROUNDOFF_TOLERANCE * scale) {
            return 0.0;
        }
        return adjusted;
    }
}
