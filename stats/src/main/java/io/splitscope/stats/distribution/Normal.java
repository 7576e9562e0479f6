package io.splitscope.stats.distribution;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution: accurate CDF, density, quantile and a partial expectation (used by the methods and the power calculator). */
public final class Normal {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Normal() {
    }

    /** {@code Φ(x)}, accurate in both tails (by erfc). */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** {@code φ(x)}. */
    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code P(|Z| ≥ |z|) = erfc(|z|/√2)}. */
    public static double twoSidedPValue(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, Erf.erfc(Math.abs(z) / SQRT2));
    }

    /** Below this probability {@link #quantile} works in the lower tail on the logarithm (erfInv(2p − 1) loses p). */
    private static final double TAIL = 1e-10;

    /**
     * The quantile {@code Φ⁻¹(p)}, {@code 0 < p < 1} (erfInv polished by Newton steps on {@link #cdf});
     * below {@code p = 10⁻¹⁰}, where {@code 2p − 1} has lost p's digits, Newton steps on
     * {@code ln Φ(x) = ln p} from the Mills-ratio start {@code x = −√(L − ln(2π L))}, {@code L = −2 ln p},
     * accurate down to the smallest normal double.
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        if (p < TAIL) {
            return lowerTailQuantile(p);
        }
        double x = SQRT2 * Erf.erfInv(2 * p - 1);
        for (int i = 0; i < 3 && Double.isFinite(x); i++) {
            double step = (cdf(x) - p) / density(x);
            if (!Double.isFinite(step)) {
                break;
            }
            x -= step;
        }
        return x;
    }

    private static double lowerTailQuantile(double p) {
        double logP = Math.log(p);
        double l = -2 * logP;
        double x = -Math.sqrt(l - Math.log(2 * Math.PI * l));
        for (int i = 0; i < 50; i++) {
            double cdf = cdf(x);
            double step = (Math.log(cdf) - logP) * cdf / density(x);
            if (!Double.isFinite(step)) {
                break;
            }
            x -= step;
            if (Math.abs(step) <= 4 * Math.ulp(x)) {
                break;
            }
        }
        return x;
    }

    /**
     * {@code E[max(X, 0)]} for {@code X ~ N(mean, sd²)}: {@code mean Φ(mean/sd) + sd φ(mean/sd)};
     * {@code max(mean, 0)} when {@code sd = 0}.
     */
    public static double positivePartMean(double mean, double sd) {
        if (sd == 0) {
            return Math.max(mean, 0);
        }
        double z = mean / sd;
        return Math.max(0, mean * cdf(z) + sd * density(z));
    }
}
