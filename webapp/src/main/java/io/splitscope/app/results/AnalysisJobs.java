package io.splitscope.app.results;

import io.splitscope.analysis.results.FailedRun;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.stats.decision.Decision;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.metrics.Metric;
import io.splitscope.sql.WarehouseException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Scorecards for the views and the REST API: the stored ones, read at once, and analyses run in
 * the background on a small pool of threads (1 by default, {@code splitscope.analysis.threads}),
 * with their progress, each storing its result in the {@link ResultsStore} when it succeeds.
 *
 * <h2>For a view</h2>
 * <pre>{@code
 * Optional<StoredScorecard> stored = jobs.stored(request);      // instant; show it (and whether it is stale)
 * AnalysisJob job = stored.isPresent() ? null : jobs.ensure(request);   // a first analysis, any user
 * AnalysisJob rerun = jobs.run(request);                         // a (re-)run: analysts only
 * Subscription s = jobs.subscribe(job.id(), snapshot -> ui.access(() -> show(snapshot)));
 * addDetachListener(e -> s.close());
 * }</pre>
 *
 * <p>Listeners are called on an analysis thread (or, once, on the subscribing thread with the
 * current snapshot), never on a UI thread: a Vaadin view wraps its update in {@code ui.access}.
 * A listener must be quick and must not throw (what it throws is logged and ignored).
 *
 * <p>One request (experiment, metrics, method, segment) has at most one job queued or running: asking
 * again while it is returns that job. Equivalent requests are one ({@link AnalysisRequest#normalised}).
 * A successful run becomes the stored result; a failed one leaves it as it was and is stored
 * beside it ({@link #lastFailure}).
 *
 * <p>This class is the entry point; the work is shared out: {@link JobRegistry} (which jobs there
 * are, one per request at a time), {@link TrackedJob} (a job's state), {@link JobListeners},
 * {@link AnalysisThreads} (the queue and its threads), {@link AnalysisExecution} (one run) and
 * {@link StoredResults} (the store, with staleness; each stored scorecard decoded once and kept).
 */
public final class AnalysisJobs implements AutoCloseable {

    /** Stays open while something listens; {@link #close()} stops the listening. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Stops the listening; closing twice does nothing. */
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJobs.class);

    /** How many requests' stored scorecards are kept decoded by default: a few dozen kilobytes each. */
    public static final int KEPT_SCORECARDS = 256;

    private final List<String> metricIds;
    private final StoredResults results;
    private final Clock clock;
    private final AnalysisThreads threads;
    private final JobRegistry registry = new JobRegistry();
    private final JobListeners listeners = new JobListeners();
    private final AnalysisExecution execution;

    /**
     * @param analysis    the warehouse's analysis service
     * @param store       where results are kept
     * @param fingerprint the warehouse's current fingerprint (taken before each analysis, and on each read)
     * @param threads     how many analyses may run at once (1 or 2 on a small machine)
     */
    public AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint, int threads) {
        this(analysis, store, fingerprint, fingerprint, threads, KEPT_SCORECARDS, Clock.systemUTC());
    }

    /**
     * @param analysedFingerprint the fingerprint of the data an analysis reads, when that is not the
     *                            files' current one: a CSV warehouse is loaded into memory when the
     *                            app starts, so its analyses read the files as they were then
     */
    public AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint,
                        Supplier<WarehouseFingerprint> analysedFingerprint, int threads) {
        this(analysis, store, fingerprint, analysedFingerprint, threads, KEPT_SCORECARDS, Clock.systemUTC());
    }

    /**
     * @param keptScorecards how many requests' stored scorecards are kept decoded in memory
     *                       ({@value #KEPT_SCORECARDS} by default; 0 reads the store every time)
     */
    public AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint,
                        Supplier<WarehouseFingerprint> analysedFingerprint, int threads, int keptScorecards) {
        this(analysis, store, fingerprint, analysedFingerprint, threads, keptScorecards, Clock.systemUTC());
    }

    AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint,
                 Supplier<WarehouseFingerprint> analysedFingerprint, int threads, int keptScorecards, Clock clock) {
        this.metricIds = Objects.requireNonNull(analysis, "analysis").metrics().stream().map(Metric::id).toList();
        this.threads = new AnalysisThreads(threads);
        this.results = new StoredResults(Objects.requireNonNull(store, "store"), Objects.requireNonNull(fingerprint, "fingerprint"),
                keptScorecards);
        this.clock = clock;
        this.execution = new AnalysisExecution(analysis, results,
                Objects.requireNonNull(analysedFingerprint, "analysedFingerprint"), clock, registry, listeners);
    }

    // ---------------------------------------------------------------- stored scorecards

    /** The stored scorecard of exactly this request, marked stale when the warehouse has changed since. Instant. */
    public Optional<StoredScorecard> stored(AnalysisRequest request) {
        Objects.requireNonNull(request, "request");
        return results.find(normalised(request));
    }

    /**
     * The decisions of the experiment's stored default scorecard ({@link AnalysisRequest#of}), one per
     * treatment variant; empty when none is stored yet or the experiment has no decision plan. Instant.
     */
    public List<Decision> storedDecisions(String experimentId) {
        return stored(AnalysisRequest.of(experimentId)).map(stored -> stored.scorecard().decisions()).orElse(List.of());
    }

    /** The run of this request that failed after its stored scorecard (which it left as it was), if any. */
    public Optional<FailedRun> lastFailure(AnalysisRequest request) {
        return results.lastFailure(normalised(request));
    }

    /** Every stored scorecard of an experiment (all methods, segments, metric sets), newest first. */
    public List<StoredScorecard> storedFor(String experimentId) {
        return results.findAll(experimentId);
    }

    /**
     * The stored scorecard of this request, or — when there is none — the one a first analysis
     * computes now (this call waits for it, in the analysis pool). Any signed-in user for what is
     * stored and for the default scorecard; analysts for anything else (see {@link #ensure}).
     *
     * @throws AnalysisException  for an unknown experiment or metric, an inconsistent experiment
     * @throws WarehouseException when the warehouse fails
     */
    public StoredScorecard scorecard(AnalysisRequest request) {
        Optional<StoredScorecard> stored = stored(request);
        return stored.isPresent() ? stored.get() : await(ensure(request).id());
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs the analysis of this request in the background, also when a result is stored (a re-run,
     * which replaces it when it succeeds). Only analysts may; returns the job queued or running for
     * the same request if there is one.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the current user is an analyst
     */
    public AnalysisJob run(AnalysisRequest request) {
        Objects.requireNonNull(request, "request");
        CurrentUser.requireAnalyst();
        return submit(normalised(request), CurrentUser.nameOrSystem(), false);
    }

    /**
     * Makes sure this request has a result: when one is stored, a job that has already succeeded
     * with it; when one is being computed, that job; otherwise a first analysis, started now
     * (nothing stored is replaced). A viewer may start the default scorecard's only
     * ({@link AnalysisRequest#isDefault()}): each other one would grow the store.
     *
     * @throws AccessDeniedException when a viewer asks for another scorecard than the default that is not stored
     */
    public AnalysisJob ensure(AnalysisRequest request) {
        Objects.requireNonNull(request, "request");
        AnalysisRequest normalised = normalised(request);
        if (!normalised.isDefault() && CurrentUser.isViewer() && results.find(normalised).isEmpty()) {
            throw new AccessDeniedException("a viewer reads stored scorecards and the default one: computing " + normalised.experimentId()
                    + " with " + AnalysisExecution.describe(normalised) + " needs an analyst");
        }
        return submit(normalised, CurrentUser.nameOrSystem(), true);
    }

    /** The job with that id, as it stands now (recent jobs only: the last {@value JobRegistry#KEPT_JOBS}). */
    public Optional<AnalysisJob> job(String id) {
        return registry.job(id).map(TrackedJob::snapshot);
    }

    /** The job queued or running for this request, if any. */
    public Optional<AnalysisJob> active(AnalysisRequest request) {
        return registry.active(normalised(request)).map(TrackedJob::snapshot);
    }

    /** Recent jobs, newest first. */
    public List<AnalysisJob> jobs() {
        return registry.newestFirst().stream().map(TrackedJob::snapshot).toList();
    }

    /**
     * Waits until the job has finished.
     *
     * @return its stored scorecard
     * @throws AnalysisException  (or {@link WarehouseException}, or another runtime exception) as the analysis failed
     * @throws IllegalArgumentException for an unknown job id
     */
    public StoredScorecard await(String jobId) {
        return registry.require(jobId).await();
    }

    // ---------------------------------------------------------------- listening

    /**
     * Listens to one job: {@code listener} gets its current snapshot at once, then each change
     * until it has finished.
     *
     * @throws IllegalArgumentException for an unknown job id
     */
    public Subscription subscribe(String jobId, Consumer<AnalysisJob> listener) {
        Objects.requireNonNull(listener, "listener");
        return listeners.subscribe(registry.require(jobId), listener);
    }

    /** Listens to every job's changes (for a list of running analyses). */
    public Subscription subscribe(Consumer<AnalysisJob> listener) {
        Objects.requireNonNull(listener, "listener");
        return listeners.subscribe(listener);
    }

    /** Stops taking work; waits a little for running analyses, then interrupts them. */
    @Override
    public void close() {
        threads.close();
    }

    /** The request as the store keys it: equivalent requests (metrics in another order, the whole catalog listed) alike. */
    private AnalysisRequest normalised(AnalysisRequest request) {
        return request.normalised(metricIds);
    }

    /** The job of this (normalised) request: the one queued or running, a finished one with the stored result, or a new one, queued. */
    private AnalysisJob submit(AnalysisRequest request, String user, boolean onlyIfAbsent) {
        JobRegistry.Admission admitted = registry.admit(request, () -> {
            Optional<StoredScorecard> stored = onlyIfAbsent ? results.find(request) : Optional.empty();
            TrackedJob job = new TrackedJob(UUID.randomUUID().toString(), request, user, clock.instant());
            stored.ifPresent(found -> {
                job.succeed(found, clock.instant());
                job.complete();
            });
            return job;
        });
        TrackedJob job = admitted.job();
        if (!admitted.isNew() || job.snapshot().finished()) {
            return job.snapshot();
        }
        LOG.info("Analysis {} of {} ({}) queued by {}", job.id, request.experimentId(),
                AnalysisExecution.describe(request), user);
        listeners.publish(job);
        threads.execute(() -> execution.run(job));
        return job.snapshot();
    }
}
