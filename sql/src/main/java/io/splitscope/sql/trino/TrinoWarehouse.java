package io.splitscope.sql.trino;

import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.ContractCheck.Kind;
import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.arrow.JdbcArrowReader;
import io.splitscope.sql.arrow.JdbcConnections;
import io.splitscope.sql.arrow.JdbcWarehouse;
import io.splitscope.sql.dialect.Dialects;
import io.trino.jdbc.TrinoDriver;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A warehouse in Trino: the contract tables (or views) in one schema of one catalog, queried
 * through Trino's JDBC driver and converted to Arrow ({@link JdbcArrowReader}). Open it with a JDBC
 * URL that names the catalog and the schema:
 *
 * <pre>{@code
 * jdbc:trino://trino.example.com:8080/hive/experiments?user=splitscope
 * jdbc:trino://trino.example.com:8443/iceberg/analytics?user=splitscope&password=secret&SSL=true
 * }</pre>
 *
 * <p>Any catalog whose connector exposes the contract's tables works (hive, iceberg, delta_lake,
 * memory, a JDBC connector …): Splitscope only reads. Column types may be any Trino type of the
 * contract's kind: {@code bigint}, {@code integer}, {@code smallint} or {@code tinyint} for whole
 * numbers, those or {@code double}, {@code real} and {@code decimal(p, s)} for numbers,
 * {@code varchar} or {@code char} for text, {@code date}, and {@code timestamp(p)} (UTC, or
 * {@code timestamp(p) with time zone}: sessions run in UTC). Every table and column is checked at
 * {@link #open}, with the messages of {@link ContractCheck}.
 *
 * <p>Queries are rendered by jOOQ's {@link SQLDialect#TRINO} dialect with the fixes of
 * {@link Dialects}. Sessions run in UTC unless the URL sets {@code timezone}. Connections are
 * reused (a HikariCP pool, {@link JdbcConnections}): one per concurrent query. They autocommit (the
 * driver's default): a query has no transaction to end.
 */
public final class TrinoWarehouse extends JdbcWarehouse {

    private static final String URL_PREFIX = "jdbc:trino:";
    /** Trino's messages start with the query id, which says nothing to users: "Query failed (#2026…_00034_6eitc): ". */
    private static final Pattern QUERY_FAILED = Pattern.compile("^Query failed \\(#[^)]*\\):\\s*");

    private final String catalog;
    private final String schema;

    /** A warehouse whose pool starts with {@code first}, a connection opened by {@link #connect}. */
    private TrinoWarehouse(String url, String description, String catalog, String schema, Connection first) {
        super(SQLDialect.TRINO, description,
                JdbcConnections.pool("trino", description, first, () -> connect(url, description), true, false));
        this.catalog = catalog;
        this.schema = schema;
    }

    /**
     * Connects to the Trino at {@code jdbcUrl} ({@code jdbc:trino://host:port/catalog/schema?user=…})
     * and checks every contract table and column.
     *
     * @throws WarehouseException when the URL names no catalog and schema, the server cannot be
     *                            reached, or the schema breaks the contract
     */
    public static TrinoWarehouse open(String jdbcUrl) {
        return open(jdbcUrl, WarehouseSchema.TABLES);
    }

    /**
     * Connects to the database at {@code jdbcUrl} and checks the tables of {@code contract} (none
     * for a project file's warehouse, whose sources {@code splitscope check} checks).
     *
     * @throws WarehouseException when the database cannot be reached or breaks the contract
     */
    public static TrinoWarehouse open(String jdbcUrl, List<TableSpec> contract) {
        CatalogSchema location = catalogSchema(jdbcUrl);
        String description = JdbcUrls.redact(jdbcUrl);
        TrinoWarehouse warehouse = new TrinoWarehouse(jdbcUrl, description, location.catalog(), location.schema(),
                connect(jdbcUrl, description));
        warehouse.requireContract(contract, location.catalog() + "." + location.schema());
        return warehouse;
    }

    /** The catalog and schema a Trino JDBC URL names. */
    record CatalogSchema(String catalog, String schema) {
    }

    /**
     * The catalog and schema of {@code jdbc:trino://host:port/catalog/schema?…}.
     *
     * @throws WarehouseException when it is not a Trino URL or names no catalog and schema
     */
    static CatalogSchema catalogSchema(String jdbcUrl) {
        String expected = " (expected jdbc:trino://host:port/catalog/schema?user=...)";
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX)) {
            throw new WarehouseException("not a Trino JDBC URL: " + JdbcUrls.redact(String.valueOf(jdbcUrl)) + expected);
        }
        String path;
        try {
            path = new URI(jdbcUrl.substring("jdbc:".length())).getPath();
        } catch (URISyntaxException e) {
            throw new WarehouseException("not a valid Trino JDBC URL: " + JdbcUrls.redact(jdbcUrl) + expected, e);
        }
        String[] parts = path == null ? new String[0] : path.replaceAll("^/+|/+$", "").split("/");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new WarehouseException("the Trino URL " + JdbcUrls.redact(jdbcUrl)
                    + " does not name the catalog and schema of the warehouse tables" + expected);
        }
        return new CatalogSchema(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT));
    }

    /**
     * Opens a connection whose session runs in UTC (unless the URL sets {@code timezone}). Trino's
     * driver connects lazily: an unreachable server shows at the first statement.
     */
    static Connection connect(String jdbcUrl, String description) {
        Properties properties = new Properties();
        if (!jdbcUrl.contains("timezone=")) {
            properties.setProperty("timezone", "UTC");
        }
        try {
            // The driver directly, not DriverManager: it finds drivers only on the system class path.
            Connection connection = new TrinoDriver().connect(jdbcUrl, properties);
            if (connection == null) {
                throw new WarehouseException("not a Trino JDBC URL: " + description);
            }
            return connection;
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to " + description + ": " + message(e), e);
        }
    }

    /** table → column → Trino type, for the contract's tables in the URL's schema. */
    @Override
    protected Map<String, Map<String, String>> columnTypes(Connection connection, List<TableSpec> contract) {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        String sql = dsl().renderInlined(DSL.select(DSL.field(DSL.name("table_name")), DSL.field(DSL.name("column_name")),
                        DSL.field(DSL.name("data_type")))
                .from(DSL.table(DSL.name(catalog, "information_schema", "columns")))
                .where(DSL.field(DSL.name("table_schema")).eq(DSL.inline(schema)))
                .and(DSL.field(DSL.name("table_name")).in(contract.stream().map(t -> DSL.inline(t.name())).toList()))
                .orderBy(DSL.field(DSL.name("table_name")), DSL.field(DSL.name("ordinal_position"))));
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                        .put(rows.getString(2).toLowerCase(Locale.ROOT), rows.getString(3).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw unreachable(e) ? new WarehouseException("cannot connect to " + description() + ": " + message(e), e)
                    : new WarehouseException("cannot list the tables of " + description() + ": " + message(e), e);
        }
        return columns;
    }

    private static boolean unreachable(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> WHOLE_NUMBER_TYPES = Set.of("bigint", "integer", "smallint", "tinyint");
    private static final Set<String> NUMBER_TYPES = Set.of("bigint", "integer", "smallint", "tinyint", "double", "real", "decimal");
    private static final Set<String> TEXT_TYPES = Set.of("varchar", "char");

    /**
     * Whether a Trino type ({@code information_schema.columns.data_type}: {@code bigint},
     * {@code varchar(20)}, {@code timestamp(6) with time zone} …) can hold a contract kind.
     */
    @Override
    protected boolean accepts(Kind kind, String type) {
        String base = type.replaceAll("\\(.*?\\)", "").strip();
        return switch (kind) {
            case WHOLE_NUMBER -> WHOLE_NUMBER_TYPES.contains(base);
            case NUMBER -> NUMBER_TYPES.contains(base);
            case TEXT -> TEXT_TYPES.contains(base);
            case DATE -> base.equals("date");
            case TIMESTAMP -> base.equals("timestamp") || base.equals("timestamp with time zone");
        };
    }

    /** The catalog the contract tables are read from. */
    public String catalog() {
        return catalog;
    }

    /** The schema the contract tables are read from. */
    public String schema() {
        return schema;
    }

    @Override
    protected WarehouseException queryFailed(SQLException e) {
        if (unreachable(e)) {
            return new WarehouseException("cannot connect to " + description() + ": " + message(e), e);
        }
        return new WarehouseException("query failed on " + description() + ": " + message(e), e);
    }

    /** The driver's message in one line, without Trino's query id. */
    static String message(SQLException e) {
        String first = ContractCheck.firstLine(e.getMessage());
        Matcher matcher = QUERY_FAILED.matcher(first);
        String message = matcher.find() ? first.substring(matcher.end()) : first;
        if (message.isEmpty() || message.equals("Error executing query")) {
            // The driver wraps transport failures: say what the cause says.
            List<String> causes = new ArrayList<>();
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null) {
                    causes.add(ContractCheck.firstLine(cause.getMessage()));
                }
            }
            return causes.isEmpty() ? first : causes.stream().distinct().collect(Collectors.joining(": "));
        }
        return message;
    }
}
