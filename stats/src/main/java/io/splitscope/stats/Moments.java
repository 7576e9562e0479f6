package io.splitscope.stats;

/**
 * Sufficient statistics of one variant for a mean or proportion metric: the number of units
 * {@code n}, the sum of their values {@code Σy} and the sum of their squares {@code Σy²}. A
 * proportion is the same with {@code sumSquares = sum}.
 *
 * <p>Derived values: {@link #mean()} {@code ȳ = Σy / n} and {@link #variance()}, the sample
 * variance {@code s² = (Σy² − (Σy)²/n) / (n − 1)}.
 *
 * <h2>Validation</h2>
 * The constructor rejects inputs that no data can produce, as programming errors
 * ({@link IllegalArgumentException}): {@code n < 0}; a negative sum of squares; {@code n = 0} with
 * non-zero sums; finite sums whose implied {@code Σ(y − ȳ)²} is negative by more than
 * {@value #INCONSISTENT_TOLERANCE} of {@code Σy²} (more than any round-off of the aggregation,
 * e.g. swapped columns).
 *
 * <p><b>Non-finite sums (NaN or infinite) are accepted</b>: they are bad <em>data</em> (an
 * overflowing or NaN metric value in the warehouse), which by the contract of
 * {@link ComparisonMethod#compare} must become a result with status
 * {@link ResultStatus#NON_FINITE}, not an exception that aborts a scorecard. Check
 * {@link #isFinite()}.
 *
 * @param n          the number of units, at least 0
 * @param sum        {@code Σy}
 * @param sumSquares {@code Σy²}
 */
public record Moments(long n, double sum, double sumSquares) implements VariantData {

    /**
     * Below this fraction of {@code Σy²}, {@code Σ(y − ȳ)²} computed from the sums is round-off and
     * the variance is reported as 0 (a coefficient of variation below about 1e-6, which sums of
     * doubles cannot resolve reliably).
     */
    public static final double ROUNDOFF_TOLERANCE = 1e-12;

    /**
     * A {@code Σ(y − ȳ)²} more negative than this fraction of {@code Σy²} means the sums are
     * inconsistent, not rounded: the constructor rejects them.
     */
    public static final double INCONSISTENT_TOLERANCE = 1e-6;

    /**
     * @throws IllegalArgumentException if the sums are impossible (see the class comment)
     */
    public Moments {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, got " + n);
        }
        if (sumSquares < 0) {
            throw new IllegalArgumentException(
                    "a sum of squares cannot be negative, got sumSquares = " + sumSquares);
        }
        if (Double.isFinite(sum) && Double.isFinite(sumSquares)) {
            if (n == 0 && (sum != 0 || sumSquares != 0)) {
                throw new IllegalArgumentException("n = 0 but sum = " + sum + " and sumSquares = "
                        + sumSquares + ": a variant without units has zero sums");
            }
            double m2 = centredSumOfSquares(n, sum, sumSquares);
            if (n > 0 && m2 < -INCONSISTENT_TOLERANCE * sumSquares) {
                throw new IllegalArgumentException("inconsistent sums: sumSquares = " + sumSquares
                        + " is below sum²/n = " + (sum / n * sum)
                        + " (n = " + n + ", sum = " + sum + "), which implies a negative variance");
            }
        }
    }

    /** The moments of the given values (compensated summation); for tests and small inputs. */
    public static Moments of(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        // Neumaier's compensated summation for both sums.
        double sum = 0, sumComp = 0, sq = 0, sqComp = 0;
        for (double v : values) {
            double t = sum + v;
            sumComp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
            double v2 = v * v;
            double u = sq + v2;
            sqComp += Math.abs(sq) >= Math.abs(v2) ? (sq - u) + v2 : (v2 - u) + sq;
            sq = u;
        }
        double s = sum + sumComp;
        double ss = sq + sqComp;
        // NaN/infinite values: compensation terms become NaN; keep the plain sums' verdict.
        return new Moments(values.length, Double.isFinite(s) ? s : sum, Double.isFinite(ss) ? ss : sq);
    }

    /** Whether both sums are finite (neither NaN nor infinite). */
    public boolean isFinite() {
        return Double.isFinite(sum) && Double.isFinite(sumSquares);
    }

    /** The mean {@code Σy / n}; NaN when {@code n = 0}. */
    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The sample variance {@code (Σy² − (Σy)²/n) / (n − 1)}; NaN when {@code n < 2} or the sums are
     * not finite. {@code Σ(y − ȳ)²} is computed with a fused multiply-add; when it is below
     * {@link #ROUNDOFF_TOLERANCE} × {@code Σy²} (which includes the small negative values left by
     * round-off) it is 0.
     */
    public double variance() {
        if (n < 2 || !isFinite()) {
            return Double.NaN;
        }
        double m2 = centredSumOfSquares(n, sum, sumSquares);
        if (Double.isNaN(m2)) {
            return Double.NaN;
        }
        if (m2 <= ROUNDOFF_TOLERANCE * sumSquares) {
            return 0.0;
        }
        return m2 / (n - 1);
    }

    /** Σ(y − ȳ)² = Σy² − Σy · ȳ, with one rounding for the product and difference. */
    private static double centredSumOfSquares(long n, double sum, double sumSquares) {
        if (n == 0) {
            return 0.0;
        }
        return Math.fma(-sum, sum / n, sumSquares);
    }
}
