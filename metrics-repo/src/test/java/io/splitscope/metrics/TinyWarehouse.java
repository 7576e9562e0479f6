package io.splitscope.metrics;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.preset.StreamingExperiments;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The hand-made warehouse of {@code src/test/resources/tiny}, opened for one test class. */
public final class TinyWarehouse implements AutoCloseable {

    public final DuckDbWarehouse warehouse;
    public final BufferAllocator allocator = new RootAllocator();

    public TinyWarehouse() {
        try {
            warehouse = DuckDbWarehouse.open(Path.of(TinyWarehouse.class.getResource("/tiny").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Experiment experiment(String id) {
        return new StreamingExperiments().find(warehouse, allocator, id).orElseThrow();
    }

    @Override
    public void close() {
        warehouse.close();
        allocator.close();
    }
}
