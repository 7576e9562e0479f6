package io.splitscope.sql.trino;

import io.splitscope.sql.JdbcUrlEngine;

/** Trino: a {@code jdbc:trino:} URL, opened by {@link TrinoWarehouse}. */
public final class TrinoEngine extends JdbcUrlEngine {

    public TrinoEngine() {
        super("trino", "jdbc:trino://host:port/catalog/schema", TrinoWarehouse::open);
    }
}
