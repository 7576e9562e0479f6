package io.splitscope.sql.trino;

import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.dialect.SqlText;
import io.splitscope.sql.ContractCheck.Kind;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jooq.Field;

/**
 * Copies a warehouse folder (CSV or Parquet files, or a DuckDB file) into Trino tables of the
 * warehouse contract, in the catalog and schema a Trino JDBC URL names
 * ({@code jdbc:trino://host:port/memory/golden?user=…}), so that the same data can be analysed on
 * Trino. Meant for tests and demonstrations (data that outgrows one machine is already in Trino):
 * the catalog must accept {@code CREATE TABLE} and {@code INSERT} (memory, hive, iceberg …).
 *
 * <p>The tables are created with {@code bigint}/{@code integer}, {@code double}, {@code varchar},
 * {@code date} and {@code timestamp(6)} columns. Rows travel as JSON: each {@code INSERT} carries
 * up to {@value #MAX_STATEMENT_CHARS} characters of rows as one string literal,
 * {@code insert into t select … from unnest(cast(json_parse('[[…],[…]]') as array(row(…))))}.
 * Trino parses a JSON literal far faster than the same rows as {@code VALUES}: the golden
 * warehouse's 95,541 playback rows load in about 4 s this way and take about 100 s as
 * {@code VALUES} batches (Trino 476, 2 cores). Doubles are written in their shortest exact decimal
 * form, so every value arrives bit for bit.
 *
 * <p>Existing contract tables are an error unless {@code replace} is set, which drops them first.
 * Trino's connectors have no transactions across tables: a failed load can leave some tables
 * created.
 */
public final class TrinoLoader {

    /** Trino refuses statements longer than {@code query.max-length}, 1,000,000 characters by default. */
    static final int MAX_STATEMENT_CHARS = 500_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private TrinoLoader() {
    }

    /**
     * Loads the warehouse at {@code source} (a folder or DuckDB file) into the schema that
     * {@code jdbcUrl} names; the schema must exist.
     *
     * @param replace drop contract tables that already exist instead of failing
     * @return rows loaded per table, in the contract's order
     * @throws WarehouseException when the source breaks the contract, Trino cannot be reached, or a
     *                            table exists and {@code replace} is not set
     */
    public static Map<String, Long> load(Path source, String jdbcUrl, boolean replace) {
        return load(source, jdbcUrl, replace, WarehouseSchema.TABLES);
    }

