package io.splitscope.sql.postgres;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseEngine;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;
import java.util.Locale;

/** Postgres: a {@code jdbc:postgresql:} URL, opened by {@link PostgresWarehouse}. */
public final class PostgresEngine implements WarehouseEngine {

    @Override
    public String sourceForm() {
        return "jdbc:postgresql://host:port/database";
    }

    @Override
    public boolean opens(String source) {
        return source.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    @Override
    public Warehouse open(String source, List<TableSpec> contract) {
        return PostgresWarehouse.open(source, contract);
    }
}
