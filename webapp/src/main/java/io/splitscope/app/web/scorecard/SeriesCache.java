package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.EffectSeries;
import io.splitscope.metrics.query.SeriesAxis;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Cumulative effect series ({@link AnalysisService#series}), computed in the background one at a
 * time and kept for the life of the application, like {@link ScorecardCache}.
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

    private final AnalysisService analysis;
    private final Map<Key, CompletableFuture<EffectSeries>> series = new ConcurrentHashMap<>();
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
        CompletableFuture<EffectSeries> kept = series.get(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<EffectSeries> created = new CompletableFuture<>();
        CompletableFuture<EffectSeries> raced = series.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        try {
            worker.execute(() -> {
                try {
                    created.complete(analysis.series(key.experimentId(), key.metricId(), key.axis()));
                } catch (RuntimeException | Error e) {
                    series.remove(key, created);
                    created.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            series.remove(key, created);
            created.completeExceptionally(e);
        }
        return created;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