    /**
     * {@link #load(Path, String, boolean)} of the tables of another contract ({@code tables}),
     * checked and typed as it says.
     */
    public static Map<String, Long> load(Path source, String jdbcUrl, boolean replace, List<TableSpec> tables) {
        TrinoWarehouse.CatalogSchema location = TrinoWarehouse.catalogSchema(jdbcUrl);
        String description = JdbcUrls.redact(jdbcUrl);
        String prefix = SqlText.identifier(location.catalog()) + "." + SqlText.identifier(location.schema()) + ".";
        Map<String, Long> loaded = new LinkedHashMap<>();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(source, tables);
             BufferAllocator allocator = new RootAllocator();
             Connection connection = TrinoWarehouse.connect(jdbcUrl, description);
             Statement statement = connection.createStatement()) {
            for (TableSpec table : tables) {
                String name = prefix + SqlText.identifier(table.name());
                if (replace) {
                    statement.execute("DROP TABLE IF EXISTS " + name);
                } else if (exists(statement, location, table)) {
                    throw new WarehouseException("table " + table.name() + " already exists in " + description
                            + ": load with replace to drop it first");
                }
                statement.execute("CREATE TABLE " + name + " (" + table.columns().stream()
                        .map(c -> SqlText.identifier(c.getName()) + " " + trinoType(c)).collect(Collectors.joining(", ")) + ")");
                Inserts inserts = new Inserts(statement, insertPrefix(name, table), insertSuffix(table));
                warehouse.query(warehouse.dsl().select(table.columns()).from(table.table()), allocator, inserts::write);
                loaded.put(table.name(), inserts.rows);
            }
            return loaded;
        } catch (SQLException e) {
            throw new WarehouseException("loading " + description + " failed: " + TrinoWarehouse.message(e), e);
        }
    }

    private static boolean exists(Statement statement, TrinoWarehouse.CatalogSchema location, TableSpec table)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + SqlText.identifier(location.catalog())
                + ".information_schema.tables WHERE table_schema = " + SqlText.literal(location.schema())
                + " AND table_name = " + SqlText.literal(table.name()))) {
            return rows.next();
        }
    }

    /** The Trino type a contract column is created with. */
    static String trinoType(Field<?> column) {
        return switch (Kind.of(column)) {
            case WHOLE_NUMBER -> column.getType() == Integer.class ? "integer" : "bigint";
            case NUMBER -> "double";
            case TEXT -> "varchar";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp(6)";
        };
    }

    /** JSON cannot hold dates and timestamps: they travel as text, cast on the way in. */
    private static String jsonType(Field<?> column) {
        return switch (Kind.of(column)) {
            case DATE, TIMESTAMP -> "varchar";
            default -> trinoType(column);
        };
    }

    /** The statement up to the JSON literal: {@code INSERT INTO t (…) SELECT … FROM UNNEST(CAST(json_parse(}. */
    private static String insertPrefix(String name, TableSpec table) {
        String columns = table.columns().stream().map(c -> SqlText.identifier(c.getName())).collect(Collectors.joining(", "));
        String select = table.columns().stream().map(c -> jsonType(c).equals(trinoType(c)) ? SqlText.identifier(c.getName())
                : "cast(" + SqlText.identifier(c.getName()) + " as " + trinoType(c) + ")").collect(Collectors.joining(", "));
        return "INSERT INTO " + name + " (" + columns + ") SELECT " + select + " FROM UNNEST(CAST(json_parse(";
    }

    /** The statement after the JSON literal: {@code ) AS array(row(…)))))}. */
    private static String insertSuffix(TableSpec table) {
        return ") AS array(row(" + table.columns().stream().map(c -> SqlText.identifier(c.getName()) + " " + jsonType(c))
                .collect(Collectors.joining(", ")) + "))))";
    }

    /**
     * Writes batches of rows as INSERT statements of at most {@link #MAX_STATEMENT_CHARS} characters:
     * the rows of one statement as one JSON array, in an SQL string literal. The JSON holds no
     * single quote ({@link #appendString}), so the literal is the array between two quotes.
     */
    private static final class Inserts {
        private final Statement statement;
        private final String prefix;
        private final String suffix;
        private final StringBuilder json = new StringBuilder(MAX_STATEMENT_CHARS + 4096);
        private int pending;
        long rows;

        Inserts(Statement statement, String prefix, String suffix) {
            this.statement = statement;
            this.prefix = prefix;
            this.suffix = suffix;
        }

        Void write(ArrowReader reader) throws IOException {
            StringBuilder row = new StringBuilder(256);
            try {
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    List<FieldVector> vectors = root.getFieldVectors();
                    for (int r = 0; r < root.getRowCount(); r++) {
                        row.setLength(0);
                        row.append('[');
                        for (int c = 0; c < vectors.size(); c++) {
                            if (c > 0) {
                                row.append(',');
                            }
                            appendJson(row, vectors.get(c), r);
                        }
                        row.append(']');
                        // the statement: prefix, quote, the array with this row and its closing bracket, quote, suffix
                        if (pending > 0 && prefix.length() + json.length() + row.length() + suffix.length() + 4
                                > MAX_STATEMENT_CHARS) {
                            flush();
                        }
                        json.append(pending == 0 ? "[" : ",").append(row);
                        pending++;
                    }
                }
                flush();
            } catch (SQLException e) {
                throw new IOException(TrinoWarehouse.message(e), e);
            }
            return null;
        }

        private void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            statement.executeUpdate(prefix + SqlText.literal(json.append(']').toString()) + suffix);
            rows += pending;
            pending = 0;
            json.setLength(0);
        }
    }

    /** One value as JSON. */
    private static void appendJson(StringBuilder json, FieldVector vector, int row) {
        if (vector.isNull(row)) {
            json.append("null");
            return;
        }
        switch (vector) {
            case VarCharVector text -> appendString(json, new String(text.get(row), StandardCharsets.UTF_8));
            case BigIntVector longs -> json.append(longs.get(row));
            case IntVector ints -> json.append(ints.get(row));
            case Float8Vector doubles -> {
                double value = doubles.get(row);
                if (Double.isFinite(value)) {
                    json.append(Double.toString(value)); // the shortest decimal that reads back as the same double
                } else {
                    appendString(json, Double.toString(value)); // NaN, Infinity: JSON has no numbers for them
                }
            }
            case DateDayVector dates -> appendString(json, LocalDate.ofEpochDay(dates.get(row)).toString());
            case TimeStampMicroVector timestamps -> appendString(json, TIMESTAMP.format(timestamps.getObject(row)));
            default -> throw new IllegalStateException("the contract has no column of Arrow type "
                    + vector.getField().getType() + " (" + vector.getName() + ")");
        }
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    // control characters, and the quote of the SQL literal the JSON travels in
                    if (c < 0x20 || c == '\'') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
