package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.results.StoredScorecard;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A job as it moves, the mutable state behind its {@link AnalysisJob} snapshots: queued, running
 * with its steps, then succeeded or failed; with the listeners of this job and a future that
 * completes as it ends. Every change and every snapshot under the job's lock.
 */
final class TrackedJob {

    final String id;
    final AnalysisRequest request;
    final String submittedBy;
    final Instant submittedAt;
    /** Who listens to this job until it has finished. */
    final List<Consumer<AnalysisJob>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<StoredScorecard> done = new CompletableFuture<>();
    private AnalysisJob.State state = AnalysisJob.State.QUEUED;
    private int stepsDone;
    private int stepsTotal;
    private String step;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;
    private StoredScorecard result;
    private Throwable failure;

    TrackedJob(String id, AnalysisRequest request, String submittedBy, Instant submittedAt) {
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

    /** Completes what {@link #await()} waits for, as the job ended. */
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

    /**
     * Waits until the job has ended.
     *
     * @return its stored scorecard
     * @throws RuntimeException what the analysis failed with
     */
    StoredScorecard await() {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    synchronized AnalysisJob snapshot() {
        return new AnalysisJob(id, request, state, stepsDone, stepsTotal, step, submittedBy, submittedAt, startedAt,
                finishedAt, error, result);
    }
}
