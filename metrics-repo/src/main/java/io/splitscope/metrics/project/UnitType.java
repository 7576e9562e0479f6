package io.splitscope.metrics.project;

import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The type of a source's unit ids ({@code spec/project.md}, "Units"): rows of different sources
 * belong to the same unit when their unit values are equal, so sources used together must agree.
 */
public enum UnitType {
    /** Text ids ({@code "u-123"}). */
    STRING,
    /** Whole-number ids, of any width. */
    INTEGER;

    /** The type of a unit column of Arrow type {@code type}; empty for a type that cannot hold unit ids. */
    public static Optional<UnitType> of(ArrowType type) {
        return switch (type) {
            case ArrowType.Utf8 utf8 -> Optional.of(STRING);
            case ArrowType.LargeUtf8 utf8 -> Optional.of(STRING);
            case ArrowType.Utf8View utf8 -> Optional.of(STRING);
            case ArrowType.Int integer -> Optional.of(INTEGER);
            default -> Optional.empty();
        };
    }

    /** How messages and the report name it ({@code string}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How messages name a column of Arrow type {@code type}: {@code string}, {@code integer}, {@code timestamp}, ... */
    static String describe(ArrowType type) {
        return switch (type) {
            case ArrowType.Utf8 t -> "string";
            case ArrowType.LargeUtf8 t -> "string";
            case ArrowType.Utf8View t -> "string";
            case ArrowType.Int t -> "integer";
            case ArrowType.FloatingPoint t -> "double";
            case ArrowType.Decimal t -> "decimal";
            case ArrowType.Bool t -> "boolean";
            case ArrowType.Timestamp t -> "timestamp";
            case ArrowType.Date t -> "date";
            case ArrowType.Time t -> "time";
            default -> type.toString().toLowerCase(Locale.ROOT);
        };
    }
}
