package io.splitscope.app.web.experiments;

import io.splitscope.app.analysis.AnalysisRequest;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.MeanMethod;
import io.splitscope.app.analysis.Scorecard;
import io.splitscope.app.analysis.ScorecardRow;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.app.web.common.BackgroundCache;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The health of every experiment, for the badges of the experiments list, computed in the
 * background and kept until the experiment is analysed again ({@link BackgroundCache}).
 *
 * <p>Health needs the population only, plus how many units one metric window leaves out. It is
 * computed with the analysis service's ordinary call on a single metric — the cheapest that shows
 * incomplete windows: the non-quantile metric with the longest window (a quantile would bring
 * event-level rows) — so it costs the population query and one aggregated scan.
 */
@Service
public final class HealthService implements DisposableBean {

    private final AnalysisService analysis;
    private final Metric probe;
    private final BackgroundCache<String, ExperimentHealth> health;

    /** Built by Spring with the application's analysis service and its analyses. */
    public HealthService(AnalysisService analysis, AnalysisJobs jobs) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.probe = probeMetric(analysis.metrics());
        this.health = new BackgroundCache<>("splitscope-health", experimentId -> experimentId, value -> true, jobs);
    }

    /** The metric whose analysis gives the health: the non-quantile one with the longest window. */
    static Metric probeMetric(List<Metric> metrics) {
        Comparator<Metric> byWindow = Comparator.comparingInt(m -> m.window().endDays());
        return metrics.stream().filter(m -> m.type() != MetricType.QUANTILE).max(byWindow)
                .or(() -> metrics.stream().max(byWindow))
                .orElse(null);
    }

    /** The health of an experiment: kept, or computed now in the background. */
    public CompletableFuture<ExperimentHealth> health(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return health.get(experimentId, () -> compute(experimentId));
    }

    private ExperimentHealth compute(String experimentId) {
        List<String> metrics = probe == null ? List.of() : List.of(probe.id());
        Scorecard scorecard = analysis.analyze(new AnalysisRequest(experimentId, metrics, MeanMethod.WELCH_T, null));
        long incomplete = scorecard.rows().stream().mapToLong(ScorecardRow::incompleteUnits).max().orElse(0);
        return new ExperimentHealth(scorecard.population(), scorecard.srm(), incomplete,
                probe == null ? 0 : probe.window().endDays());
    }

    @Override
    public void destroy() {
        health.close();
    }
}
