package io.splitscope.sql;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;

/**
 * An engine Splitscope reads warehouses with: the embedded DuckDB, PostgreSQL, Trino, or one
 * added by a jar on the class path. {@link Warehouses} finds every engine through
 * {@link java.util.ServiceLoader} (a line naming the implementation in
 * {@code META-INF/services/io.splitscope.sql.WarehouseEngine}) and opens a source with the engine
 * that {@linkplain #opens accepts} it.
 */
public interface WarehouseEngine {

    /** What users type to reach a warehouse of this engine, for messages: {@code jdbc:trino://host:port/catalog/schema}. */
    String sourceForm();

    /** Whether {@code source} (what follows {@code --warehouse}, or a project's {@code warehouse}) is this engine's. */
    boolean opens(String source);

    /**
     * Opens {@code source} and checks the tables of {@code contract} (none for a project file's warehouse).
     *
     * @throws WarehouseException when it cannot be opened or breaks the contract
     */
    Warehouse open(String source, List<TableSpec> contract);
}
