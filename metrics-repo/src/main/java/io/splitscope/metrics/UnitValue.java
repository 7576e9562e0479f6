package io.splitscope.metrics;

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
        return new DistinctDays(time);
    }

    /** The number of distinct non-NULL values of {@code expression} among the unit's rows. */
    static UnitValue countDistinct(Field<?> expression) {
        return new CountDistinct(expression);
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

    /** The number of distinct calendar dates on which the unit has events in the window. */
    record DistinctDays(Field<LocalDateTime> time) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.countDistinct(time.cast(SQLDataType.LOCALDATE)).filterWhere(inWindow).cast(SQLDataType.DOUBLE);
        }
    }

    /** The number of distinct non-NULL values of an expression over the rows in the window. */
    record CountDistinct(Field<?> expression) implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.countDistinct(expression).filterWhere(inWindow).cast(SQLDataType.DOUBLE);
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
