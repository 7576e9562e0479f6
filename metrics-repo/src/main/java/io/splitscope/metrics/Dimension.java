package io.splitscope.metrics;

import io.splitscope.sql.WarehouseSchema;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.Field;

/**
 * A member dimension that results can be sliced by. A unit without a {@code members} row reads
 * {@value #UNKNOWN} ({@code spec/warehouse.md}).
 */
public enum Dimension {
    COUNTRY(WarehouseSchema.COUNTRY),
    DEVICE(WarehouseSchema.DEVICE),
    PLAN(WarehouseSchema.PLAN);

    /** The segment of a unit whose dimension is not known. */
    public static final String UNKNOWN = "unknown";

    private final Field<String> column;

    Dimension(Field<String> column) {
        this.column = column;
    }

    /** The {@code members} column. */
    public Field<String> column() {
        return column;
    }

    /** The name used on the command line and in JSON ({@code country}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the known dimensions
     */
    public static Dimension parse(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown segment dimension '" + id + "' (known: "
                        + Arrays.stream(values()).map(Dimension::id).collect(Collectors.joining(", ")) + ")"));
    }
}
