package io.splitscope.sql.postgres;

import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.sql.dialect.SqlText;
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
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Copies a warehouse folder (CSV or Parquet files, or a DuckDB file) into PostgreSQL tables of the
 * warehouse contract, so that the same data can be analysed on PostgreSQL. The folder is opened
 * and checked by {@link DuckDbWarehouse}, the tables are created with the contract's PostgreSQL
 * DDL ({@link WarehouseSchema#createTable}: {@code bigint}, {@code double precision},
 * {@code varchar}, {@code date}, {@code timestamp}) and filled with {@code COPY … FROM STDIN}
 * through the driver's {@link CopyManager}; doubles are copied in their shortest exact decimal
 * form, so every value arrives bit for bit. Everything happens in one transaction: a failed load
 * leaves the database as it was.
 *
 * <p>From Java:
 *
 * <pre>{@code
 * Map<String, Long> rows = PostgresLoader.load(Path.of("warehouse"),
 *         "jdbc:postgresql://localhost:5432/analytics?user=me&password=secret", false);
 * }</pre>
 *
 * <p>From the command line: {@code ./splitscope load --warehouse DIR --into 'jdbc:postgresql://…' [--replace]},
 * and then analyse it with {@code ./splitscope analyze --warehouse 'jdbc:postgresql://…' …}.
 *
 * <p>Tables go into the connection's current schema ({@code currentSchema=…} in the URL selects
 * another). Existing contract tables are an error unless {@code replace} is set, which drops them
 * first. The tables get no indexes; they are {@code ANALYZE}d after loading.
 */
public final class PostgresLoader {

    /** Bytes of COPY data sent to the server at a time. */
    private static final int CHUNK_BYTES = 1 << 20;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private PostgresLoader() {
    }

    /**
     * Loads the warehouse at {@code source} (a folder or DuckDB file) into the database at
     * {@code jdbcUrl}.
     *
     * @param replace drop contract tables that already exist instead of failing
     * @return rows loaded per table, in the contract's order
     * @throws WarehouseException when the source breaks the contract, the database cannot be
     *                            reached, or a table exists and {@code replace} is not set
     */
    public static Map<String, Long> load(Path source, String jdbcUrl, boolean replace) {
        return load(source, jdbcUrl, replace, WarehouseSchema.TABLES);
    }

    /**
     * {@link #load(Path, String, boolean)} of the tables of another contract ({@code tables}),
     * checked and typed as it says.
     */
    public static Map<String, Long> load(Path source, String jdbcUrl, boolean replace, List<TableSpec> tables) {
        String description = JdbcUrls.redact(jdbcUrl);
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(source, tables);
             BufferAllocator allocator = new RootAllocator();
             Connection connection = PostgresWarehouse.connect(jdbcUrl, description, false)) {
            try {
                Map<String, Long> rows = load(warehouse, allocator, connection, replace, description, tables);
                connection.commit();
                analyze(connection, rows.keySet().stream().toList());
                return rows;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("loading " + description + " failed: " + ContractCheck.firstLine(e.getMessage()), e);
        }
    }

    private static Map<String, Long> load(DuckDbWarehouse warehouse, BufferAllocator allocator, Connection connection,
                                          boolean replace, String description, List<TableSpec> tables) throws SQLException {
        DSLContext postgres = Dialects.using(SQLDialect.POSTGRES);
        CopyManager copies = connection.unwrap(BaseConnection.class).getCopyAPI();
        Map<String, Long> loaded = new LinkedHashMap<>();
        for (TableSpec table : tables) {
            try (Statement statement = connection.createStatement()) {
                if (replace) {
                    statement.execute(postgres.dropTableIfExists(table.table()).getSQL());
                } else if (exists(connection, table)) {
                    throw new WarehouseException("table " + table.name() + " already exists in " + description
                            + ": load with replace to drop it first");
                }
                statement.execute(WarehouseSchema.createTable(postgres, table).getSQL());
            }
            String copy = "COPY " + SqlText.identifier(table.name()) + " ("
                    + String.join(", ", table.columns().stream().map(c -> SqlText.identifier(c.getName())).toList())
                    + ") FROM STDIN (FORMAT csv)";
            CopyIn in = copies.copyIn(copy);
            try {
                warehouse.query(warehouse.dsl().select(table.columns()).from(table.table()), allocator,
                        reader -> writeCsv(reader, in));
                loaded.put(table.name(), in.endCopy());
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
        return loaded;
    }

    private static boolean exists(Connection connection, TableSpec table) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void analyze(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("ANALYZE " + SqlText.identifier(table));
            }
        }
        connection.commit();
    }

    /** Writes every batch as CSV rows (NULL: an empty unquoted field; text always quoted). */
    private static Void writeCsv(ArrowReader reader, CopyIn in) throws IOException {
        StringBuilder csv = new StringBuilder(CHUNK_BYTES + 4096);
        try {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                List<FieldVector> vectors = root.getFieldVectors();
                for (int row = 0; row < root.getRowCount(); row++) {
                    for (int c = 0; c < vectors.size(); c++) {
                        if (c > 0) {
                            csv.append(',');
                        }
                        appendValue(csv, vectors.get(c), row);
                    }
                    csv.append('\n');
                    if (csv.length() >= CHUNK_BYTES) {
                        send(csv, in);
                    }
                }
            }
            send(csv, in);
        } catch (SQLException e) {
            throw new IOException(ContractCheck.firstLine(e.getMessage()), e);
        }
        return null;
    }

    private static void send(StringBuilder csv, CopyIn in) throws SQLException {
        if (!csv.isEmpty()) {
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            csv.setLength(0);
        }
    }

    private static void appendValue(StringBuilder csv, FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return;
        }
        switch (vector) {
            case VarCharVector text -> {
                String value = new String(text.get(row), StandardCharsets.UTF_8);
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
            case BigIntVector longs -> csv.append(longs.get(row));
            case IntVector ints -> csv.append(ints.get(row));
            case Float8Vector doubles -> csv.append(Double.toString(doubles.get(row)));
            case DateDayVector dates -> csv.append(LocalDate.ofEpochDay(dates.get(row)));
            case TimeStampMicroVector timestamps -> csv.append(TIMESTAMP.format(timestamps.getObject(row)));
            default -> throw new IllegalStateException("the contract has no column of Arrow type "
                    + vector.getField().getType() + " (" + vector.getName() + ")");
        }
    }
}
