package io.splitscope.stats;

import java.util.Objects;

/**
 * The event-level values of one variant for a quantile metric, clustered by unit: the input of
 * {@code bootstrap_quantile} and {@code quantile_asymptotic}. Unit {@code u}'s values (e.g. the
 * {@code startup_ms} of its sessions) are {@code values[unitOffsets[u] .. unitOffsets[u+1])}; a
 * unit may have no values (no session in its window) and still counts as a unit.
 *
 * <p>The metric's value is the {@code level} percentile of all the values of the variant's units,
 * by linear interpolation between order statistics (R's {@code quantile(type = 7)}).
 *
 * <h2>Ownership: no copies</h2>
 * The arrays can hold tens of millions of values, so this record <b>takes ownership</b> of them
 * and never copies them: the caller must not modify them after construction, and the accessors
 * return the arrays themselves, which callers must treat as read-only. The methods never modify
 * them either. Because of that, {@code equals} and {@code hashCode} compare the arrays by
 * identity (the record default), and {@link #toString()} shows sizes only.
 *
 * <h2>Validation</h2>
 * The constructor rejects, as programming errors ({@link IllegalArgumentException}): a level
 * outside (0, 1); {@code unitOffsets} that is empty, does not start at 0, does not end at
 * {@code values.length} or decreases anywhere (an O(units) check). Values are not scanned: NaN or
 * infinite values are bad data, reported by the methods with status {@link ResultStatus#NON_FINITE}.
 *
 * @param level       the percentile level in (0, 1), e.g. 0.5 for the median, 0.9 for p90
 * @param values      every event value of the variant, grouped by unit (owned, not copied)
 * @param unitOffsets {@code units + 1} non-decreasing offsets into {@code values}, from 0 to
 *                    {@code values.length} (owned, not copied)
 */
public record QuantileSample(double level, double[] values, int[] unitOffsets) implements VariantData {

    /**
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException see the class comment
     */
    public QuantileSample {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(unitOffsets, "unitOffsets");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the quantile level must be in (0, 1), got " + level);
        }
        if (unitOffsets.length == 0) {
            throw new IllegalArgumentException(
                    "unitOffsets must have units + 1 entries (at least one, 0, for no units)");
        }
        if (unitOffsets[0] != 0) {
            throw new IllegalArgumentException("unitOffsets must start at 0, got " + unitOffsets[0]);
        }
        if (unitOffsets[unitOffsets.length - 1] != values.length) {
            throw new IllegalArgumentException("unitOffsets must end at values.length = " + values.length
                    + ", got " + unitOffsets[unitOffsets.length - 1]);
        }
        for (int u = 1; u < unitOffsets.length; u++) {
            if (unitOffsets[u] < unitOffsets[u - 1]) {
                throw new IllegalArgumentException("unitOffsets must not decrease, but unitOffsets[" + u
                        + "] = " + unitOffsets[u] + " < unitOffsets[" + (u - 1) + "] = " + unitOffsets[u - 1]);
            }
        }
    }

    /**
     * A sample of units with one value each (unit u has the single value {@code values[u]}); the
     * array is owned, not copied.
     */
    public static QuantileSample oneValuePerUnit(double level, double[] values) {
        int[] offsets = new int[values.length + 1];
        for (int i = 0; i <= values.length; i++) {
            offsets[i] = i;
        }
        return new QuantileSample(level, values, offsets);
    }

    /**
     * A sample from per-unit arrays of values (copied into one array); for tests and small inputs.
     */
    public static QuantileSample ofUnits(double level, double[]... units) {
        int total = 0;
        for (double[] u : units) {
            total = Math.addExact(total, u.length);
        }
        double[] values = new double[total];
        int[] offsets = new int[units.length + 1];
        int at = 0;
        for (int u = 0; u < units.length; u++) {
            System.arraycopy(units[u], 0, values, at, units[u].length);
            at += units[u].length;
            offsets[u + 1] = at;
        }
        return new QuantileSample(level, values, offsets);
    }

    /** The number of units, {@code unitOffsets.length − 1}. */
    @Override
    public long n() {
        return unitOffsets.length - 1;
    }

    /** The number of units, as an int. */
    public int units() {
        return unitOffsets.length - 1;
    }

    /** The number of event values over all units. */
    public int events() {
        return values.length;
    }

    /** Sizes only: the arrays can be huge. */
    @Override
    public String toString() {
        return "QuantileSample[level=" + level + ", units=" + units() + ", events=" + events() + "]";
    }
}
