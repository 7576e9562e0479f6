package io.splitscope.sql.generate;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a generator ({@link WarehouseGenerator}, {@link ShopGenerator}) wrote.
 *
 * @param out the folder the files were written to
 * @param format their format
 * @param rowsPerTable rows written per table, in the order they were written (for the
 *     {@link WarehouseGenerator}, that of {@link io.splitscope.sql.WarehouseSchema#TABLES})
 * @param elapsed wall-clock time of the whole run
 */
public record GenerationSummary(Path out, OutputFormat format, Map<String, Long> rowsPerTable, Duration elapsed) {

    public GenerationSummary {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(elapsed, "elapsed");
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    /** Rows written to {@code table}. */
    public long rows(TableSpec table) {
        return rows(table.name());
    }

    /** Rows written to the table named {@code table}. */
    public long rows(String table) {
        Long rows = rowsPerTable.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("no table '" + table + "' in this summary");
        }
        return rows;
    }

    /** Rows written over all tables. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The file that holds {@code table}. */
    public Path file(TableSpec table) {
        return file(table.name());
    }

    /** The file that holds the table named {@code table}. */
    public Path file(String table) {
        return out.resolve(format.fileName(table));
    }
}
