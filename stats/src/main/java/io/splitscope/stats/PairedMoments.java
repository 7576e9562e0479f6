package io.splitscope.stats;

/**
 * What the records that pair the {@link Moments} of two per-unit values a and b over the same units
 * with their cross sum {@code Σ a·b} share ({@link CovariateMoments}, {@link RatioMoments}): the
 * checks of their constructors, the cross sum of paired values and the sample covariance.
 */
final class PairedMoments {

    private PairedMoments() {
    }

    /**
     * Checks the non-null parts of a record that pairs moments ({@code aName}, {@code bName} name them in
     * messages, e.g. "the metric" and "its covariate").
     *
     * @throws IllegalArgumentException if the numbers of units differ, or {@code n = 0} with a
     *                                  non-zero finite cross sum
     */
    static void check(String aName, Moments a, String bName, Moments b, double sumProduct) {
        if (a.n() != b.n()) {
            throw new IllegalArgumentException(aName + " has " + a.n() + " units but " + bName + " has " + b.n()
                    + ": both moments must be over the same units");
        }
        if (a.n() == 0 && Double.isFinite(sumProduct) && sumProduct != 0) {
            throw new IllegalArgumentException(
                    "n = 0 but sumProduct = " + sumProduct + ": a variant without units has zero sums");
        }
    }

    /**
     * {@code Σ a[i]·b[i]} (compensated), for tests and small inputs.
     *
     * @throws IllegalArgumentException if an array is null or their lengths differ
     */
    static double sumOfProducts(String names, double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            throw new IllegalArgumentException(names + " must be non-null arrays of the same length");
        }
        double[] products = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            products[i] = a[i] * b[i];
        }
        return Moments.of(products).sum();
    }

    /** The sample covariance {@code (Σab − Σa·Σb/n) / (n − 1)}; NaN when {@code n < 2} or a sum is not finite. */
    static double covariance(Moments a, Moments b, double sumProduct) {
        long n = a.n();
        if (n < 2 || !a.isFinite() || !b.isFinite() || !Double.isFinite(sumProduct)) {
            return Double.NaN;
        }
        return Math.fma(-a.sum(), b.sum() / n, sumProduct) / (n - 1);
    }
}
