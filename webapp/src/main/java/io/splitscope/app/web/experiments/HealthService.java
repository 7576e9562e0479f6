package io.splitscope.app.web.experiments;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.web.common.BackgroundCache;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The health of every experiment, for the badges of the experiments list, computed in the
 * background and kept until the experiment is analysed again ({@link BackgroundCache}).
 *
 * <p>Health needs the population only, plus how many units one metric window leaves out. It is
 * computed with the analysis service's ordinary call on a single metric of the experiment — the
 * cheapest that shows incomplete windows: the non-quantile metric with the longest window (a
 * quantile would bring event-level rows) — so it costs the population query and one aggregated
 * scan. When the results
 * store already holds a fresh default scorecard ({@link AnalysisRequest#of}), the health is read
 * from it instead, with no query at all.
 */
@Service
public final class HealthService implements DisposableBean {

    private final AnalysisService analysis;
    private final AnalysisJobs jobs;
    private final BackgroundCache<String, ExperimentHealth> health;

    /** Built by Spring with the application's analysis service and its analyses. */
    public HealthService(AnalysisService analysis, AnalysisJobs jobs) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.health = new BackgroundCache<>("splitscope-health", experimentId -> experimentId, value -> true, jobs);
    }

    /**
     * The metric whose analysis gives an experiment's health: among the metrics of its default
     * scorecard, the non-quantile one with the longest window (none without a window); never a
     * funnel's row, which cannot be asked for by its own id.
     */
    static Metric probeMetric(List<Metric> metrics) {
        Comparator<Metric> byWindow = Comparator.comparingInt(Metric::windowEndDays);
        List<Metric> askable = metrics.stream().filter(m -> !m.isFunnelRow()).toList();
        return askable.stream().filter(m -> m.type() != MetricType.QUANTILE).max(byWindow)
                .or(() -> askable.stream().max(byWindow))
                .orElse(null);
    }



    /** The health of an experiment: kept, or computed now in the background. */
    public CompletableFuture<ExperimentHealth> health(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return health.get(experimentId, () -> compute(experimentId));
    }

    private ExperimentHealth compute(String experimentId) {
        Metric probe = probeMetric(analysis.defaultMetrics(experimentId));
        return fromStored(experimentId, probe).orElseGet(() -> {
            List<String> metrics = probe == null ? List.of() : List.of(probe.id());
            return healthOf(analysis.analyze(new AnalysisRequest(experimentId, metrics, MeanMethod.WELCH_T, null)), probe);
        });
    }

    /**
     * The health read from the stored default scorecard, when there is a fresh one that holds the
     * probe metric: it has the same population, SRM check and rows for that metric as the probe's
     * own analysis.
     */
    private Optional<ExperimentHealth> fromStored(String experimentId, Metric probe) {
        return jobs.stored(AnalysisRequest.of(experimentId))
                .filter(stored -> !stored.stale())
                .map(StoredScorecard::scorecard)
                .filter(scorecard -> probe == null || scorecard.rows().stream().anyMatch(row -> isProbe(row, probe)))
                .map(scorecard -> healthOf(scorecard, probe));
    }

    private static boolean isProbe(ScorecardRow row, Metric probe) {
        return probe != null && row.metricId().equals(probe.id());
    }

    /** The health of a scorecard holding the probe metric's rows (and perhaps others, ignored). */
    private static ExperimentHealth healthOf(Scorecard scorecard, Metric probe) {
        long incomplete = scorecard.rows().stream().filter(row -> isProbe(row, probe))
                .mapToLong(ScorecardRow::incompleteUnits).max().orElse(0);
        return new ExperimentHealth(scorecard.readiness(), scorecard.population(), scorecard.srm(), incomplete,
                probe == null ? 0 : probe.windowEndDays());
    }

    @Override
    public void destroy() {
        health.close();
    }
}
