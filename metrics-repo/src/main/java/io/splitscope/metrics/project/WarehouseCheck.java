package io.splitscope.metrics.project;

import io.splitscope.sql.Warehouse;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a project verifies in its warehouse before any analysis query runs: that every table and
 * SQL source can be read and has every column the project names (a project file's:
 * {@link ProjectCheck#mistakes}; the streaming preset: the ids of its small experiments table). Cheap:
 * column lists and no rows of the sources.
 */
@FunctionalInterface
public interface WarehouseCheck {

    /** Nothing to verify. */
    WarehouseCheck NONE = (warehouse, allocator) -> List.of();

    /** The project's mistakes in {@code warehouse}, one line each; empty when there are none. */
    List<ConfigError> mistakes(Warehouse warehouse, BufferAllocator allocator);
}
