package io.splitscope.app.web.common;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.HealthReport;
import io.splitscope.app.results.AnalysisJobs;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The health reports of experiments ({@link AnalysisService#health}: the sample-ratio check per
 * day and per segment, crossovers and invalid exposures per day), computed in the background one
 * at a time and kept until the experiment is analysed again ({@link BackgroundCache}); the health
 * tab and {@code GET /api/experiments/{id}} share them.
 */
@Service
public final class HealthReports implements DisposableBean {

    private final AnalysisService analysis;
    private final BackgroundCache<String, HealthReport> reports;

    /** Built by Spring with the application's analysis service and its analyses. */
    public HealthReports(AnalysisService analysis, AnalysisJobs jobs) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.reports = new BackgroundCache<>("splitscope-health-reports", experimentId -> experimentId, value -> true, jobs);
    }

    /** The report of {@code experimentId}: kept, or computed now in the background. */
    public CompletableFuture<HealthReport> report(String experimentId) {
        return reports.get(experimentId, () -> analysis.health(experimentId));
    }

    @Override
    public void destroy() {
        reports.close();
    }
}
