package io.splitscope.app.results;

import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.Messages;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.sql.WarehouseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * again while it is returns that job. A successful run replaces the stored result; a failed one
 * leaves it as it was.
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
    private static final int KEPT_JOBS = 200;

    private final AnalysisService analysis;
    private final ResultsStore store;
    private final Supplier<WarehouseFingerprint> fingerprint;
    private final Supplier<WarehouseFingerprint> analysedFingerprint;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Job> jobs = new LinkedHashMap<>(); // guarded by this; oldest first
    private final Map<AnalysisRequest, Job> active = new LinkedHashMap<>(); // guarded by this
    private final List<Consumer<AnalysisJob>> everyJob = new CopyOnWriteArrayList<>();

    /**
     * @param analysis    the warehouse's analysis service
     * @param store       where results are kept
     * @param fingerprint the warehouse's current fingerprint (taken before each analysis, and on each read)
     * @param threads     how many analyses may run at once (1 or 2 on a small machine)
     */
    public AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint, int threads) {
        this(analysis, store, fingerprint, fingerprint, threads, Clock.systemUTC());
    }

    /**
     * @param analysedFingerprint the fingerprint of the data an analysis reads, when that is not the
     *                            files' current one: a CSV warehouse is loaded into memory when the
     *                            app starts, so its analyses read the files as they were then
     */
    public AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint,
                        Supplier<WarehouseFingerprint> analysedFingerprint, int threads) {
        this(analysis, store, fingerprint, analysedFingerprint, threads, Clock.systemUTC());
    }

    AnalysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> fingerprint,
                 Supplier<WarehouseFingerprint> analysedFingerprint, int threads, Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("analysis threads must be at least 1, got " + threads);
        }
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.store = Objects.requireNonNull(store, "store");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.analysedFingerprint = Objects.requireNonNull(analysedFingerprint, "analysedFingerprint");
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "splitscope-analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---------------------------------------------------------------- stored scorecards

    /** The stored scorecard of exactly this request, marked stale when the warehouse has changed since. Instant. */
    public Optional<StoredScorecard> stored(AnalysisRequest request) {
        Objects.requireNonNull(request, "request");
        return store.find(request).map(this::withStaleness);
    }

    /** Every stored scorecard of an experiment (all methods, segments, metric sets), newest first. */
    public List<StoredScorecard> storedFor(String experimentId) {
        return store.findAll(experimentId).stream().map(this::withStaleness).toList();
    }

    /**
     * The stored scorecard of this request, or — when there is none — the one a first analysis
     * computes now (this call waits for it, in the analysis pool). Any signed-in user.
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
        return submit(request, CurrentUser.nameOrSystem(), false);
    }

    /**
     * Makes sure this request has a result: when one is stored, a job that has already succeeded
     * with it; when one is being computed, that job; otherwise a first analysis, started now.
     * Any signed-in user (nothing stored is replaced).
     */
    public AnalysisJob ensure(AnalysisRequest request) {
        Objects.requireNonNull(request, "request");
        return submit(request, CurrentUser.nameOrSystem(), true);
    }

    /** The job with that id, as it stands now (recent jobs only: the last {@value #KEPT_JOBS}). */
    public synchronized Optional<AnalysisJob> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::snapshot);
    }

    /** The job queued or running for this request, if any. */
    public synchronized Optional<AnalysisJob> active(AnalysisRequest request) {
        return Optional.ofNullable(active.get(request)).map(Job::snapshot);
    }

    /** Recent jobs, newest first. */
    public synchronized List<AnalysisJob> jobs() {
        List<AnalysisJob> snapshots = new ArrayList<>(jobs.values().stream().map(Job::snapshot).toList());
        java.util.Collections.reverse(snapshots);
        return snapshots;
    }

    /**
     * Waits until the job has finished.
     *
     * @return its stored scorecard
     * @throws AnalysisException  (or {@link WarehouseException}, or another runtime exception) as the analysis failed
     * @throws IllegalArgumentException for an unknown job id
     */
    public StoredScorecard await(String jobId) {
        Job job;
        synchronized (this) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            throw new IllegalArgumentException("unknown analysis job '" + jobId + "'");
        }
        try {
            return job.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
        Job job;
        synchronized (this) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            throw new IllegalArgumentException("unknown analysis job '" + jobId + "'");
        }
        job.listeners.add(listener);
        notify(listener, job.snapshot());
        return () -> job.listeners.remove(listener);
    }

    /** Listens to every job's changes (for a list of running analyses). */
    public Subscription subscribe(Consumer<AnalysisJob> listener) {
        Objects.requireNonNull(listener, "listener");
        everyJob.add(listener);
        return () -> everyJob.remove(listener);
    }

    // ---------------------------------------------------------------- internals

    private AnalysisJob submit(AnalysisRequest request, String user, boolean onlyIfAbsent) {
        Job job;
        synchronized (this) {
            Job running = active.get(request);
            if (running != null) {
                return running.snapshot();
            }
            Optional<StoredScorecard> stored = onlyIfAbsent ? stored(request) : Optional.empty();
            job = new Job(UUID.randomUUID().toString(), request, user, clock.instant());
            remember(job);
            if (stored.isPresent()) {
                job.succeed(stored.get(), clock.instant());
                job.complete();
            } else {
                active.put(request, job);
            }
        }
        if (job.snapshot().finished()) {
            return job.snapshot();
        }
        LOG.info("Analysis {} of {} ({}) queued by {}", job.id, request.experimentId(), describe(request), user);
        publish(job);
        executor.execute(() -> execute(job));
        return job.snapshot();
    }

    private void execute(Job job) {
        AnalysisRequest request = job.request;
        Instant started = clock.instant();
        job.start(started);
        publish(job);
        try {
            WarehouseFingerprint before = analysedFingerprint.get();
            if (before.staleAgainst(fingerprint.get())) {
                LOG.warn("The warehouse's CSV files have changed since the app started; analysis {} reads them as they were"
                        + " then (its result will show as stale): restart serve to analyse the new data", job.id);
            }
            var scorecard = analysis.analyze(request, (done, total, step) -> {
                job.progress(done, total + 1, step.equals("done") ? "storing" : step);
                publish(job);
            });
            StoredScorecard stored = new StoredScorecard(request, scorecard, before, job.submittedBy,
                    Duration.ofMillis(Duration.between(started, clock.instant()).toMillis()), false);
            store.save(stored);
            finish(job, () -> job.succeed(withStaleness(stored), clock.instant()));
            LOG.info("Analysis {} of {} ({}) done in {} ms", job.id, request.experimentId(), describe(request),
                    stored.elapsed().toMillis());
        } catch (AnalysisException | WarehouseException | IllegalArgumentException | java.io.UncheckedIOException e) {
            LOG.warn("Analysis {} of {} ({}) failed: {}", job.id, request.experimentId(), describe(request), e.getMessage());
            finish(job, () -> job.fail(e, Messages.oneLine(e.getMessage()), clock.instant()));
        } catch (RuntimeException | Error e) {
            LOG.error("Analysis {} of {} ({}) failed", job.id, request.experimentId(), describe(request), e);
            finish(job, () -> job.fail(e, "internal error while analysing (details are in the server log)", clock.instant()));
        }
    }

    /** Moves the job to its end state, tells the listeners, then wakes whoever awaits it. */
    private void finish(Job job, Runnable transition) {
        synchronized (this) {
            transition.run();
            active.remove(job.request, job);
        }
        publish(job);
        job.listeners.clear();
        job.complete();
    }

    private void remember(Job job) {
        jobs.put(job.id, job);
        if (jobs.size() > KEPT_JOBS) {
            jobs.values().stream().filter(j -> j.snapshot().finished()).findFirst().ifPresent(oldest -> jobs.remove(oldest.id));
        }
    }

    private void publish(Job job) {
        AnalysisJob snapshot = job.snapshot();
        job.listeners.forEach(listener -> notify(listener, snapshot));
        everyJob.forEach(listener -> notify(listener, snapshot));
    }

    private static void notify(Consumer<AnalysisJob> listener, AnalysisJob snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("A listener of analysis job {} failed", snapshot.id(), e);
        }
    }

    private StoredScorecard withStaleness(StoredScorecard stored) {
        return stored.withStale(stored.fingerprint().staleAgainst(fingerprint.get()));
    }

    private static String describe(AnalysisRequest request) {
        return request.meanMethod().methodId() + (request.segmentBy() == null ? "" : ", by " + request.segmentBy())
                + (request.metricIds().isEmpty() ? "" : ", metrics " + String.join(",", request.metricIds()));
    }

    /** Stops taking work; waits a little for running analyses, then interrupts them. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A job's mutable state; every change and every snapshot under the job's lock. */
    private static final class Job {

        final String id;
        final AnalysisRequest request;
        final String submittedBy;
        final Instant submittedAt;
        final CompletableFuture<StoredScorecard> done = new CompletableFuture<>();
        final List<Consumer<AnalysisJob>> listeners = new CopyOnWriteArrayList<>();
        private AnalysisJob.State state = AnalysisJob.State.QUEUED;
        private int stepsDone;
        private int stepsTotal;
        private String step;
        private Instant startedAt;
        private Instant finishedAt;
        private String error;
        private StoredScorecard result;
        private Throwable failure;

        Job(String id, AnalysisRequest request, String submittedBy, Instant submittedAt) {
            this.id = id;
            this.request = request;
            this.submittedBy = submittedBy;
            this.submittedAt = submittedAt;
        }

        synchronized void start(Instant now) {
            state = AnalysisJob.State.RUNNING;
            startedAt = now;
        }

        synchronized void progress(int done, int total, String current) {
            stepsDone = done;
            stepsTotal = total;
            step = current;
        }

        synchronized void succeed(StoredScorecard stored, Instant now) {
            state = AnalysisJob.State.SUCCEEDED;
            stepsDone = stepsTotal;
            step = null;
            finishedAt = now;
            result = stored;
        }

        synchronized void fail(Throwable cause, String message, Instant now) {
            state = AnalysisJob.State.FAILED;
            step = null;
            finishedAt = now;
            error = message;
            failure = cause;
        }

        /** Completes {@link #done} as the job ended. */
        void complete() {
            StoredScorecard stored;
            Throwable cause;
            synchronized (this) {
                stored = result;
                cause = failure;
            }
            if (cause != null) {
                done.completeExceptionally(cause);
            } else {
                done.complete(stored);
            }
        }

        synchronized AnalysisJob snapshot() {
            return new AnalysisJob(id, request, state, stepsDone, stepsTotal, step, submittedBy, submittedAt, startedAt,
                    finishedAt, error, result);
        }
    }
}
