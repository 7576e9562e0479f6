package io.splitscope.app.web.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.WaitingProject;
import io.splitscope.app.web.common.HealthCheck;
import io.splitscope.metrics.project.ProjectFile;
import java.nio.file.Path;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiments list's health, from the probe metric's analysis or from a stored default scorecard. */
class HealthServiceTest {

    private static final String EXPERIMENT = "exp_autoplay";
    private static final String OTHER = "exp_price";

    private static AnalysisService service;
    private final AtomicReference<WarehouseFingerprint> fingerprint = new AtomicReference<>(new WarehouseFingerprint("v1"));
    private ResultsStore store;
    private AnalysisJobs jobs;

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void closeService() {
        service.close();
    }

    @BeforeEach
    void start() {
        store = ResultsStore.inMemory();
        jobs = new AnalysisJobs(service, store, fingerprint::get, 1);
    }

    @AfterEach
    void stop() {
        jobs.close();
        store.close();
    }

    /** The health a new service (nothing kept) gives now. */
    private ExperimentHealth health(String experimentId) {
        HealthService health = new HealthService(service, jobs);
        try {
            return health.health(experimentId).join();
        } finally {
            health.destroy();
        }
    }

    /** Stores another experiment's scorecard as {@code exp_autoplay}'s default one: no analysis of it gives that. */
    private void storeOtherScorecard() {
        StoredScorecard other = jobs.scorecard(AnalysisRequest.of(OTHER));
        store.save(new StoredScorecard(AnalysisRequest.of(EXPERIMENT), other.scorecard(), other.fingerprint(),
                other.computedBy(), other.elapsed(), false));
    }

    @Test
    void aFreshStoredDefaultScorecardGivesTheAnalysedHealth() {
        ExperimentHealth analysed = health(EXPERIMENT);
        assertThat(analysed.incompleteUnits()).isEqualTo(346);

        jobs.scorecard(AnalysisRequest.of(EXPERIMENT));

        assertThat(health(EXPERIMENT)).isEqualTo(analysed);
    }

    @Test
    void aFreshStoredDefaultScorecardIsReadWithoutAnalysing() {
        ExperimentHealth analysed = health(EXPERIMENT);
        ExperimentHealth other = health(OTHER);
        assertThat(other.population()).isNotEqualTo(analysed.population());
        storeOtherScorecard();

        assertThat(health(EXPERIMENT)).isEqualTo(other);
    }

    @Test
    void aStaleStoredScorecardIsAnalysedAgain() {
        ExperimentHealth analysed = health(EXPERIMENT);
        storeOtherScorecard();
        fingerprint.set(new WarehouseFingerprint("v2"));

        assertThat(health(EXPERIMENT)).isEqualTo(analysed);
    }

    /**
     * The badges of experiments that cannot be compared yet ({@link WaitingProject}, a real folder
     * warehouse) say what they wait for; the sample-ratio badge is left out while there is no split.
     */
    @Test
    void theBadgesSayWhatAnExperimentWaitsFor(@TempDir Path folder) {
        try (AnalysisService waiting = AnalysisService.open(ProjectFile.load(WaitingProject.writeTo(folder)));
             ResultsStore results = ResultsStore.inMemory();
             AnalysisJobs analyses = new AnalysisJobs(waiting, results, fingerprint::get, 1)) {
            HealthService health = new HealthService(waiting, analyses);
            try {
                assertThat(health.health("no_exposures").join().checks()).extracting(HealthCheck::label)
                        .containsExactly("No exposures yet");
                assertThat(health.health("one_arm").join().checks()).extracting(HealthCheck::label)
                        .containsExactly("Only one variant (control) has units");
                assertThat(health.health("single").join().checks()).extracting(HealthCheck::label)
                        .containsExactly("Only one variant (control) has units");
            } finally {
                health.destroy();
            }
        }
    }

    @Test
    void theProbeIsNeverAFunnelsRowEvenWithTheLongestWindow() {
        var playback = io.splitscope.metrics.preset.StreamingPreset.PLAYBACK;
        var title = playback.column("title_id", org.jooq.impl.SQLDataType.VARCHAR);
        io.splitscope.metrics.Metric funnel = io.splitscope.metrics.Metric.define("watch_funnel").title("T").description("D")
                .from(playback).funnel(io.splitscope.metrics.Measure.Funnel.Step.of("a", title.eq("a")),
                        io.splitscope.metrics.Measure.Funnel.Step.of("b", title.eq("b")))
                .window(io.splitscope.metrics.Window.days(28)).higherIsBetter().build();
        var metrics = new java.util.ArrayList<>(funnel.scorecardMetrics());
        metrics.add(io.splitscope.metrics.preset.StandardMetrics.STREAMING_HOURS);

        // the funnel's rows (28 days) are longer, but "watch_funnel.step1" is no metric the catalog resolves
        assertThat(HealthService.probeMetric(metrics)).isEqualTo(io.splitscope.metrics.preset.StandardMetrics.STREAMING_HOURS);
    }
}
