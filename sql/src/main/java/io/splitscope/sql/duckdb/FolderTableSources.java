package io.splitscope.sql.duckdb;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A folder of files named after the tables: {@code playback.parquet} or {@code playback.csv}. */
record FolderTableSources(Path folder) implements TableSources {

    static FolderTableSources of(Path folder) {
        return new FolderTableSources(folder.toAbsolutePath().normalize());
    }

    @Override
    public Optional<TableSource> find(TableSpec table) {
        Path parquet = folder.resolve(table.name() + ".parquet");
        if (Files.isRegularFile(parquet)) {
            return Optional.of(new TableSource("read_parquet(" + literal(parquet) + ")", parquet.getFileName().toString(), false));
        }
        Path csv = folder.resolve(table.name() + ".csv");
        if (Files.isRegularFile(csv)) {
            // Read every column as text and cast it ourselves, so a bad value is reported by column.
            String relation = "read_csv(" + literal(csv) + ", header = true, all_varchar = true, quote = '\"', escape = '\"')";
            return Optional.of(new TableSource(relation, csv.getFileName().toString(), true));
        }
        return Optional.empty();
    }

    @Override
    public String expectedLocation(TableSpec table) {
        return table.name() + ".parquet or " + table.name() + ".csv in " + folder;
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
