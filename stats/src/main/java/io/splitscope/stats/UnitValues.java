package io.splitscope.stats;

import java.util.Objects;

/**
 * One value per unit for one variant, the input of rank methods ({@code mann_whitney}).
 *
 * <p><b>Ownership:</b> as for {@link QuantileSample}, the record takes ownership of the array and
 * never copies it; callers must not modify it after construction and must treat the accessor's
 * array as read-only. {@code equals} and {@code hashCode} compare the array by identity;
 * {@link #toString()} shows the size only. Values are not scanned: NaN or infinite values are bad
 * data, reported by the methods with status {@link ResultStatus#NON_FINITE}.
 *
 * @param values the per-unit values (owned, not copied)
 */
public record UnitValues(double[] values) implements VariantData {

    /** @throws NullPointerException if {@code values} is null */
    public UnitValues {
        Objects.requireNonNull(values, "values");
    }

    /** Varargs convenience (the array is owned). */
    public static UnitValues of(double... values) {
        return new UnitValues(values);
    }

    /** The number of units, {@code values.length}. */
    @Override
    public long n() {
        return values.length;
    }

    /** The size only. */
    @Override
    public String toString() {
        return "UnitValues[n=" + values.length + "]";
    }
}
