package io.splitscope.sql.duckdb;

import io.splitscope.sql.dialect.SqlText;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.WarehouseException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
            return Optional.of(new TableSource("read_parquet(" + SqlText.literal(parquet.toString()) + ")", parquet.getFileName().toString(), Optional.empty()));
        }
        Path csv = folder.resolve(table.name() + ".csv");
        if (Files.isRegularFile(csv)) {
            // Read every column as text and cast it ourselves, so a bad value is reported by column.
            String relation = "read_csv(" + SqlText.literal(csv.toString()) + ", header = true, all_varchar = true, quote = '\"', escape = '\"')";
            return Optional.of(new TableSource(relation, csv.getFileName().toString(), Optional.of(csv)));
        }
        return Optional.empty();
    }

    /**
     * Each {@code NAME.parquet} as a view and each {@code NAME.csv} as a table (parsed once, types
     * detected by DuckDB) named {@code NAME}; a name with both files is an error.
     */
    @Override
    public void exposeAll(Connection connection) {
        java.util.Map<String, Path> files = new java.util.TreeMap<>();
        try (var listing = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listing.sorted()::iterator) {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (!Files.isRegularFile(file) || !(lower.endsWith(".csv") || lower.endsWith(".parquet"))) {
                    continue;
                }
                String stem = name.substring(0, name.lastIndexOf('.'));
                Path earlier = files.putIfAbsent(stem, file);
                if (earlier != null) {
                    throw new WarehouseException("table " + stem + " is in two files of " + folder + ": "
                            + earlier.getFileName() + " and " + name + " (keep one)");
                }
            }
        } catch (java.io.IOException e) {
            throw new WarehouseException("cannot list the warehouse folder " + folder + ": " + e.getMessage(), e);
        }
        files.forEach((stem, file) -> expose(connection, stem, file));
    }

    private static void expose(Connection connection, String table, Path file) {
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        String ddl = csv
                ? "CREATE TABLE " + SqlText.identifier(table) + " AS SELECT * FROM read_csv(" + SqlText.literal(file.toString()) + ", header = true)"
                : "CREATE VIEW " + SqlText.identifier(table) + " AS SELECT * FROM read_parquet(" + SqlText.literal(file.toString()) + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            if (csv) {
                Optional<WarehouseException> problem = CsvDiagnosis.explainOtherColumns(table, file, columnCount(statement, table));
                if (problem.isPresent()) {
                    throw problem.get();
                }
            }
        } catch (SQLException e) {
            throw (csv ? CsvDiagnosis.explain(table, file) : Optional.<WarehouseException>empty())
                    .orElseGet(() -> new WarehouseException("table " + table + " (" + file.getFileName() + ") cannot be read: "
                    + ContractCheck.firstLine(e.getMessage()), e));
        }
    }

    private static int columnCount(Statement statement, String table) throws SQLException {
        try (var rows = statement.executeQuery("SELECT * FROM " + SqlText.identifier(table) + " LIMIT 0")) {
            return rows.getMetaData().getColumnCount();
        }
    }

    @Override
    public String expectedLocation(TableSpec table) {
        return table.name() + ".parquet or " + table.name() + ".csv in " + folder;
    }
}
