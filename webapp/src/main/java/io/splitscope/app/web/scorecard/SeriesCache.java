package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.EffectSeries;
import io.splitscope.analysis.QuantileCurve;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.app.web.common.BackgroundCache;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.stats.ConfidenceLevel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Cumulative effect series ({@link AnalysisService#series}) and quantile curves
 * ({@link AnalysisService#quantileDifferences}), computed in the background (a series and a curve
 * at a time) and kept until the experiment is analysed again ({@link BackgroundCache}).
 */
@Service
public final class SeriesCache implements DisposableBean {

    /** What identifies a series: its intervals are at {@code confidence}. */
    public record Key(String experimentId, String metricId, SeriesAxis axis, ConfidenceLevel confidence) {

        public Key {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(metricId, "metricId");
            Objects.requireNonNull(axis, "axis");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    /** What identifies a quantile curve (at {@link QuantileCurve#DEFAULT_LEVELS}, intervals at {@code confidence}). */
    public record CurveKey(String experimentId, String metricId, ConfidenceLevel confidence) {

        public CurveKey {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(metricId, "metricId");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    private final AnalysisService analysis;
    private final BackgroundCache<Key, EffectSeries> series;
    private final BackgroundCache<CurveKey, QuantileCurve> curves;

    /** Built by Spring with the application's analysis service and its analyses. */
    public SeriesCache(AnalysisService analysis, AnalysisJobs jobs) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.series = new BackgroundCache<>("splitscope-series", Key::experimentId, value -> true, jobs);
        this.curves = new BackgroundCache<>("splitscope-curves", CurveKey::experimentId, value -> true, jobs);
    }

    /** The series of {@code key}: kept, or computed now in the background. */
    public CompletableFuture<EffectSeries> series(Key key) {
        return series.get(key, () -> analysis.series(key.experimentId(), key.metricId(), key.axis(), key.confidence()));
    }

    /** The quantile curve of {@code key}: kept, or computed now in the background. */
    public CompletableFuture<QuantileCurve> quantileCurve(CurveKey key) {
        return curves.get(key, () -> analysis.quantileDifferences(key.experimentId(), key.metricId(), null, key.confidence()));
    }

    @Override
    public void destroy() {
        series.close();
        curves.close();
    }
}
