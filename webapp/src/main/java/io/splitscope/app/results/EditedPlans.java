package io.splitscope.app.results;

import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.ExperimentCatalog;
import io.splitscope.sql.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The project's experiments with the decision plans analysts edited in the web app: an
 * experiment with an edit has the latest one's plan instead of its project file's, everywhere the
 * app reads it (the pages, the REST API, the analyses), because the app's project reads its
 * experiments through this catalog. {@link PlanEditing} fills it from the results store and keeps
 * it up to date. Thread-safe.
 */
public final class EditedPlans implements ExperimentCatalog {

    private final ExperimentCatalog project;
    private final Map<String, PlanEdit> latest = new ConcurrentHashMap<>();

    /** Over the experiments of {@code project}, with no edit yet. */
    public EditedPlans(ExperimentCatalog project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    @Override
    public List<Experiment> list(Warehouse warehouse, BufferAllocator allocator) {
        return project.list(warehouse, allocator).stream().map(this::edited).toList();
    }

    @Override
    public Optional<Experiment> find(Warehouse warehouse, BufferAllocator allocator, String id) {
        return project.find(warehouse, allocator, id).map(this::edited);
    }

    /** The latest edit of the experiment's plan, if an analyst has edited it. */
    public Optional<PlanEdit> latest(String experimentId) {
        return Optional.ofNullable(latest.get(experimentId));
    }

    /** Makes {@code edit} its experiment's latest. */
    void put(PlanEdit edit) {
        latest.put(edit.experimentId(), edit);
    }

    private Experiment edited(Experiment experiment) {
        PlanEdit edit = latest.get(experiment.id());
        return edit == null ? experiment : experiment.withDecisionPlan(edit.plan());
    }
}
