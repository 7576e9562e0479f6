package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.metrics.experiment.Experiment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The experiments of the warehouse, read once and kept while its fingerprint stays the same
 * ({@link WarehouseCache}): listing them, or finding one for a request, then costs no query. A
 * warehouse without a fingerprint (a database server) is read every time, as its rows may
 * change unseen.
 */
public final class WarehouseExperiments {

    private final AnalysisService analysis;
    private final Supplier<WarehouseFingerprint> fingerprint;
    private final WarehouseCache<String, List<Experiment>> kept;

    /**
     * @param fingerprint the warehouse's current fingerprint
     * @param cached      whether the list is kept (false only for the load benchmark's uncached run)
     */
    public WarehouseExperiments(AnalysisService analysis, Supplier<WarehouseFingerprint> fingerprint, boolean cached) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.kept = new WarehouseCache<>(cached ? 1 : 0, false);
    }

    /** Every experiment, as {@link AnalysisService#experiments()} lists them. */
    public List<Experiment> all() {
        return kept.get(fingerprint.get(), "all", all -> List.copyOf(analysis.experiments()));
    }

    /** The experiment with this id, if there is one. */
    public Optional<Experiment> find(String experimentId) {
        return all().stream().filter(experiment -> experiment.id().equals(experimentId)).findFirst();
    }
}
