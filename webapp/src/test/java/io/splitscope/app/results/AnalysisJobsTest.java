package io.splitscope.app.results;

import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.analysis.results.SameStored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.app.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Background analyses on the golden warehouse: who may run them, their progress, the store, staleness. */
class AnalysisJobsTest {

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
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyAnalystsMayRunAnalyses() {
        AnalysisRequest request = AnalysisRequest.of("exp_autoplay");
        assertThatThrownBy(() -> jobs.run(request)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("sign in as an analyst to run analyses");
        signIn("vera", Role.VIEWER);
        assertThatThrownBy(() -> jobs.run(request)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("user 'vera' is a viewer: only analysts may run analyses");
        assertThat(jobs.jobs()).isEmpty();
    }

    @Test
    void aRunReportsEveryStepStoresItsResultAndAReRunReplacesIt() {
        signIn("anna", Role.ANALYST);
        AnalysisRequest request = AnalysisRequest.of("exp_autoplay");
        List<AnalysisJob> seen = new CopyOnWriteArrayList<>();
        jobs.subscribe(seen::add);

        AnalysisJob job = jobs.run(request);
        StoredScorecard result = jobs.await(job.id());

        assertThat(seen).extracting(AnalysisJob::state).startsWith(AnalysisJob.State.QUEUED, AnalysisJob.State.RUNNING)
                .endsWith(AnalysisJob.State.SUCCEEDED);
        assertThat(seen).extracting(AnalysisJob::step).contains("population", "comparisons", "storing");
        assertThat(seen).extracting(AnalysisJob::progress).isSorted();
        AnalysisJob done = jobs.job(job.id()).orElseThrow();
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.submittedBy()).isEqualTo("anna");
        assertThat(done.result()).isEqualTo(result);
        assertThat(result.computedBy()).isEqualTo("anna");
        assertThat(result.fingerprint().value()).isEqualTo("v1");
        SameStored.assertSame(jobs.stored(request).orElseThrow(), result);

        StoredScorecard again = jobs.await(jobs.run(request).id());
        assertThat(again.computedAt()).isAfter(result.computedAt());
        assertThat(jobs.stored(request).orElseThrow().computedAt()).isEqualTo(again.computedAt());
        assertThat(store.findAll("exp_autoplay")).hasSize(1);
    }

    @Test
    void aFirstAnalysisOfTheDefaultScorecardNeedsNoAnalystAndAStoredOneIsNotRecomputed() {
        signIn("vera", Role.VIEWER);
        AnalysisRequest request = AnalysisRequest.of("exp_price");

        StoredScorecard first = jobs.scorecard(request);
        AnalysisJob ensured = jobs.ensure(request);

        assertThat(ensured.state()).isEqualTo(AnalysisJob.State.SUCCEEDED);
        SameStored.assertSame(ensured.result(), first);
        SameStored.assertSame(jobs.scorecard(request), first);
        assertThat(first.computedBy()).isEqualTo("vera");
        List<AnalysisJob> snapshots = new CopyOnWriteArrayList<>();
        jobs.subscribe(ensured.id(), snapshots::add).close();
        assertThat(snapshots).singleElement().extracting(AnalysisJob::state).isEqualTo(AnalysisJob.State.SUCCEEDED);
    }

    @Test
    void oneRequestHasOneJobAtATime() throws InterruptedException {
        signIn("anna", Role.ANALYST);
        AnalysisRequest request = AnalysisRequest.of("exp_price");
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        jobs.subscribe(job -> { // holds the analysis thread while the job is running
            if (job.state() == AnalysisJob.State.RUNNING && running.getCount() > 0) {
                running.countDown();
                awaitQuietly(release);
            }
        });
        AnalysisJob first = jobs.run(request);
        running.await();

        assertThat(jobs.run(request).id()).isEqualTo(first.id());
        assertThat(jobs.ensure(request).id()).isEqualTo(first.id());
        assertThat(jobs.active(request)).map(AnalysisJob::id).contains(first.id());
        AnalysisJob other = jobs.run(AnalysisRequest.of("exp_autoplay"));
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(other.state()).isEqualTo(AnalysisJob.State.QUEUED); // one analysis thread: it waits

        release.countDown();
        jobs.await(first.id());
        jobs.await(other.id());
        assertThat(jobs.active(request)).isEmpty();
        assertThat(jobs.jobs()).extracting(AnalysisJob::id).containsExactly(other.id(), first.id());
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedRunSaysWhyAndKeepsTheStoredResult() {
        signIn("anna", Role.ANALYST);
        AnalysisJob job = jobs.run(AnalysisRequest.of("exp_nope"));

        assertThatThrownBy(() -> jobs.await(job.id())).isInstanceOf(AnalysisException.class).hasMessageContaining("unknown experiment 'exp_nope'");
        AnalysisJob failed = jobs.job(job.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(AnalysisJob.State.FAILED);
        assertThat(failed.error()).startsWith("unknown experiment 'exp_nope'");
        assertThat(failed.result()).isNull();
        assertThat(jobs.stored(AnalysisRequest.of("exp_nope"))).isEmpty();
    }

    @Test
    void aScorecardIsStaleOnceTheWarehouseHasChanged() {
        AnalysisRequest request = new AnalysisRequest("exp_autoplay", List.of("streaming_hours"), MeanMethod.WELCH_T, null);
        StoredScorecard fresh = jobs.scorecard(request);
        assertThat(fresh.stale()).isFalse();

        fingerprint.set(new WarehouseFingerprint("v2"));

        assertThat(jobs.stored(request).orElseThrow().stale()).isTrue();
        assertThat(jobs.storedFor("exp_autoplay")).singleElement().extracting(StoredScorecard::stale).isEqualTo(true);
        signIn("anna", Role.ANALYST);
        StoredScorecard rerun = jobs.await(jobs.run(request).id());
        assertThat(rerun.stale()).isFalse();
        assertThat(rerun.elapsed()).isGreaterThan(Duration.ZERO);
        assertThat(jobs.stored(request).orElseThrow().stale()).isFalse();
    }

    @Test
    void aStoredScorecardIsReadOnceUntilANewResultIsStoredOrTheWarehouseChanges() {
        AnalysisRequest request = new AnalysisRequest("exp_autoplay", List.of("streaming_hours"), MeanMethod.WELCH_T, null);
        jobs.scorecard(request);
        StoredScorecard first = jobs.stored(request).orElseThrow();

        // the same decoded scorecard: the store was not read (nor its JSON decoded) again
        assertThat(jobs.stored(request).orElseThrow().scorecard()).isSameAs(first.scorecard());

        signIn("anna", Role.ANALYST);
        StoredScorecard rerun = jobs.await(jobs.run(request).id());
        StoredScorecard afterRerun = jobs.stored(request).orElseThrow();
        assertThat(afterRerun.computedAt()).isEqualTo(rerun.computedAt()).isAfter(first.computedAt());
        assertThat(jobs.stored(request).orElseThrow().scorecard()).isSameAs(afterRerun.scorecard());

        fingerprint.set(new WarehouseFingerprint("v2"));
        StoredScorecard changed = jobs.stored(request).orElseThrow();
        assertThat(changed.stale()).isTrue();
        assertThat(changed.computedAt()).isEqualTo(rerun.computedAt());
    }

    @Test
    void aCsvWarehouseChangedSinceTheStartStaysStaleWhenReRun() {
        WarehouseFingerprint atStart = new WarehouseFingerprint("v1");
        try (AnalysisJobs csv = new AnalysisJobs(service, store, fingerprint::get, () -> atStart, 1)) {
            fingerprint.set(new WarehouseFingerprint("v2")); // the files changed; the tables in memory did not
            signIn("anna", Role.ANALYST);
            StoredScorecard rerun = csv.await(csv.run(new AnalysisRequest("exp_autoplay", List.of("play_rate"), MeanMethod.WELCH_T,
                    null)).id());
            assertThat(rerun.fingerprint()).isEqualTo(atStart);
            assertThat(rerun.stale()).isTrue();
        }
    }

    @Test
    void aFailedRunNeverReplacesTheStoredScorecardAndIsKeptBesideIt() {
        signIn("anna", Role.ANALYST);
        AnalysisRequest request = AnalysisRequest.of("exp_autoplay");
        StoredScorecard good = jobs.await(jobs.run(request).id());
        try (AnalysisJobs failing = new AnalysisJobs(service, store, fingerprint::get, () -> {
            throw new java.io.UncheckedIOException("Rserve stopped answering", new java.io.IOException("killed"));
        }, 1)) {
            assertThatThrownBy(() -> failing.await(failing.run(request).id())).hasMessage("Rserve stopped answering");

            SameStored.assertSame(failing.stored(request).orElseThrow(), good);
            assertThat(failing.lastFailure(request)).get().satisfies(failed -> {
                assertThat(failed.requestedBy()).isEqualTo("anna");
                assertThat(failed.message()).isEqualTo("Rserve stopped answering");
            });
            assertThat(failing.lastFailure(request)).as("kept as the store answers").isEqualTo(store.lastFailure(request));
        }
        jobs.await(jobs.run(request).id());
        assertThat(jobs.lastFailure(request)).as("a later success supersedes it").isEmpty().isEqualTo(store.lastFailure(request));
    }

    @Test
    void aViewerGetsTheDefaultAndWhatIsStoredButComputesNothingElse() {
        AnalysisRequest bayesian = new AnalysisRequest("exp_autoplay", List.of("play_rate", "streaming_hours"), MeanMethod.BAYESIAN, null);
        signIn("vera", Role.VIEWER);
        assertThatThrownBy(() -> jobs.ensure(bayesian)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("a viewer reads stored scorecards and the default one: computing exp_autoplay with bayesian,"
                        + " metrics streaming_hours,play_rate needs an analyst");
        assertThat(jobs.scorecard(AnalysisRequest.of("exp_autoplay")).computedBy()).isEqualTo("vera");

        signIn("anna", Role.ANALYST);
        StoredScorecard stored = jobs.scorecard(bayesian);
        signIn("vera", Role.VIEWER);
        AnalysisRequest reordered = bayesian.withMetrics(List.of("streaming_hours", "play_rate"));
        SameStored.assertSame(jobs.scorecard(reordered), stored);
        assertThat(stored.request().metricIds()).as("catalog order").containsExactly("streaming_hours", "play_rate");
    }

    private static void signIn(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, role.authorities()));
    }
}
