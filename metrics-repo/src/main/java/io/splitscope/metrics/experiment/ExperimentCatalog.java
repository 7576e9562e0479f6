package io.splitscope.metrics.experiment;

import io.splitscope.sql.Warehouse;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where the experiments of a project come from: declared in a project file or in Java
 * ({@link DeclaredExperiments}), discovered in an assignment log ({@link DiscoveredExperiments}),
 * or read from the warehouse's own tables (the streaming preset's {@code experiments} and
 * {@code variants}).
 */
public interface ExperimentCatalog {

    /**
     * Every experiment, the most recently started first (experiments without dates last), then by id.
     *
     * @param allocator where the catalog's queries allocate their results, if it runs any
     */
    List<Experiment> list(Warehouse warehouse, BufferAllocator allocator);

    /** The experiment with id {@code id}, if there is one. */
    default Optional<Experiment> find(Warehouse warehouse, BufferAllocator allocator, String id) {
        return list(warehouse, allocator).stream().filter(experiment -> experiment.id().equals(id)).findFirst();
    }

    /** The order of {@link #list}. */
    java.util.Comparator<Experiment> ORDER = java.util.Comparator
            .comparing(Experiment::startDate, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
            .thenComparing(Experiment::id);
}
