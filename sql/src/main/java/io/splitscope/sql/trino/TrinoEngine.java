package io.splitscope.sql.trino;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseEngine;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;
import java.util.Locale;

/** Trino: a {@code jdbc:trino:} URL, opened by {@link TrinoWarehouse}. */
public final class TrinoEngine implements WarehouseEngine {

    @Override
    public String sourceForm() {
        return "jdbc:trino://host:port/catalog/schema";
    }

    @Override
    public boolean opens(String source) {
        return source.toLowerCase(Locale.ROOT).startsWith("jdbc:trino:");
    }

    @Override
    public Warehouse open(String source, List<TableSpec> contract) {
        return TrinoWarehouse.open(source, contract);
    }
}
