package io.splitscope.metrics.query;

import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import io.splitscope.sql.postgres.PostgresWarehouse;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The metric types on a real PostgreSQL against the independent reference: {@link MetricTypesOnAServer}. */
class MetricTypesPostgresIT extends MetricTypesOnAServer {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    MetricTypesPostgresIT() {
        super(POSTGRES::createDatabase, (folder, url, tables) -> PostgresLoader.load(folder, url, false, tables),
                url -> PostgresWarehouse.open(url, MetricTypesReference.TABLES));
    }
}
