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
 * each read).
 */
final class StoredResults {

    private final ResultsStore store;
    private final Supplier<WarehouseFingerprint> fingerprint;

    /** {@code fingerprint}: the warehouse's current fingerprint. */
    StoredResults(ResultsStore store, Supplier<WarehouseFingerprint> fingerprint) {
        this.store = store;
        this.fingerprint = fingerprint;
    }

    /** The stored scorecard of exactly this request. */
    Optional<StoredScorecard> find(AnalysisRequest request) {
        return store.find(request).map(this::withStaleness);
    }

    /** Every stored scorecard of an experiment, newest first. */
    List<StoredScorecard> findAll(String experimentId) {
        return store.findAll(experimentId).stream().map(this::withStaleness).toList();
    }

    /** Stores {@code stored} as the latest of its request; returns it as a read would. */
    StoredScorecard save(StoredScorecard stored) {
        store.save(stored);
        return withStaleness(stored);
    }

    /** Keeps a failed run beside the stored scorecard of its request. */
    void saveFailure(FailedRun failed) {
        store.saveFailure(failed);
    }

    /** The run of this request that failed after its stored scorecard, if any. */
    Optional<FailedRun> lastFailure(AnalysisRequest request) {
        return store.lastFailure(request);
    }

    /** The warehouse's current fingerprint. */
    WarehouseFingerprint current() {
        return fingerprint.get();
    }

    private StoredScorecard withStaleness(StoredScorecard stored) {
        return stored.withStale(stored.fingerprint().staleAgainst(fingerprint.get()));
    }
}
