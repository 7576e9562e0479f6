package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.EffectSeries;
import io.splitscope.app.analysis.QuantileCurve;
import io.splitscope.metrics.query.SeriesAxis;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Cumulative effect series ({@link AnalysisService#series}) and quantile curves
 * ({@link AnalysisService#quantileDifferences}), computed in the background one at a time and kept
 * for the life of the application, like {@link ScorecardCache}.
 */
@Service
public final class SeriesCache implements DisposableBean {

    /** What identifies a series. */
    public record Key(String experimentId, String metricId, SeriesAxis axis) {

        public Key {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(metricId, "metricId");
            Objects.requireNonNull(axis, "axis");
        }
    }

    /** What identifies a quantile curve (at {@link QuantileCurve#DEFAULT_LEVELS}). */
    public record CurveKey(String experimentId, String metricId) {

        public CurveKey {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(metricId, "metricId");
        }
    }

    private final AnalysisService analysis;
    private final Map<Key, CompletableFuture<EffectSeries>> series = new ConcurrentHashMap<>();
    private final Map<CurveKey, CompletableFuture<QuantileCurve>> curves = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "splitscope-series");
        thread.setDaemon(true);
        return thread;
    });

    /** Built by Spring with the application's analysis service. */
    public SeriesCache(AnalysisService analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /** The series of {@code key}: kept, or computed now in the background. */
    public CompletableFuture<EffectSeries> series(Key key) {
        return kept(series, key, () -> analysis.series(key.experimentId(), key.metricId(), key.axis()));
    }

    /** The quantile curve of {@code key}: kept, or computed now in the background. */
    public CompletableFuture<QuantileCurve> quantileCurve(CurveKey key) {
        return kept(curves, key, () -> analysis.quantileDifferences(key.experimentId(), key.metricId(), null));
    }

    private <K, V> CompletableFuture<V> kept(Map<K, CompletableFuture<V>> cache, K key, Supplier<V> compute) {
        CompletableFuture<V> kept = cache.get(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<V> created = new CompletableFuture<>();
        CompletableFuture<V> raced = cache.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        try {
            worker.execute(() -> {
                try {
                    created.complete(compute.get());
                } catch (RuntimeException | Error e) {
                    cache.remove(key, created);
                    created.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            cache.remove(key, created);
            created.completeExceptionally(e);
        }
        return created;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
