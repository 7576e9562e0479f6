package io.splitscope.stats.power;

import io.splitscope.stats.distribution.Normal;
import io.splitscope.stats.distribution.StudentT;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Power, sample size and minimum detectable effect of a two-variant experiment with equal
 * allocation, two-sided at significance level α — exactly R's {@code power.t.test} (two-sample,
 * {@code strict = FALSE}) for means and {@code power.prop.test} ({@code strict = FALSE}) for
 * proportions. Sample sizes are per variant and not rounded (round up to plan).
 *
 * <h2>Means (two-sample t-test)</h2>
 * With n units per variant, ν = 2(n − 1) and noncentrality {@code δ·√(n/2)/sd}:
 * <pre>
 *   power = P(T'(ν, √(n/2)·δ/sd) &gt; t(1 − α/2, ν))         (T' the noncentral t; AS 243)
 * </pre>
 * (the far tail, {@code P(T' < −t)}, is left out, as R does by default).
 *
 * <h2>Proportions (two-sample z-test)</h2>
 * <pre>
 *   power = Φ( (√n·|p₁ − p₂| − z(1 − α/2)·√((p₁ + p₂)(1 − (p₁ + p₂)/2))) / √(p₁(1 − p₁) + p₂(1 − p₂)) )
 * </pre>
 *
 * <p>Solving for n or for the effect is done as R does (n in [2, 10⁷] for means, [1, 10⁷] for
 * proportions, δ in sd·[10⁻⁷, 10⁷], p₂ in [p₁, 1]), by Brent's method to full precision (R's
 * default tolerance is 1.2·10⁻⁴). A target that cannot be reached in the range is an
 * {@link IllegalArgumentException}, as are parameters out of their domain.
 *
 * <p>References: J. Cohen (1988), <i>Statistical Power Analysis for the Behavioral Sciences</i>,
 * 2nd ed.; R. V. Lenth (1989), "Algorithm AS 243", <i>Applied Statistics</i> 38(1); R's
 * {@code power.t.test} and {@code power.prop.test} (package stats).
 */
public final class PowerCalculator {

    /** The default two-sided significance level. */
    public static final double ALPHA = 0.05;

    private PowerCalculator() {
    }

    // ---- means -------------------------------------------------------------------------------------

    /**
     * The power of the two-sample t-test.
     *
     * @param n     units per variant, at least 2
     * @param delta the true difference in means (its sign does not matter)
     * @param sd    the per-unit standard deviation, positive
     * @param alpha the two-sided significance level in (0, 1)
     */
    public static double tTestPower(double n, double delta, double sd, double alpha) {
        checkAtLeast("n", n, 2);
        checkPositive("sd", sd);
        checkFinite("delta", delta);
        checkProbability("alpha", alpha);
        double nu = degreesOfFreedom(n);
        return tTestPower(n, nu, StudentT.quantile(1 - alpha / 2, nu), delta, sd);
    }

    /** The t-test's ν = 2(n − 1) at n units per variant. */
    private static double degreesOfFreedom(double n) {
        return Math.max(1e-7, n - 1) * 2;
    }

    /** {@link #tTestPower(double, double, double, double)} given ν and the critical value {@code q = t(1 − α/2, ν)}. */
    private static double tTestPower(double n, double nu, double q, double delta, double sd) {
        return NoncentralT.upperTail(q, nu, Math.sqrt(n / 2) * Math.abs(delta) / sd);
    }

    /** The units per variant for the t-test to reach {@code power} against {@code delta}. */
    public static double tTestSampleSize(double delta, double sd, double alpha, double power) {
        checkPositive("|delta|", Math.abs(delta));
        checkPositive("sd", sd);
        checkAlphaAndPower(alpha, power);
        return solve("sample size", n -> tTestPower(n, delta, sd, alpha) - power, 2, 1e7);
    }

    /** The smallest difference in means (positive) the t-test detects with {@code power} at n units per variant. */
    public static double tTestMinimumDetectableEffect(double n, double sd, double alpha, double power) {
        checkAtLeast("n", n, 2);
        checkPositive("sd", sd);
        checkAlphaAndPower(alpha, power);
        double nu = degreesOfFreedom(n);
        double q = StudentT.quantile(1 - alpha / 2, nu); // the same for every effect tried
        return solve("minimum detectable effect", d -> tTestPower(n, nu, q, d, sd) - power, sd * 1e-7, sd * 1e7);
    }

    /**
     * The units per variant for a one-sided test at level α to reach {@code power} against a true
     * difference {@code delta}, by the normal approximation:
     * <pre>
     *   n = 2 sd² (z(1 − α) + z(power))² / δ²
     * </pre>
     * — the sample at which the standard error {@code sd·√(2/n)} of the difference is
     * {@code δ/(z(1 − α) + z(power))}. It is below R's {@code power.t.test(delta, sd, sig.level = α,
     * power, alternative = "one.sided")} (t quantiles) by about {@code z(1 − α)²/4} units (Guenther's
     * correction: W. C. Guenther (1981), "Sample size formulas for normal theory t tests",
     * <i>The American Statistician</i> 35(4), 243–244), under 3 units for α ≥ 0.001. The decision rule's plan
     * ({@code spec/decisions.md}) uses it with {@code sd} from the standard error measured so far,
     * at levels that can be tiny (α/(S·A)); see Chow, Shao and Wang (2008), <i>Sample Size
     * Calculations in Clinical Research</i>, 2nd ed., §3.2.
     *
     * @param delta the true difference the test must detect (its sign does not matter), non-zero
     * @param sd    the per-unit standard deviation, positive
     * @param alpha the one-sided level, in (0, 1)
     * @param power the power, in (0, 1)
     */
    public static double oneSidedSampleSize(double delta, double sd, double alpha, double power) {
        checkPositive("|delta|", Math.abs(delta));
        checkPositive("sd", sd);
        checkAlphaAndPower(alpha, power);
        double z = -Normal.quantile(alpha) + Normal.quantile(power);
        double n = 2 * sd * sd * z * z / (delta * delta);
        if (!Double.isFinite(n)) {
            throw new IllegalArgumentException("the sample size overflows (delta " + delta + ", sd " + sd + ")");
        }
        return n;
    }

    // ---- proportions -------------------------------------------------------------------------------

    /** The power of the two-sample test of proportions {@code p1} (control) and {@code p2}, n units per variant. */
    public static double proportionPower(double n, double p1, double p2, double alpha) {
        checkAtLeast("n", n, 1);
        checkUnit("p1", p1);
        checkUnit("p2", p2);
        checkProbability("alpha", alpha);
        return zTestPower(n, p1, p2, criticalZ(alpha));
    }

    /** The two-sided critical value {@code z(1 − α/2)}. */
    private static double criticalZ(double alpha) {
        return Normal.quantile(1 - alpha / 2);
    }

    /** {@link #proportionPower} given the critical value {@code z = z(1 − α/2)}. */
    private static double zTestPower(double n, double p1, double p2, double z) {
        double pooled = Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
        return Normal.cdf((Math.sqrt(n) * Math.abs(p1 - p2) - z * pooled) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    }

    /** The units per variant for the test of proportions to reach {@code power}. */
    public static double proportionSampleSize(double p1, double p2, double alpha, double power) {
        checkUnit("p1", p1);
        checkUnit("p2", p2);
        if (p1 == p2) {
            throw new IllegalArgumentException("p1 and p2 are equal (" + p1 + "): no sample size detects no difference");
        }
        checkAlphaAndPower(alpha, power);
        double z = criticalZ(alpha); // the same for every n tried
        return solve("sample size", n -> zTestPower(n, p1, p2, z) - power, 1, 1e7);
    }

    /**
     * The smallest increase {@code p2 − p1 > 0} over the control proportion {@code p1} that the test
     * detects with {@code power} at n units per variant (R's {@code power.prop.test(n, p1, power)$p2 − p1}).
     */
    public static double proportionMinimumDetectableEffect(double n, double p1, double alpha, double power) {
        checkAtLeast("n", n, 1);
        checkUnit("p1", p1);
        checkAlphaAndPower(alpha, power);
        double z = criticalZ(alpha); // the same for every p₂ tried
        double p2 = solve("minimum detectable effect", p -> zTestPower(n, p1, p, z) - power, p1, 1);
        return p2 - p1;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static double solve(String what, DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        double fhi = f.applyAsDouble(hi);
        if (flo > 0) {
            return lo; // reached already at the bottom of the range
        }
        if (!(fhi >= 0)) {
            throw new IllegalArgumentException("no " + what + " in [" + lo + ", " + hi + "] reaches the requested power");
        }
        return new BrentSolver(1e-15, Double.MIN_NORMAL, 1e-16).solve(1000, f::applyAsDouble, lo, hi);
    }

    private static void checkProbability(String name, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + p);
        }
    }

    private static void checkAlphaAndPower(double alpha, double power) {
        checkProbability("alpha", alpha);
        checkProbability("power", power);
    }

    private static void checkUnit(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    private static void checkPositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    private static void checkAtLeast(String name, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be at least " + (long) min + ", got " + v);
        }
    }
}
