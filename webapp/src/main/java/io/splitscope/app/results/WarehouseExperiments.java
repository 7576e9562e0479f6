package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.metrics.experiment.Experiment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The experiments of the warehouse, read once and kept while its {@link WarehouseFingerprint}
 * stays the same (a changed warehouse is read again at once): listing them, or finding one for a
 * request, then costs no query. A warehouse without a fingerprint (a database server) is read
 * every time, as its rows may change unseen.
 */
public final class WarehouseExperiments {

    /** The experiments as read under one fingerprint. */
    private record Kept(WarehouseFingerprint fingerprint, List<Experiment> experiments) {
    }

    private final AnalysisService analysis;
    private final Supplier<WarehouseFingerprint> fingerprint;
    private final boolean cached;
    private volatile Kept kept;

    /**
     * @param fingerprint the warehouse's current fingerprint
     * @param cached      whether the list is kept (false only for the load benchmark's uncached run)
     */
    public WarehouseExperiments(AnalysisService analysis, Supplier<WarehouseFingerprint> fingerprint, boolean cached) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.cached = cached;
    }

    /** Every experiment, as {@link AnalysisService#experiments()} lists them. */
    public List<Experiment> all() {
        WarehouseFingerprint current = fingerprint.get();
        if (!cached || current.unknown()) {
            return List.copyOf(analysis.experiments());
        }
        Kept now = kept;
        return now != null && now.fingerprint().equals(current) ? now.experiments() : read(current);
    }

    /** The experiments under {@code current}: read once, however many ask at the same time. */
    private synchronized List<Experiment> read(WarehouseFingerprint current) {
        if (kept == null || !kept.fingerprint().equals(current)) {
            kept = new Kept(current, List.copyOf(analysis.experiments()));
        }
        return kept.experiments();
    }

    /** Reads the experiments again on the next call: one of them has changed (an analyst edited its decision plan). */
    public synchronized void forget() {
        kept = null;
    }

    /** The experiment with this id, if there is one. */
    public Optional<Experiment> find(String experimentId) {
        return all().stream().filter(experiment -> experiment.id().equals(experimentId)).findFirst();
    }
}
