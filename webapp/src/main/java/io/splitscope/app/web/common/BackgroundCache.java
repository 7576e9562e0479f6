package io.splitscope.app.web.common;

import io.splitscope.app.results.AnalysisJob;
import io.splitscope.app.results.AnalysisJobs;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values the views derive from the warehouse (health badges, effect series, R verifications),
 * computed in the background one at a time, so that a page never waits on a query, and kept
 * until the data they came from is analysed again.
 *
 * <p>A value is computed once per key; callers asking meanwhile share its future. A computation
 * that fails, or whose value {@code keep} rejects (R could not run), is not kept, so asking again
 * retries. When an analysis of an experiment succeeds ({@link AnalysisJobs}: a first analysis or
 * an analyst's re-run, which reads the warehouse as it is now), the values of that experiment are
 * dropped and recomputed on the next request: they would otherwise describe older data than the
 * scorecard beside them.
 *
 * @param <K> the key, which names its experiment
 * @param <V> the value
 */
public final class BackgroundCache<K, V> implements AutoCloseable {

    private final Map<K, CompletableFuture<V>> kept = new ConcurrentHashMap<>();
    private final Function<K, String> experimentOf;
    private final Predicate<V> keep;
    private final ExecutorService worker;
    private final AnalysisJobs.Subscription analyses;

    /**
     * @param threadName   the name of the worker thread, for thread dumps
     * @param experimentOf the experiment a key belongs to
     * @param keep         whether a computed value may be kept (else it is handed out once)
     * @param jobs         the analyses whose success makes an experiment's values stale
     */
    public BackgroundCache(String threadName, Function<K, String> experimentOf, Predicate<V> keep, AnalysisJobs jobs) {
        this.experimentOf = Objects.requireNonNull(experimentOf, "experimentOf");
        this.keep = Objects.requireNonNull(keep, "keep");
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.analyses = jobs.subscribe(this::forgetIfReanalysed);
    }

    /** The value of {@code key}: kept, being computed, or computed now in the background by {@code compute}. */
    public CompletableFuture<V> get(K key, Supplier<V> compute) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> known = kept.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<V> created = new CompletableFuture<>();
        CompletableFuture<V> raced = kept.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        try {
            worker.execute(() -> {
                try {
                    V value = compute.get();
                    if (!keep.test(value)) {
                        kept.remove(key, created);
                    }
                    created.complete(value);
                } catch (RuntimeException | Error e) {
                    kept.remove(key, created);
                    created.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            kept.remove(key, created);
            created.completeExceptionally(e);
        }
        return created;
    }

    /** The value of {@code key} if it has been computed and kept. */
    public Optional<V> known(K key) {
        CompletableFuture<V> future = kept.get(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally()
                ? Optional.ofNullable(future.join()) : Optional.empty();
    }

    /** Drops every value of {@code experimentId}; computations under way finish for their callers only. */
    public void forget(String experimentId) {
        kept.keySet().removeIf(key -> experimentOf.apply(key).equals(experimentId));
    }

    private void forgetIfReanalysed(AnalysisJob job) {
        if (job.state() == AnalysisJob.State.SUCCEEDED) {
            forget(job.request().experimentId());
        }
    }

    @Override
    public void close() {
        analyses.close();
        worker.shutdownNow();
    }
}
