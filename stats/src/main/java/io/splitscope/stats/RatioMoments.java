package io.splitscope.stats;

import java.util.Objects;

/**
 * Sufficient statistics of one variant for a ratio metric, the input of {@code delta_ratio}: the
 * {@link Moments} of the unit-level numerator N and denominator D over the same units, and the
 * cross sum {@code Σ N·D}. The variant's value is {@code ΣN / ΣD} (spec/metrics.md).
 *
 * <p>Derived: {@link #covariance()} {@code s_ND = (ΣND − ΣN·ΣD/n) / (n − 1)}.
 *
 * <h2>Validation</h2>
 * The constructor rejects, as programming errors ({@link IllegalArgumentException}), moments
 * over different numbers of units and, for finite sums, a non-zero cross sum with {@code n = 0}.
 * Non-finite sums are accepted (bad data, reported by {@code delta_ratio} with status
 * {@link ResultStatus#NON_FINITE}).
 *
 * @param numerator   the moments of the per-unit numerator, not null
 * @param denominator the moments of the per-unit denominator over the same units, not null
 * @param sumProduct  {@code Σ N·D} over the units
 */
public record RatioMoments(Moments numerator, Moments denominator, double sumProduct) implements VariantData {

    /**
     * @throws NullPointerException     if a moments argument is null
     * @throws IllegalArgumentException if the numbers of units differ, or {@code n = 0} with a
     *                                  non-zero finite cross sum
     */
    public RatioMoments {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        PairedMoments.check("the numerator", numerator, "the denominator", denominator, sumProduct);
    }

    /** The moments of paired per-unit values (compensated sums); for tests and small inputs. */
    public static RatioMoments of(double[] numerator, double[] denominator) {
        double sumProduct = PairedMoments.sumOfProducts("numerator and denominator", numerator, denominator);
        return new RatioMoments(Moments.of(numerator), Moments.of(denominator), sumProduct);
    }

    /** The number of units, {@code numerator.n()}. */
    @Override
    public long n() {
        return numerator.n();
    }

    /** Whether every sum is finite. */
    public boolean isFinite() {
        return numerator.isFinite() && denominator.isFinite() && Double.isFinite(sumProduct);
    }

    /** The ratio {@code ΣN / ΣD}; NaN when {@code n = 0}, ±∞ or NaN when {@code ΣD = 0}. */
    public double ratio() {
        return numerator.sum() / denominator.sum();
    }

    /** The sample covariance {@code (ΣND − ΣN·ΣD/n) / (n − 1)}; NaN when {@code n < 2} or a sum is not finite. */
    public double covariance() {
        return PairedMoments.covariance(numerator, denominator, sumProduct);
    }
}
