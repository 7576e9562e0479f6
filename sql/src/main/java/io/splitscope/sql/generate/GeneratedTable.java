package io.splitscope.sql.generate;

import io.splitscope.sql.dialect.SqlText;
import java.util.List;

/**
 * One table a generator writes: its name (the file stem), the SELECT that makes its rows in their
 * final order, and the columns a CSV file quotes (the text, date and timestamp ones).
 */
record GeneratedTable(String name, String select, List<String> quotedColumns) {

    GeneratedTable {
        quotedColumns = List.copyOf(quotedColumns);
    }

    /** The options of DuckDB's {@code COPY … TO} for this table in {@code format}. */
    String copyOptions(OutputFormat format) {
        return switch (format) {
            case PARQUET -> "(FORMAT parquet, COMPRESSION zstd)";
            case CSV -> "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', FORCE_QUOTE ("
                    + String.join(", ", quotedColumns.stream().map(SqlText::identifier).toList()) + "),"
                    + " DATEFORMAT '%Y-%m-%d', TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')";
        };
    }
}
