package io.splitscope.metrics.experiment;

import io.splitscope.sql.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Experiments declared in a project file or in Java, together with those discovered in the
 * assignment logs of {@code discovery} (each key found that no declared experiment claims).
 */
public record DeclaredExperiments(List<Experiment> declared, DiscoveredExperiments discovery) implements ExperimentCatalog {

    public DeclaredExperiments {
        declared = List.copyOf(declared);
    }

    /** Declared experiments only. */
    public static DeclaredExperiments of(List<Experiment> declared) {
        return new DeclaredExperiments(declared, null);
    }

    /** A declared experiment without querying the logs: discovery runs only for an id no declaration has. */
    @Override
    public Optional<Experiment> find(Warehouse warehouse, BufferAllocator allocator, String id) {
        Optional<Experiment> found = declared.stream().filter(experiment -> experiment.id().equals(id)).findFirst();
        return found.isPresent() ? found : ExperimentCatalog.super.find(warehouse, allocator, id);
    }

    @Override
    public List<Experiment> list(Warehouse warehouse, BufferAllocator allocator) {
        List<Experiment> all = new ArrayList<>(declared);
        if (discovery != null) {
            all.addAll(discovery.discover(warehouse, allocator, declared));
        }
        all.sort(ORDER);
        return all;
    }
}
