package io.splitscope.sql.trino;

import io.splitscope.sql.JdbcUrlEngine;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;

/** Trino: a {@code jdbc:trino:} URL, opened by {@link TrinoWarehouse}. */
public final class TrinoEngine extends JdbcUrlEngine {

    public TrinoEngine() {
        super("trino", "jdbc:trino://host:port/catalog/schema");
    }

    @Override
    public Warehouse open(String source, List<TableSpec> contract) {
        return TrinoWarehouse.open(source, contract);
    }
}
