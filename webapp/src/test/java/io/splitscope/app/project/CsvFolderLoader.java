package io.splitscope.app.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies every {@code NAME.csv} of a folder into a table {@code NAME} of PostgreSQL or of Trino,
 * with the column types DuckDB detects in the file ({@code read_csv(path, header = true)}, as a
 * folder warehouse reads it: {@code FolderTableSources}), so that a project whose warehouse is the
 * folder can be pointed at the engine ({@code Project.withWarehouse}) and give the same scorecards.
 * Identifiers are quoted ({@code group} and {@code timestamp} are column names of the unseen
 * project); NULLs (empty fields) stay NULL; doubles travel in their shortest exact decimal form.
 *
 * <p>{@code PostgresLoader} and {@code TrinoLoader} (sql module) do the same for the streaming
 * contract's tables only: they take their tables and types from {@code WarehouseSchema.TABLES}
 * and open the folder with the contract. This loader takes the tables and types from the files.
 */
final class CsvFolderLoader {

    /** Trino refuses statements longer than {@code query.max-length} (1,000,000 characters by default). */
    private static final int MAX_TRINO_STATEMENT_CHARS = 500_000;
    private static final int POSTGRES_BATCH_ROWS = 1_000;

    /** The column types DuckDB detects in a CSV file that this loader copies. */
    enum ColumnType {
        VARCHAR("text", "varchar"),
        BIGINT("bigint", "bigint"),
        INTEGER("integer", "integer"),
        DOUBLE("double precision", "double"),
        BOOLEAN("boolean", "boolean"),
        DATE("date", "date"),
        TIMESTAMP("timestamp", "timestamp(6)");

        final String postgres;
        final String trino;

        ColumnType(String postgres, String trino) {
            this.postgres = postgres;
            this.trino = trino;
        }

