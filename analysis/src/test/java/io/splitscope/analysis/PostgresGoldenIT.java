package io.splitscope.analysis;

import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The golden warehouse loaded into a real, throwaway PostgreSQL gives the scorecards the embedded
 * DuckDB gives, for the whole catalog, default and CUPED (and one sliced by device):
 * {@link GoldenWarehouseOnAServer}.
 */
class PostgresGoldenIT extends GoldenWarehouseOnAServer {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    PostgresGoldenIT() {
        super("PostgreSQL", "jdbc:postgresql://127.0.0.1:", POSTGRES::createDatabase,
                (folder, url) -> PostgresLoader.load(folder, url, false));
    }
}
