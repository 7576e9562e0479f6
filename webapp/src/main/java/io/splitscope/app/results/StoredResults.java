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
 * each read). The scorecard of a request is read from the store and decoded once, then kept
 * ({@link WarehouseCache}) until a new one is stored for it here or the warehouse changes; a
 * request with nothing stored is looked up again each time (a cheap miss).
 */
final class StoredResults {

    private final ResultsStore store;
    private final Supplier<WarehouseFingerprint> fingerprint;
    private final WarehouseCache<AnalysisRequest, StoredScorecard> kept;

    /**
     * {@code fingerprint}: the warehouse's current fingerprint; {@code kept}: how many requests'
     * scorecards are kept decoded (0: none).
     */
    StoredResults(ResultsStore store, Supplier<WarehouseFingerprint> fingerprint, int kept) {
        this.store = store;
        this.fingerprint = fingerprint;
        // only a save changes what the store holds, whatever the warehouse
        this.kept = new WarehouseCache<>(kept, true);
    }

    /** The stored scorecard of exactly this request. */
    Optional<StoredScorecard> find(AnalysisRequest request) {
        WarehouseFingerprint current = fingerprint.get();
        return Optional.ofNullable(kept.get(current, request, key -> store.find(key).orElse(null)))
                .map(stored -> withStaleness(stored, current));
    }

    /** Every stored scorecard of an experiment, newest first. */
    List<StoredScorecard> findAll(String experimentId) {
        WarehouseFingerprint current = fingerprint.get();
        return store.findAll(experimentId).stream().map(stored -> withStaleness(stored, current)).toList();
    }

    /** Stores {@code stored} as the latest of its request; returns it as a read would. */
    StoredScorecard save(StoredScorecard stored) {
        store.save(stored);
        WarehouseFingerprint current = fingerprint.get();
        kept.put(current, stored.request(), stored.withStale(false));
        return withStaleness(stored, current);
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

    private static StoredScorecard withStaleness(StoredScorecard stored, WarehouseFingerprint current) {
        return stored.withStale(stored.fingerprint().staleAgainst(current));
    }
}
