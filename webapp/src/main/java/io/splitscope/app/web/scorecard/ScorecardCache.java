package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.results.FailedRun;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.results.AnalysisJob;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.stats.ConfidenceLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The views' access to scorecards: a stored one at once ({@link AnalysisJobs#stored}), or an
 * analysis in the background — a first one for anybody ({@link AnalysisJobs#ensure}), a re-run
 * for analysts only ({@link AnalysisJobs#run}) — whose progress a view can follow and whose
 * result it is handed by a future. Everything is stored in the results store, so reopening a
 * scorecard is instant and shows when, by whom and from what data it was computed.
 */
@Service
public final class ScorecardCache {

    /**
     * What identifies a scorecard in the views: every metric, one method, sliced or not, at one
     * confidence level.
     *
     * @param segmentBy  the dimension results are sliced by, or null for the whole population
     * @param confidence the confidence level of the intervals
     */
    public record Key(String experimentId, MeanMethod method, String segmentBy, ConfidenceLevel confidence, LocalDate until) {

        public Key {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(confidence, "confidence");
        }

        /** Every metric with the default methods, unsliced, at the default level, over the whole period. */
        public static Key of(String experimentId) {
            return new Key(experimentId, MeanMethod.WELCH_T, null, ConfidenceLevel.DEFAULT, null);
        }

        /** The same scorecard with means and proportions compared by {@code other}. */
        public Key withMethod(MeanMethod other) {
            return new Key(experimentId, other, segmentBy, confidence, until);
        }

        /** The same scorecard sliced by {@code dimensionId} (null for the whole population). */
        public Key withSegmentBy(String dimensionId) {
            return new Key(experimentId, method, dimensionId, confidence, until);
        }

        /** The same scorecard with intervals at {@code level}. */
        public Key withConfidence(ConfidenceLevel level) {
            return new Key(experimentId, method, segmentBy, level, until);
        }

        /** The same scorecard of the data up to {@code day} (null: the whole period). */
        public Key withUntil(LocalDate day) {
            return new Key(experimentId, method, segmentBy, confidence, day);
        }

        /** The analysis request of this scorecard. */
        public AnalysisRequest request() {
            return new AnalysisRequest(experimentId, List.of(), method, segmentBy, confidence, until);
        }
    }

    /**
     * How far an analysis has got.
     *
     * @param done  steps finished
     * @param total steps in all (at least 1)
     * @param step  what runs now ({@code "queued"}, {@code "population"}, {@code "metric query 2 of 3"} …,
     *              {@code "storing"}, {@code "done"})
     */
    public record Progress(int done, int total, String step) {

        /** From 0 to 1. */
        public double fraction() {
            return total <= 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    /** An analysis under way or done (or a stored scorecard): its future and its progress. */
    public static final class Run {

        private final CompletableFuture<StoredScorecard> future = new CompletableFuture<>();
        private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
        private volatile Progress progress = new Progress(0, 1, "queued");

        /** The stored scorecard once the analysis has finished; fails as the analysis failed. */
        public CompletableFuture<StoredScorecard> future() {
            return future;
        }

        /**
         * Hears the progress: at once with the current one, then at each step, on the analysis
         * thread (hand it to the UI with {@code ui.access}). Returns what stops the listening.
         */
        public Runnable onProgress(Consumer<Progress> listener) {
            listeners.add(listener);
            listener.accept(progress);
            return () -> listeners.remove(listener);
        }

        void report(Progress news) {
            progress = news;
            for (Consumer<Progress> listener : listeners) {
                try {
                    listener.accept(news);
                } catch (RuntimeException e) {
                    // a listener's problem is not the analysis'
                }
            }
        }

        /** Follows a job's snapshots to their end. */
        void follow(AnalysisJob job) {
            switch (job.state()) {
                case QUEUED -> report(new Progress(0, Math.max(1, job.stepsTotal()), "queued"));
                case RUNNING -> report(new Progress(job.stepsDone(), Math.max(1, job.stepsTotal()),
                        job.step() == null ? "running" : job.step()));
                case SUCCEEDED -> {
                    report(new Progress(1, 1, "done"));
                    future.complete(job.result());
                }
                case FAILED -> future.completeExceptionally(new AnalysisException(
                        job.error() == null ? "the analysis failed" : job.error()));
            }
        }
    }

    private final AnalysisJobs jobs;

    /** Built by Spring with the application's analysis jobs. */
    public ScorecardCache(AnalysisJobs jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /**
     * The scorecard of {@code key}: the stored one (a finished run), the analysis under way, or a
     * first analysis started now in the background (a viewer may start the default scorecard's
     * only; for another the run fails with the reason).
     */
    public Run request(Key key) {
        Objects.requireNonNull(key, "key");
        Optional<StoredScorecard> stored = jobs.stored(key.request());
        if (stored.isPresent()) {
            Run run = new Run();
            run.report(new Progress(1, 1, "done"));
            run.future.complete(stored.get());
            return run;
        }
        try {
            return follow(jobs.ensure(key.request()));
        } catch (AccessDeniedException e) { // a viewer, for a scorecard that is neither stored nor the default: say why
            Run refused = new Run();
            refused.future.completeExceptionally(new AnalysisException(e.getMessage()));
            return refused;
        }
    }

    /**
     * Analyses {@code key} afresh in the background, replacing the stored scorecard when it
     * succeeds.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the current user is an analyst
     */
    public Run rerun(Key key) {
        Objects.requireNonNull(key, "key");
        return follow(jobs.run(key.request()));
    }

    /** The run of {@code key} that failed after its stored scorecard, if any. */
    public Optional<FailedRun> lastFailure(Key key) {
        return jobs.lastFailure(key.request());
    }

    private Run follow(AnalysisJob job) {
        Run run = new Run();
        if (job.finished()) {
            run.follow(job);
            return run;
        }
        AnalysisJobs.Subscription[] subscription = new AnalysisJobs.Subscription[1];
        run.future.whenComplete((result, failure) -> {
            if (subscription[0] != null) {
                subscription[0].close();
            }
        });
        subscription[0] = jobs.subscribe(job.id(), run::follow);
        if (run.future.isDone()) {
            subscription[0].close();
        }
        return run;
    }
}
