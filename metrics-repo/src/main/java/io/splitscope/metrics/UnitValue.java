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

    /** Whether any event falls in the window (1 or 0). */
    record Any() implements UnitValue {
        @Override
        public Field<Double> aggregate(Condition inWindow) {
            return DSL.when(DSL.count().filterWhere(inWindow).gt(0), DSL.inline(1.0)).otherwise(DSL.inline(0.0));
        }
    }
}
