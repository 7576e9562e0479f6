package io.splitscope.sql.postgres;

import io.splitscope.sql.JdbcUrlEngine;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;

/** Postgres: a {@code jdbc:postgresql:} URL, opened by {@link PostgresWarehouse}. */
public final class PostgresEngine extends JdbcUrlEngine {

    public PostgresEngine() {
        super("postgresql", "jdbc:postgresql://host:port/database");
    }

    @Override
    public Warehouse open(String source, List<TableSpec> contract) {
        return PostgresWarehouse.open(source, contract);
    }
}
