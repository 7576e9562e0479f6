package io.splitscope.stats;

/**
 * A closed confidence interval {@code [low, high]}.
 *
 * @param low  the lower bound, finite
 * @param high the upper bound, finite, not below {@code low}
 */
public record Interval(double low, double high) {

    /** @throws IllegalArgumentException if a bound is not finite or {@code low > high} */
    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    "interval bounds must be finite, got [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException(
                    "interval low " + low + " is above high " + high);
        }
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
