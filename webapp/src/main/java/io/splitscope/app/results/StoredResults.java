package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.results.FailedRun;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The results store as the app reads it: every stored scorecard is marked stale when the
 * warehouse has changed since it was computed (its fingerprint against the current one, taken on
 * each read). Only this process writes the store, so what it holds changes only with a save here,
 * whatever the warehouse: the scorecard of a request is read and decoded once, and the answer to
 * whether a run failed after it is read once, then both are kept ({@link BoundedCache}) until the
 * next save of the request; a request with nothing stored is looked up again each time (a cheap miss).
 */
final class StoredResults {

    private final ResultsStore store;
    private final Supplier<WarehouseFingerprint> fingerprint;
    private final BoundedCache<AnalysisRequest, StoredScorecard> kept;
    private final BoundedCache<AnalysisRequest, Optional<FailedRun>> failures;

    /**
     * {@code fingerprint}: the warehouse's current fingerprint; {@code kept}: how many requests'
     * scorecards (and last failures) are kept (0: none).
     */
    StoredResults(ResultsStore store, Supplier<WarehouseFingerprint> fingerprint, int kept) {
        this.store = store;
        this.fingerprint = fingerprint;
        this.kept = new BoundedCache<>(kept);
        this.failures = new BoundedCache<>(kept);
    }

    /** The stored scorecard of exactly this request. */
    Optional<StoredScorecard> find(AnalysisRequest request) {
        return Optional.ofNullable(kept.get(request, key -> store.find(key).orElse(null)))
                .map(stored -> withStaleness(stored, fingerprint.get()));
    }

    /** Every stored scorecard of an experiment, newest first. */
    List<StoredScorecard> findAll(String experimentId) {
        WarehouseFingerprint current = fingerprint.get();
        return store.findAll(experimentId).stream().map(stored -> withStaleness(stored, current)).toList();
    }

    /** Stores {@code stored} as the latest of its request; returns it as a read would. */
    StoredScorecard save(StoredScorecard stored) {
        store.save(stored);
        kept.put(stored.request(), stored.withStale(false));
        failures.put(stored.request(), Optional.empty()); // no run has failed after the newest scorecard
        return withStaleness(stored, fingerprint.get());
    }

    /** Keeps a failed run beside the stored scorecard of its request. */
    void saveFailure(FailedRun failed) {
        store.saveFailure(failed);
        failures.put(failed.request(), Optional.of(failed)); // the newest run of its request
    }

    /** The run of this request that failed after its stored scorecard, if any. */
    Optional<FailedRun> lastFailure(AnalysisRequest request) {
        return failures.get(request, store::lastFailure);
    }

    /** The warehouse's current fingerprint. */
    WarehouseFingerprint current() {
        return fingerprint.get();
    }

    private static StoredScorecard withStaleness(StoredScorecard stored, WarehouseFingerprint current) {
        return stored.withStale(stored.fingerprint().staleAgainst(current));
    }
}
