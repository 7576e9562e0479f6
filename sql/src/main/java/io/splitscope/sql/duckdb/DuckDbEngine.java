package io.splitscope.sql.duckdb;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseEngine;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The embedded engine: any source that is not a JDBC URL is a path, opened by {@link DuckDbWarehouse}. */
public final class DuckDbEngine implements WarehouseEngine {

    @Override
    public String sourceForm() {
        return "a folder, a DuckDB file";
    }

    @Override
    public boolean opens(String source) {
        return !source.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    }

    @Override
    public Warehouse open(String source, List<TableSpec> contract) {
        return DuckDbWarehouse.open(Path.of(source), contract);
    }
}
