package io.splitscope.metrics.query;

import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import io.splitscope.sql.trino.TrinoWarehouse;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metric types on a real single-node Trino 476 (memory catalog) against the independent
 * reference: {@link MetricTypesOnAServer}. Trino's {@code approx_distinct} is exact on sets this small.
 */
class MetricTypesTrinoIT extends MetricTypesOnAServer {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    MetricTypesTrinoIT() {
        super(TRINO::createSchema, (folder, url, tables) -> TrinoLoader.load(folder, url, false, tables),
                url -> TrinoWarehouse.open(url, MetricTypesReference.TABLES));
    }
}
