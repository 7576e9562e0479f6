package io.splitscope.metrics.project;

import io.splitscope.metrics.UnitValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** How a metric's row values become one value per unit ({@code aggregate:} of a project file). */
enum Aggregate {
    SUM, COUNT, COUNT_DISTINCT, MAX, MIN;

    /** The name in the file ({@code count_distinct}). */
    String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Aggregate> named(String name) {
        return Arrays.stream(values()).filter(a -> a.fileName().equals(name)).findFirst();
    }

    static java.util.List<String> names() {
        return Arrays.stream(values()).map(Aggregate::fileName).toList();
    }

    /** Whether it needs a row value ({@code count} counts rows). */
    boolean needsValue() {
        return this != COUNT;
    }

    /** The per-unit value of {@code value} (ignored by {@code count}). */
    UnitValue of(Field<?> value) {
        return switch (this) {
            case SUM -> UnitValue.sum(value.coerce(SQLDataType.DOUBLE));
            case COUNT -> UnitValue.count();
            case COUNT_DISTINCT -> UnitValue.countDistinct(value);
            case MAX -> UnitValue.max(value.coerce(SQLDataType.DOUBLE));
            case MIN -> UnitValue.min(value.coerce(SQLDataType.DOUBLE));
        };
    }
}
