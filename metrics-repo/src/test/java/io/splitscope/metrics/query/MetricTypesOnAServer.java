package io.splitscope.metrics.query;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The metric types on a server engine against the independent reference of
 * {@code src/test/resources/types} ({@link MetricTypesReference}): the warehouse loaded into a
 * fresh database or schema, the fused query rendered for the engine. The engine's IT supplies the
 * server, the loading and the opening, as for {@link GoldenSqlOnAServer}.
 */
abstract class MetricTypesOnAServer {

    private final Function<String, String> createDatabase;
    private final Loader loader;
    private final Function<String, Warehouse> opener;

    /** Loads the tables of a folder, of a contract, into the database at a JDBC URL. */
    @FunctionalInterface
    interface Loader {
        void load(Path folder, String jdbcUrl, List<TableSpec> tables);
    }

    /**
     * @param createDatabase makes a fresh database or schema of that name on the server; returns its JDBC URL
     * @param loader         loads the reference's tables into it
     * @param opener         opens the warehouse at a JDBC URL
     */
    MetricTypesOnAServer(Function<String, String> createDatabase, Loader loader, Function<String, Warehouse> opener) {
        this.createDatabase = createDatabase;
        this.loader = loader;
        this.opener = opener;
    }

    @Test
    void theFusedQueryGivesTheReferenceSums() {
        String url = createDatabase.apply("types");
        loader.load(MetricTypesReference.folder(), url, MetricTypesReference.TABLES);
        try (Warehouse warehouse = opener.apply(url); BufferAllocator allocator = new RootAllocator()) {
            MetricTypesReference.assertMatchesTheReference(MetricTypesReference.statistics(warehouse, allocator));
        }
    }
}
