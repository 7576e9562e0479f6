package io.splitscope.sql.postgres;

import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.ContractCheck.Kind;
import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.arrow.JdbcArrowQuery;
import io.splitscope.sql.arrow.JdbcArrowReader;
import io.splitscope.sql.arrow.JdbcConnections;
import io.splitscope.sql.arrow.JdbcWarehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * A warehouse in PostgreSQL: the contract tables (or views) in one schema of one database, read
 * through JDBC and converted to Arrow ({@link JdbcArrowReader}, batches of 64k rows streamed with
 * a cursor). Open it with a JDBC URL:
 *
 * <pre>{@code
 * jdbc:postgresql://db.example.com:5432/analytics?user=splitscope&password=secret&currentSchema=experiments
 * }</pre>
 *
 * <p>The tables are looked up in the connection's current schema ({@code public} unless
 * {@code currentSchema} says otherwise). Column types may be any PostgreSQL type of the
 * contract's kind: {@code bigint}, {@code integer} or {@code smallint} for whole numbers, those
 * or {@code double precision}, {@code real} and {@code numeric} for numbers, {@code text},
 * {@code varchar} or {@code char} for text, {@code date}, and {@code timestamp} (UTC, or
 * {@code timestamptz}: sessions run in UTC). Every table and column is checked at
 * {@link #open}, with the messages of {@link ContractCheck}.
 *
 * <p>Connections are read-only, run in UTC, and are reused (a HikariCP pool, {@link JdbcConnections}):
 * one per concurrent query. They do not autocommit, so that results stream through a cursor: each
 * query ends its transaction ({@link JdbcArrowQuery}).
 */
public final class PostgresWarehouse extends JdbcWarehouse {

    private static final String URL_PREFIX = "jdbc:postgresql:";

    private final String schema;

    /** A warehouse whose pool starts with {@code first}, a connection opened by {@link #connect}. */
    private PostgresWarehouse(String url, String description, String schema, Connection first) {
        super(SQLDialect.POSTGRES, description,
                JdbcConnections.pool("postgres", description, first, () -> connect(url, description, true), false, true));
        this.schema = schema;
    }

    /**
     * Connects to the database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database?user=…&password=…})
     * and checks every contract table and column.
     *
     * @throws WarehouseException when the database cannot be reached or breaks the contract
     */
    public static PostgresWarehouse open(String jdbcUrl) {
        return open(jdbcUrl, WarehouseSchema.TABLES);
    }

    /**
     * Connects to the database at {@code jdbcUrl} and checks the tables of {@code contract} (none
     * for a project file's warehouse, whose sources {@code splitscope check} checks).
     *
     * @throws WarehouseException when the database cannot be reached or breaks the contract
     */
    public static PostgresWarehouse open(String jdbcUrl, List<TableSpec> contract) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(URL_PREFIX)) {
            throw new WarehouseException("not a PostgreSQL JDBC URL: " + JdbcUrls.redact(String.valueOf(jdbcUrl))
                    + " (expected jdbc:postgresql://host:port/database?user=...&password=...)");
        }
        String description = JdbcUrls.redact(jdbcUrl);
        Connection connection = connect(jdbcUrl, description, true);
        String schema;
        try {
            schema = currentSchema(connection, description);
        } catch (RuntimeException e) {
            JdbcConnections.closeQuietly(connection);
            throw e;
        }
        PostgresWarehouse warehouse = new PostgresWarehouse(jdbcUrl, description, schema, connection);
        warehouse.requireContract(contract, schema);
        return warehouse;
    }

    /**
     * Opens a connection that works in UTC, with autocommit off so that results stream through a
     * cursor; read-only (every transaction {@code BEGIN READ ONLY}) unless the loader writes.
     */
    static Connection connect(String jdbcUrl, String description, boolean readOnly) {
        Connection connection;
        try {
            // The driver directly, not DriverManager: it finds drivers only on the system class path.
            connection = new org.postgresql.Driver().connect(jdbcUrl, new Properties());
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to " + description + ": " + ContractCheck.firstLine(e.getMessage()), e);
        }
        if (connection == null) {
            throw new WarehouseException("not a PostgreSQL JDBC URL: " + description);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            return connection;
        } catch (SQLException e) {
            JdbcConnections.closeQuietly(connection);
            throw new WarehouseException("cannot use " + description + ": " + ContractCheck.firstLine(e.getMessage()), e);
        }
    }

    private static String currentSchema(Connection connection, String description) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            String schema = rows.next() ? rows.getString(1) : null;
            connection.commit();
            if (schema == null) {
                throw new WarehouseException("no current schema in " + description
                        + ": the search path names no existing schema (set currentSchema=... in the URL)");
            }
            return schema;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read " + description + ": " + ContractCheck.firstLine(e.getMessage()), e);
        }
    }

    /** table → column → PostgreSQL type, for the contract's tables in the current schema. */
    @Override
    protected Map<String, Map<String, String>> columnTypes(Connection connection, List<TableSpec> contract) {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        String sql = "SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ANY (?) ORDER BY table_name, ordinal_position";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setArray(2, connection.createArrayOf("text",
                    contract.stream().map(TableSpec::name).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new WarehouseException("cannot list the tables of " + description() + ": "
                    + ContractCheck.firstLine(e.getMessage()), e);
        }
        return columns;
    }

    private static final Set<String> WHOLE_NUMBER_TYPES = Set.of("bigint", "integer", "smallint");
    private static final Set<String> NUMBER_TYPES = Set.of("bigint", "integer", "smallint", "double precision", "real", "numeric");
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character");
    private static final Set<String> TIMESTAMP_TYPES = Set.of("timestamp without time zone", "timestamp with time zone");

    /** Whether a PostgreSQL type ({@code information_schema.columns.data_type}) can hold a contract kind. */
    @Override
    protected boolean accepts(Kind kind, String type) {
        return switch (kind) {
            case WHOLE_NUMBER -> WHOLE_NUMBER_TYPES.contains(type);
            case NUMBER -> NUMBER_TYPES.contains(type);
            case TEXT -> TEXT_TYPES.contains(type);
            case DATE -> type.equals("date");
            case TIMESTAMP -> TIMESTAMP_TYPES.contains(type);
        };
    }

    /** The schema the contract tables are read from. */
    public String schema() {
        return schema;
    }
}
