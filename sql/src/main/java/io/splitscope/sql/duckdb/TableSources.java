package io.splitscope.sql.duckdb;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.util.Optional;

/** Where each contract table of a warehouse is read from. */
sealed interface TableSources permits FolderTableSources, DatabaseFileTableSources {

    /** The source of {@code table}, or empty when the warehouse lacks it. */
    Optional<TableSource> find(TableSpec table);

    /** What a missing table should have been, for the error message ("playback.csv or playback.parquet"). */
    String expectedLocation(TableSpec table);

    /**
     * Makes every table of the warehouse queryable under its own name, with the column types
     * DuckDB detects: for a project file's warehouse, which has no fixed contract.
     */
    void exposeAll(java.sql.Connection connection);

    /**
     * One table's source.
     *
     * @param relation    a DuckDB relation expression ({@code read_parquet('...')}, {@code source.main.t})
     * @param label       how users know it ({@code playback.csv})
     * @param csvFile     the CSV file it reads, if it is one: copied into a DuckDB table (parsed once)
     *                    and scanned by {@link CsvDiagnosis} when DuckDB cannot read it; other
     *                    sources stay views
     */
    record TableSource(String relation, String label, Optional<Path> csvFile) {

        /** Whether to copy it into a DuckDB table rather than keep a view. */
        boolean materialise() {
            return csvFile.isPresent();
        }
    }
}
