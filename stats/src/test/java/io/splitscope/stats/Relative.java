package io.splitscope.stats;

import org.assertj.core.data.Offset;

/** Relative tolerances for AssertJ's {@code isCloseTo}: {@code |actual − expected| ≤ tol · |expected|}. */
public final class Relative {

    private Relative() {
    }

    /** An absolute offset of {@code tolerance · |expected|} (exact equality when expected is 0). */
    public static Offset<Double> relative(double expected, double tolerance) {
        return Offset.offset(tolerance * Math.abs(expected));
    }
}
