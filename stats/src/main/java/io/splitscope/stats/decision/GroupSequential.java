package io.splitscope.stats.decision;

import io.splitscope.stats.distribution.Normal;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * One-sided group-sequential boundaries by Lan–DeMets alpha spending: the critical values
 * {@code c₁ … c_K} of the standardized statistics {@code Z_k} at looks with information fractions
 * {@code 0 < t₁ < … < t_K = 1}, such that under "no effect"
 * <pre>
 *   P(Z₁ &lt; c₁, …, Z_{k−1} &lt; c_{k−1}, Z_k ≥ c_k) = α(t_k) − α(t_{k−1})      (α(t₀) = 0)
 * </pre>
 * with the spending function α(t) of {@link Design.Spending}:
 * <pre>
 *   O'Brien–Fleming type   α(t) = 2 − 2 Φ(z(1 − α/2) / √t)     (computed as 2 Φ(−z(1 − α/2)/√t))
 *   Pocock type            α(t) = α ln(1 + (e − 1) t)
 * </pre>
 * The statistics are those of a Brownian motion: {@code Z_k = S_k/√t_k}, with independent
 * increments {@code S_k − S_{k−1} ~ N(0, t_k − t_{k−1})}, so {@code corr(Z_j, Z_k) = √(t_j/t_k)}.
 *
 * <p>Computed by the recursive numerical integration of Armitage, McPherson and Rowe (1969): the
 * sub-density of {@code S_k} on the continuation region {@code S_j < c_j √t_j (j ≤ k)} is
 * <pre>
 *   f₁(s) = φ(s/√t₁)/√t₁,   f_k(s) = ∫ f_{k−1}(u) φ((s − u)/√Δ_k)/√Δ_k du,   Δ_k = t_k − t_{k−1}
 * </pre>
 * integrated by Simpson's rule on [−{@value #LOWER_SDS}·√t_{k−1}, c_{k−1}√t_{k−1}] with a step a
 * small fraction of the narrowest √Δ; the crossing probability at look k is
 * {@code ∫ f_{k−1}(u) Φ(−(c_k√t_k − u)/√Δ_k) du}, solved for c_k by Brent's method on its
 * logarithm (so that the tiny early increments of O'Brien–Fleming are as accurate as the late ones).
 * The mass below the lower end is under 10⁻²³. The boundaries agree with an independent
 * computation by {@code mvtnorm::pmvnorm} within 10⁻⁸ (GroupSequentialTest).
 *
 * <p>References: K. K. G. Lan and D. L. DeMets (1983), "Discrete sequential boundaries for
 * clinical trials", <i>Biometrika</i> 70(3), 659–663; P. Armitage, C. K. McPherson and B. C. Rowe
 * (1969), "Repeated significance tests on accumulating data", <i>JRSS A</i> 132(2), 235–244;
 * C. Jennison and B. W. Turnbull (2000), <i>Group Sequential Methods with Applications to Clinical
 * Trials</i>, Chapman &amp; Hall, chapters 7 and 19.
 */
public final class GroupSequential {

    /** The lower end of the integration, in standard deviations of S_k. */
    static final double LOWER_SDS = 10;

    /** How far above the continuation region the boundary of a look is searched, in sd of the increment. */
    private static final double FAR_SDS = 37;

    /** How far the normal kernel of an increment is summed, in its standard deviations. */
    private static final double KERNEL_SDS = 15;

    /** Simpson steps per narrowest √Δ (24 gives boundaries within 2·10⁻⁸ of mvtnorm's, 32 within 10⁻⁸). */
    private static final int STEPS_PER_SD = 32;

    private GroupSequential() {
    }

    /**
     * The alpha spent by information fraction {@code t}: {@code α(t)} of the spending function.
     *
     * @param t     the information fraction, in [0, 1]
     * @param alpha the one-sided overall level, in (0, 0.5)
     */
    public static double spent(double t, double alpha, Design.Spending spending) {
        Objects.requireNonNull(spending, "spending");
        checkAlpha(alpha);
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("an information fraction must be in [0, 1], got " + t);
        }
        if (t == 0) {
            return 0;
        }
        return switch (spending) {
            case OBRIEN_FLEMING -> t == 1 ? alpha : 2 * Normal.cdf(-upperQuantile(alpha / 2) / Math.sqrt(t));
            case POCOCK -> alpha * Math.log1p((Math.E - 1) * t);
        };
    }

    /** {@link #boundaries(double[], double, Design.Spending)} at K equally spaced looks, {@code t_k = k/K}. */
    public static double[] boundaries(int looks, double alpha, Design.Spending spending) {
        if (looks < 1) {
            throw new IllegalArgumentException("a design needs at least one look, got " + looks);
        }
        double[] fractions = new double[looks];
        for (int k = 1; k <= looks; k++) {
            fractions[k - 1] = (double) k / looks;
        }
        return boundaries(fractions, alpha, spending);
    }

    /**
     * The critical values {@code c_k} of {@code Z_k} (see the class comment); a look that spends
     * nothing (its increment underflows to 0) gets {@code +∞}.
     *
     * @param fractions the information fractions, increasing, in (0, 1], the last 1
     * @param alpha     the one-sided overall level, in (0, 0.5)
     * @throws IllegalArgumentException for fractions or a level out of range
     */
    public static double[] boundaries(double[] fractions, double alpha, Design.Spending spending) {
        checkFractions(fractions);
        checkAlpha(alpha);
        Objects.requireNonNull(spending, "spending");
        int looks = fractions.length;
        double[] c = new double[looks];
        double minSd = Math.sqrt(fractions[0]);
        for (int k = 1; k < looks; k++) {
            minSd = Math.min(minSd, Math.sqrt(fractions[k] - fractions[k - 1]));
        }
        double step = minSd / STEPS_PER_SD;

        double previousSpent = spent(fractions[0], alpha, spending);
        c[0] = previousSpent > 0 ? upperQuantile(previousSpent) : Double.POSITIVE_INFINITY;
        SubDensity density = SubDensity.first(fractions[0], c[0], step);
        for (int k = 1; k < looks; k++) {
            double spentNow = spent(fractions[k], alpha, spending);
            double increment = spentNow - previousSpent;
            double delta = fractions[k] - fractions[k - 1];
            double sqrtT = Math.sqrt(fractions[k]);
            c[k] = increment > 0 ? density.crossingBoundary(increment, delta) / sqrtT : Double.POSITIVE_INFINITY;
            if (k < looks - 1) {
                density = density.next(delta, Math.min(c[k] * sqrtT, LOWER_SDS * sqrtT), sqrtT, step);
            }
            previousSpent = spentNow;
        }
        return c;
    }

    /** The nominal one-sided level of each boundary: {@code Φ(−c_k)}. */
    public static double[] nominalLevels(double[] boundaries) {
        return Arrays.stream(boundaries).map(c -> Normal.cdf(-c)).toArray();
    }

    /** {@code z(1 − p) = −Φ⁻¹(p)}, accurate for small p. */
    private static double upperQuantile(double p) {
        return -Normal.quantile(p);
    }

    /**
     * The sub-density of S_k on the continuation region, at Simpson nodes {@code s_i} with weights
     * {@code w_i} (the step and the 1/3, 4/3, 2/3 pattern folded in).
     */
    private record SubDensity(double[] nodes, double[] weightedValues) {

        static SubDensity first(double t, double boundaryZ, double step) {
            double sd = Math.sqrt(t);
            double upper = Double.isInfinite(boundaryZ) ? LOWER_SDS * sd : boundaryZ * sd;
            return build(-LOWER_SDS * sd, upper, step, s -> Normal.density(s / sd) / sd);
        }

        /** The sub-density of the next look, truncated at {@code upper} on the S scale. */
        SubDensity next(double delta, double upper, double sqrtT, double step) {
            double sd = Math.sqrt(delta);
            double h = nodes[1] - nodes[0];
            int reach = (int) Math.ceil(KERNEL_SDS * sd / h); // the kernel beyond KERNEL_SDS sd is below 10⁻⁵⁰
            return build(-LOWER_SDS * sqrtT, upper, step, s -> {
                int centre = (int) Math.round((s - nodes[0]) / h);
                int from = Math.max(0, centre - reach);
                int to = Math.min(nodes.length - 1, centre + reach);
                double sum = 0;
                for (int i = from; i <= to; i++) {
                    sum += weightedValues[i] * Normal.density((s - nodes[i]) / sd);
                }
                return sum / sd;
            });
        }

        /** The probability of staying below until now and crossing {@code b} (on the S scale) after a further {@code delta}. */
        double crossing(double b, double delta) {
            double sd = Math.sqrt(delta);
            double sum = 0;
            for (int i = 0; i < nodes.length; i++) {
                sum += weightedValues[i] * Normal.cdf(-(b - nodes[i]) / sd);
            }
            return sum;
        }

        /**
         * The b (S scale) at which {@link #crossing} is {@code target}. The search ends
         * {@value #FAR_SDS} sd of the increment above the continuation region, where Φ is still a
         * normal double (about 10⁻²⁹⁹); a target below even that crossing gets that end.
         */
        double crossingBoundary(double target, double delta) {
            double logTarget = Math.log(target);
            double lo = nodes[0];
            double hi = nodes[nodes.length - 1] + FAR_SDS * Math.sqrt(delta);
            if (crossing(hi, delta) >= target) {
                return hi;
            }
            return new BrentSolver(1e-13, 1e-14)
                    .solve(500, b -> Math.log(crossing(b, delta)) - logTarget, lo, hi);
        }

        private static SubDensity build(double lower, double upper, double step,
                java.util.function.DoubleUnaryOperator f) {
            int intervals = Math.max(2, 2 * (int) Math.ceil((upper - lower) / step / 2));
            double h = (upper - lower) / intervals;
            double[] nodes = new double[intervals + 1];
            double[] values = new double[intervals + 1];
            for (int i = 0; i <= intervals; i++) {
                nodes[i] = lower + i * h;
                double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
                values[i] = weight * h / 3 * f.applyAsDouble(nodes[i]);
            }
            return new SubDensity(nodes, values);
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("a one-sided level must be in (0, 0.5), got " + alpha);
        }
    }

    private static void checkFractions(double[] fractions) {
        if (fractions.length == 0 || fractions[fractions.length - 1] != 1) {
            throw new IllegalArgumentException("information fractions must end at 1, got " + Arrays.toString(fractions));
        }
        double previous = 0;
        for (double t : fractions) {
            if (!(t > previous)) {
                throw new IllegalArgumentException("information fractions must increase from above 0, got "
                        + Arrays.toString(fractions));
            }
            previous = t;
        }
    }
}
