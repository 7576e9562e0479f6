package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.FailedRun;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.Messages;
import io.splitscope.sql.WarehouseException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job, on an analysis thread: analyses its request, telling the listeners each step,
 * stores the result, then ends the job — succeeded, or failed with a one-line reason, which is
 * stored beside the request's scorecard (an unexpected failure is logged in full and reported as
 * an internal error).
 */
final class AnalysisExecution {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisExecution.class);

    private final AnalysisService analysis;
    private final StoredResults results;
    private final Supplier<WarehouseFingerprint> analysedFingerprint;
    private final Clock clock;
    private final JobRegistry registry;
    private final JobListeners listeners;

    /** {@code analysedFingerprint}: the fingerprint of the data an analysis reads (see {@link AnalysisJobs}). */
    AnalysisExecution(AnalysisService analysis, StoredResults results, Supplier<WarehouseFingerprint> analysedFingerprint,
                      Clock clock, JobRegistry registry, JobListeners listeners) {
        this.analysis = analysis;
        this.results = results;
        this.analysedFingerprint = analysedFingerprint;
        this.clock = clock;
        this.registry = registry;
        this.listeners = listeners;
    }

    /** Runs the job to its end. */
    void run(TrackedJob job) {
        AnalysisRequest request = job.request;
        Instant started = clock.instant();
        job.start(started);
        listeners.publish(job);
        try {
            WarehouseFingerprint before = analysedFingerprint.get();
            if (before.staleAgainst(results.current())) {
                LOG.warn("The warehouse's CSV files have changed since the app started; analysis {} reads them as they were"
                        + " then (its result will show as stale): restart serve to analyse the new data", job.id);
            }
            var scorecard = analysis.analyze(request, (done, total, step) -> {
                job.progress(done, total + 1, step.equals("done") ? "storing" : step);
                listeners.publish(job);
            });
            StoredScorecard stored = results.save(new StoredScorecard(request, scorecard, before, job.submittedBy,
                    Duration.ofMillis(Duration.between(started, clock.instant()).toMillis()), false));
            end(job, () -> job.succeed(stored, clock.instant()));
            LOG.info("Analysis {} of {} ({}) done in {} ms", job.id, request.experimentId(), describe(request),
                    stored.elapsed().toMillis());
        } catch (AnalysisException | WarehouseException | IllegalArgumentException | UncheckedIOException e) {
            LOG.warn("Analysis {} of {} ({}) failed: {}", job.id, request.experimentId(), describe(request), e.getMessage());
            fail(job, e, Messages.oneLine(e.getMessage()));
        } catch (RuntimeException | Error e) {
            LOG.error("Analysis {} of {} ({}) failed", job.id, request.experimentId(), describe(request), e);
            fail(job, e, "internal error while analysing (details are in the server log)");
        }
    }

    /** Ends the job as failed, after keeping the failure beside the request's stored scorecard (which stays). */
    private void fail(TrackedJob job, Throwable e, String message) {
        Instant failedAt = clock.instant();
        try {
            results.saveFailure(new FailedRun(job.request, failedAt, job.submittedBy, message));
        } catch (UncheckedIOException notStored) {
            LOG.warn("Analysis {}: {}", job.id, notStored.getMessage());
        }
        end(job, () -> job.fail(e, message, failedAt));
    }

    /** Moves the job to its end state, tells the listeners, then wakes whoever awaits it. */
    private void end(TrackedJob job, Runnable transition) {
        registry.end(job, transition);
        listeners.publish(job);
        job.listeners.clear();
        job.complete();
    }

    /** The request in short, for the log: method, segment, metrics. */
    static String describe(AnalysisRequest request) {
        return request.meanMethod().methodId() + (request.segmentBy() == null ? "" : ", by " + request.segmentBy())
                + (request.metricIds().isEmpty() ? "" : ", metrics " + String.join(",", request.metricIds()));
    }
}
