package io.splitscope.metrics.query;

import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import io.splitscope.sql.trino.TrinoWarehouse;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checked-in Trino files of {@link GoldenSql}, run on a real single-node Trino 476
 * ({@link TrinoServer}) holding the tiny warehouse in its memory catalog, give exactly the rows the
 * DuckDB files give on DuckDB (in the same order where the query orders them): {@link GoldenSqlOnAServer}.
 */
class GoldenSqlTrinoIT extends GoldenSqlOnAServer {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    GoldenSqlTrinoIT() {
        super(SQLDialect.TRINO, TRINO::createSchema, (tiny, url) -> TrinoLoader.load(tiny, url, false),
                TrinoWarehouse::open);
    }
}
