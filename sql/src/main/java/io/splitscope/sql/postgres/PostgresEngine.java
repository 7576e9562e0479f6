package io.splitscope.sql.postgres;

import io.splitscope.sql.JdbcUrlEngine;

/** Postgres: a {@code jdbc:postgresql:} URL, opened by {@link PostgresWarehouse}. */
public final class PostgresEngine extends JdbcUrlEngine {

    public PostgresEngine() {
        super("postgresql", "jdbc:postgresql://host:port/database", PostgresWarehouse::open);
    }
}
