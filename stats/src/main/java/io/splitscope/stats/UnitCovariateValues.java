package io.splitscope.stats;

import java.util.Objects;

/**
 * One metric value {@code y} and one covariate value {@code x} per unit for one variant, the input of
 * methods that regress the metric on a pre-exposure covariate unit by unit ({@code r_ancova}:
 * {@code lm(y ~ treatment + x)} with heteroskedasticity-robust standard errors). Where the
 * sufficient statistics suffice (CUPED), prefer {@link CovariateMoments}.
 *
 * <p><b>Ownership:</b> as for {@link UnitValues}, the record takes ownership of both arrays and
 * never copies them; callers must not modify them after construction and must treat the
 * accessors' arrays as read-only. {@code equals} and {@code hashCode} compare the arrays by
 * identity; {@link #toString()} shows the size only. Values are not scanned: NaN or infinite values
 * are bad data, reported by the methods with status {@link ResultStatus#NON_FINITE}.
 *
 * @param y the per-unit metric values (owned, not copied)
 * @param x the per-unit covariate values of the same units, in the same order (owned, not copied)
 */
public record UnitCovariateValues(double[] y, double[] x) implements VariantData {

    /**
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the arrays have different lengths
     */
    public UnitCovariateValues {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        if (y.length != x.length) {
            throw new IllegalArgumentException("the metric has " + y.length + " values but its covariate has "
                    + x.length + ": both must be over the same units");
        }
    }

    /** The number of units, {@code y.length}. */
    @Override
    public long n() {
        return y.length;
    }

    /** The size only. */
    @Override
    public String toString() {
        return "UnitCovariateValues[n=" + y.length + "]";
    }
}