        static ColumnType of(String duckDbType, String table, String column) {
            try {
                return valueOf(duckDbType);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DuckDB detects " + table + "." + column + " as " + duckDbType
                        + ", which this loader does not copy (it copies " + List.of(values()) + ")", e);
            }
        }
    }

    record Column(String name, ColumnType type) {
    }

    /**
     * A CSV file as DuckDB reads it. Dates and timestamps are read as DuckDB's text
     * ({@code 2026-05-01 00:00:00}), which both engines parse, so no time zone comes between.
     */
    record Table(String name, List<Column> columns, List<Object[]> rows) {
    }

    private CsvFolderLoader() {
    }

    /** Every {@code *.csv} of {@code folder}, by file name, with DuckDB's column types. */
    static List<Table> read(Path folder) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CSV file in " + folder);
        }
        List<Table> tables = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
                String relation = "read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', header = true)";
                List<Column> columns = new ArrayList<>();
                try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
                    while (described.next()) {
                        String column = described.getString("column_name");
                        columns.add(new Column(column, ColumnType.of(described.getString("column_type"), name, column)));
                    }
                }
                String select = columns.stream().map(c -> switch (c.type()) {
                    case DATE, TIMESTAMP -> "cast(" + quote(c.name()) + " as varchar)";
                    default -> quote(c.name());
                }).collect(Collectors.joining(", "));
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet read = statement.executeQuery("SELECT " + select + " FROM " + relation)) {
                    while (read.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = value(read, c + 1, columns.get(c).type());
                        }
                        rows.add(row);
                    }
                }
                tables.add(new Table(name, List.copyOf(columns), rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB cannot read the CSV files of " + folder + ": " + e.getMessage(), e);
        }
        return tables;
    }

    private static Object value(ResultSet rows, int index, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case VARCHAR, DATE, TIMESTAMP -> rows.getString(index);
            case BIGINT -> rows.getLong(index);
            case INTEGER -> rows.getInt(index);
            case DOUBLE -> rows.getDouble(index);
            case BOOLEAN -> rows.getBoolean(index);
        };
        return rows.wasNull() ? null : value;
    }

    /**
     * Loads every CSV file of {@code folder} into the database at {@code jdbcUrl} (its current
     * schema), in one transaction, and {@code ANALYZE}s the tables.
     *
     * @return rows loaded per table
     */
    static Map<String, Long> intoPostgres(Path folder, String jdbcUrl) {
        List<Table> tables = read(folder);
        Map<String, Long> loaded = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            for (Table table : tables) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(createTable(table, c -> c.postgres));
                }
                String insert = "INSERT INTO " + quote(table.name()) + " (" + columnList(table) + ") VALUES ("
                        + table.columns().stream().map(c -> "cast(? as " + c.type().postgres + ")")
                        .collect(Collectors.joining(", ")) + ")";
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    int pending = 0;
                    for (Object[] row : table.rows()) {
                        for (int c = 0; c < row.length; c++) {
                            bind(statement, c + 1, table.columns().get(c).type(), row[c]);
                        }
                        statement.addBatch();
                        if (++pending == POSTGRES_BATCH_ROWS) {
                            statement.executeBatch();
                            pending = 0;
                        }
                    }
                    statement.executeBatch();
                }
                loaded.put(table.name(), (long) table.rows().size());
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (Table table : tables) {
                    statement.execute("ANALYZE " + quote(table.name()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + folder + " into PostgreSQL failed: " + e.getMessage(), e);
        }
        return loaded;
    }

    private static void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, switch (type) {
                case VARCHAR, DATE, TIMESTAMP -> Types.VARCHAR;
                case BIGINT -> Types.BIGINT;
                case INTEGER -> Types.INTEGER;
                case DOUBLE -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
            });
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Loads every CSV file of {@code folder} into the schema that the Trino URL {@code jdbcUrl}
     * names (a catalog that accepts {@code CREATE TABLE} and {@code INSERT}, e.g. memory). Rows
     * travel as one JSON literal a statement, as {@code TrinoLoader} sends them (far faster for
     * Trino to parse than {@code VALUES}).
     *
     * @return rows loaded per table
     */
    static Map<String, Long> intoTrino(Path folder, String jdbcUrl) {
        List<Table> tables = read(folder);
        Map<String, Long> loaded = new LinkedHashMap<>();
        Properties properties = new Properties();
        properties.setProperty("timezone", "UTC");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
             Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                statement.execute(createTable(table, c -> c.trino));
                String prefix = "INSERT INTO " + quote(table.name()) + " (" + columnList(table) + ") SELECT "
                        + table.columns().stream().map(c -> jsonType(c.type()).equals(c.type().trino) ? quote(c.name())
                        : "cast(" + quote(c.name()) + " as " + c.type().trino + ")").collect(Collectors.joining(", "))
                        + " FROM UNNEST(CAST(json_parse('[";
                String suffix = "]') AS array(row(" + table.columns().stream()
                        .map(c -> quote(c.name()) + " " + jsonType(c.type())).collect(Collectors.joining(", ")) + "))))";
                StringBuilder sql = new StringBuilder();
                StringBuilder json = new StringBuilder();
                int pending = 0;
                for (Object[] row : table.rows()) {
                    json.setLength(0);
                    json.append('[');
                    for (int c = 0; c < row.length; c++) {
                        if (c > 0) {
                            json.append(',');
                        }
                        appendJson(json, row[c]);
                    }
                    json.append(']');
                    if (pending > 0 && sql.length() + json.length() + suffix.length() + 1 > MAX_TRINO_STATEMENT_CHARS) {
                        statement.executeUpdate(sql.append(suffix).toString());
                        sql.setLength(0);
                        pending = 0;
                    }
                    sql.append(pending == 0 ? prefix : ",").append(json);
                    pending++;
                }
                if (pending > 0) {
                    statement.executeUpdate(sql.append(suffix).toString());
                }
                loaded.put(table.name(), (long) table.rows().size());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + folder + " into Trino failed: " + e.getMessage(), e);
        }
        return loaded;
    }

    /** JSON has no dates and timestamps: they travel as text, cast on the way in. */
    private static String jsonType(ColumnType type) {
        return switch (type) {
            case DATE, TIMESTAMP -> "varchar";
            default -> type.trino;
        };
    }

    /** One value as JSON inside an SQL string literal (single quotes doubled). */
    private static void appendJson(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case String text -> {
                json.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '"' -> json.append("\\\"");
                        case '\\' -> json.append("\\\\");
                        case '\'' -> json.append("''");
                        default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                    }
                }
                json.append('"');
            }
            case Double number when !Double.isFinite(number) ->
                    throw new IllegalArgumentException("JSON has no number for " + number);
            default -> json.append(value); // Long, Integer, Double (shortest exact decimal), Boolean
        }
    }

    private static String createTable(Table table, Function<ColumnType, String> engineType) {
        return "CREATE TABLE " + quote(table.name()) + " (" + table.columns().stream()
                .map(c -> quote(c.name()) + " " + engineType.apply(c.type())).collect(Collectors.joining(", ")) + ")";
    }

    private static String columnList(Table table) {
        return table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
