package io.splitscope.metrics;

import io.splitscope.sql.dialect.Dialects;
import java.time.LocalDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * How the events of one unit inside its window become that unit's value. A unit with no event in
 * its window gets 0, never NULL ({@code spec/metrics.md}).
 */
public sealed interface UnitValue {

    /** The per-unit aggregate over the events for which {@code inWindow} holds, as a double. */
    Field<Double> aggregate(Condition inWindow);

    /** Σ {@code expression} over the unit's events. */
    static UnitValue sum(Field<? extends Number> expression) {
        return new Sum(expression);
    }

    /** The number of the unit's events. */
    static UnitValue count() {
        return new Count();
    }

    /** 1 when the unit has at least one event, else 0. */
    static UnitValue any() {
        return new Any();
    }

    /** The number of distinct UTC calendar dates of {@code time} among the unit's events. */
    static UnitValue distinctDays(Field<LocalDateTime> time) {
        return new DistinctDays(time, false);
    }

    /**
     * Daily participation: the distinct UTC dates of {@code time} among the unit's events, divided by
     * the number of UTC dates its window touches (with {@link Eligibility#ALL}, up to the analysis
     * end); at most 1.
     */
    static UnitValue activeDayShare(Field<LocalDateTime> time) {
        return new DistinctDays(time, true);
    }

    /** The number of distinct non-NULL values of {@code expression} among the unit's rows. */
    static UnitValue countDistinct(Field<?> expression) {
        return new CountDistinct(expression, false);
    }

    /** {@link #countDistinct} estimated with the engine's HyperLogLog where it has one (exact elsewhere). */
    static UnitValue approximateCountDistinct(Field<?> expression) {
        return new CountDistinct(expression, true);
    }

    /** 1 when {@code value} is at least {@code threshold} for the unit, else 0: a threshold metric's value. */
    static UnitValue atLeast(UnitValue value, double threshold) {
        return new AtLeast(value, threshold);
    }

    /** The largest value of {@code expression} among the unit's rows (0 without one). */
    static UnitValue max(Field<? extends Number> expression) {
        return new Extreme(expression, true);
    }

    /** The smallest value of {@code expression} among the unit's rows (0 without one). */
    static UnitValue min(Field<? extends Number> expression) {
        return new Extreme(expression, false);
    }

    /** 1 when {@code value} is positive for the unit, else 0: a proportion's per-unit value. */
    static UnitValue positive(UnitValue value) {
        return new Positive(value);
    }

    /** Σ expression over events in the window. */
    record Sum(Field<? extends Number> expression) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            Field<Double> inside = DSL.when(inWindow, expression.cast(SQLDataType.DOUBLE));
            return DSL.coalesce(DSL.sum(inside).cast(SQLDataType.DOUBLE), DSL.inline(0.0));
        }
    }

    /** The number of events in the window. */
    record Count() implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.count().filterWhere(inWindow).cast(SQLDataType.DOUBLE);
        }
    }

    /**
     * The number of distinct calendar dates on which the unit has events in the window; with
     * {@code perEligibleDay}, divided by the dates the window touches (the per-unit table divides,
     * as it knows the unit's first exposure).
     */
    record DistinctDays(Field<LocalDateTime> time, boolean perEligibleDay) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.countDistinct(time.cast(SQLDataType.LOCALDATE)).filterWhere(inWindow).cast(SQLDataType.DOUBLE);
        }
    }

    /**
     * The number of distinct non-NULL values of an expression over the rows in the window; with
     * {@code approximate}, the engine's HyperLogLog estimate where it has one
     * ({@link Dialects#approxCountDistinct}: DuckDB and Trino; PostgreSQL has none and counts exactly).
     */
    record CountDistinct(Field<?> expression, boolean approximate) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            Field<?> distinct = approximate ? Dialects.approxCountDistinct(expression, inWindow)
                    : DSL.countDistinct(expression).filterWhere(inWindow);
            return distinct.cast(SQLDataType.DOUBLE);
        }
    }

    /** 1 when another per-unit value reaches {@code threshold}, else 0. */
    record AtLeast(UnitValue value, double threshold) implements UnitValue {
        public AtLeast {
            java.util.Objects.requireNonNull(value, "a threshold needs a per-unit value");
            // a unit without rows has value 0 and counts as not reaching the threshold: so it must be positive
            if (!(threshold > 0) || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("a threshold (at_least) must be a positive number, not " + threshold
                        + ": units without rows have the value 0 and count as not reaching it");
            }
        }

        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.when(value.aggregate(inWindow).ge(DSL.inline(threshold)), DSL.inline(1.0)).otherwise(DSL.inline(0.0));
        }
    }

    /**
     * 1 when the unit completed steps 1..{@code step} of {@code funnel} in order, else 0. The per-unit
     * table computes the funnel's steps over the rows of the source ({@link Measure.Funnel}) into
     * the column {@link #column()} of each row, non-NULL on every row of a unit that completed them.
     *
     * @param funnelId the funnel metric's id
     * @param funnel   its steps
     * @param step     1-based
     */
    record FunnelReached(String funnelId, Measure.Funnel funnel, int step) implements UnitValue {
        public FunnelReached {
            if (step < 1 || step > funnel.steps().size()) {
                throw new IllegalArgumentException("funnel " + funnelId + " has no step " + step);
            }
        }

        /** The row column that holds, for a unit that completed steps 1..step, the position of its step-th row. */
        public String column() {
            return funnelId + "__step" + step;
        }

        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.when(DSL.max(DSL.field(DSL.name(Source.EVENTS_ALIAS, column()))).isNotNull(), DSL.inline(1.0))
                    .otherwise(DSL.inline(0.0));
        }
    }

    /** The largest ({@code largest}) or smallest value of an expression over the rows in the window, 0 without one. */
    record Extreme(Field<? extends Number> expression, boolean largest) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            Field<Double> inside = DSL.when(inWindow, expression.cast(SQLDataType.DOUBLE));
            return DSL.coalesce(largest ? DSL.max(inside) : DSL.min(inside), DSL.inline(0.0));
        }
    }

    /** 1 when another per-unit value is positive, else 0. */
    record Positive(UnitValue value) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.when(value.aggregate(inWindow).gt(DSL.inline(0.0)), DSL.inline(1.0)).otherwise(DSL.inline(0.0));
        }
    }

    /** Whether any event falls in the window (1 or 0). */
    record Any() implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.when(DSL.count().filterWhere(inWindow).gt(0), DSL.inline(1.0)).otherwise(DSL.inline(0.0));
        }
    }
}
