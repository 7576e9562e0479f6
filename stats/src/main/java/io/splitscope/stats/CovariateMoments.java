package io.splitscope.stats;

import java.util.Objects;

/**
 * Sufficient statistics of one variant for a mean or proportion metric with a pre-exposure
 * covariate, the input of {@code cuped}: the {@link Moments} of the metric y, the moments of its
 * covariate x over the same units (spec/metrics.md: the same per-unit value over the 14-day
 * pre-exposure window), and the cross sum {@code Σ x·y}.
 *
 * <p>Derived: {@link #covariance()} {@code cov(y, x) = (Σxy − Σx·Σy/n) / (n − 1)}.
 *
 * <h2>Validation</h2>
 * The constructor rejects, as programming errors ({@link IllegalArgumentException}), moments
 * over different numbers of units ({@code y.n() != x.n()}) and, for finite sums, a cross sum with
 * {@code n = 0} that is not 0. A cross sum that violates Cauchy–Schwarz is <em>not</em> checked
 * here (it cannot be told from round-off cheaply); {@code cuped} clamps the correlation it implies.
 * As for {@link Moments}, non-finite sums are accepted: they are bad data, which {@code cuped}
 * reports with status {@link ResultStatus#NON_FINITE}.
 *
 * @param y          the moments of the metric, not null
 * @param x          the moments of the covariate over the same units, not null
 * @param sumProduct {@code Σ x·y} over the units
 */
public record CovariateMoments(Moments y, Moments x, double sumProduct) implements VariantData {

    /**
     * @throws NullPointerException     if {@code y} or {@code x} is null
     * @throws IllegalArgumentException if {@code y.n() != x.n()}, or {@code n = 0} with a non-zero
     *                                  finite cross sum
     */
    public CovariateMoments {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        PairedMoments.check("the metric", y, "its covariate", x, sumProduct);
    }

    /** The moments of paired values {@code (y[i], x[i])} (compensated sums); for tests and small inputs. */
    public static CovariateMoments of(double[] y, double[] x) {
        double sumProduct = PairedMoments.sumOfProducts("y and x", y, x);
        return new CovariateMoments(Moments.of(y), Moments.of(x), sumProduct);
    }

    /** The number of units, {@code y.n()}. */
    @Override
    public long n() {
        return y.n();
    }

    /** Whether every sum is finite. */
    public boolean isFinite() {
        return y.isFinite() && x.isFinite() && Double.isFinite(sumProduct);
    }

    /** The sample covariance {@code (Σxy − Σx·Σy/n) / (n − 1)}; NaN when {@code n < 2} or a sum is not finite. */
    public double covariance() {
        return PairedMoments.covariance(x, y, sumProduct);
    }
}
