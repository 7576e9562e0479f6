package io.splitscope.metrics.query;

import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import io.splitscope.sql.postgres.PostgresWarehouse;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checked-in PostgreSQL files of {@link GoldenSql}, run on a real PostgreSQL holding the tiny
 * warehouse, give exactly the rows the DuckDB files give on DuckDB (in the same order where the
 * query orders them): {@link GoldenSqlOnAServer}.
 */
class GoldenSqlPostgresIT extends GoldenSqlOnAServer {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    GoldenSqlPostgresIT() {
        super(SQLDialect.POSTGRES, POSTGRES::createDatabase, (tiny, url) -> PostgresLoader.load(tiny, url, false),
                PostgresWarehouse::open);
    }
}
