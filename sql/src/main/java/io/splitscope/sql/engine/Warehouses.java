package io.splitscope.sql.engine;

import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import io.splitscope.sql.postgres.PostgresWarehouse;
import io.splitscope.sql.trino.TrinoWarehouse;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a warehouse from what users type after {@code --warehouse}: a path (a folder of CSV or
 * Parquet files, or a DuckDB file) opens the embedded {@link DuckDbWarehouse}; a
 * {@code jdbc:postgresql://host:port/database?user=…&password=…} URL opens a
 * {@link PostgresWarehouse}; a {@code jdbc:trino://host:port/catalog/schema?user=…} URL opens a
 * {@link TrinoWarehouse}. Other JDBC URLs are refused with a one-line message.
 */
public final class Warehouses {

    private static final String KNOWN =
            "a folder, a DuckDB file, jdbc:postgresql://host:port/database or jdbc:trino://host:port/catalog/schema";

    private Warehouses() {
    }

    /**
     * @throws WarehouseException when the source cannot be opened, breaks the contract, or names an
     *                            engine Splitscope does not support
     */
    public static Warehouse open(String source) {
        return open(source, WarehouseSchema.TABLES);
    }

    /**
     * Opens {@code source} and checks the tables of {@code contract} (none for a project file's
     * warehouse, whose sources {@code splitscope check} checks).
     *
     * @throws WarehouseException when the source cannot be opened, breaks the contract, or names an
     *                            engine Splitscope does not support
     */
    public static Warehouse open(String source, java.util.List<WarehouseSchema.TableSpec> contract) {
        if (source == null || source.isBlank()) {
            throw new WarehouseException("no warehouse given: " + KNOWN);
        }
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return PostgresWarehouse.open(source, contract);
        }
        if (lower.startsWith("jdbc:trino:")) {
            return TrinoWarehouse.open(source, contract);
        }
        if (lower.startsWith("jdbc:")) {
            throw new WarehouseException("unsupported warehouse URL " + JdbcUrls.redact(source) + ": Splitscope reads " + KNOWN);
        }
        return DuckDbWarehouse.open(Path.of(source), contract);
    }
}
