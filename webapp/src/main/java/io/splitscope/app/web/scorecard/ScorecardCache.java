package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.AnalysisRequest;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.MeanMethod;
import io.splitscope.app.analysis.Scorecard;
import io.splitscope.metrics.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The scorecards the web app has computed, one per experiment, method and segment dimension,
 * kept for the life of the application: the warehouse the app serves does not change under it,
 * and an analysis takes seconds.
 *
 * <p>Analyses run in the background, one at a time, in the order asked (the machine has few cores
 * and the warehouse is shared); {@link #request} hands back a future at once, so that a view can
 * show progress and push the result when it is there. Concurrent requests for the same scorecard
 * share one analysis. A failed analysis is not kept, so the next request tries again;
 * {@link #rerun} replaces a kept scorecard with a fresh analysis.
 */
@Service
public final class ScorecardCache implements DisposableBean {

    /**
     * What identifies a scorecard.
     *
     * @param segmentBy the dimension results are sliced by, or null for the whole population
     */
    public record Key(String experimentId, MeanMethod method, Dimension segmentBy) {

        public Key {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(method, "method");
        }

        /** Every metric with the default methods, unsliced. */
        public static Key of(String experimentId) {
            return new Key(experimentId, MeanMethod.WELCH_T, null);
        }

        AnalysisRequest request() {
            return new AnalysisRequest(experimentId, List.of(), method, segmentBy);
        }
    }

    /**
     * How far an analysis has got.
     *
     * @param done  steps finished
     * @param total steps in all (at least 1)
     * @param step  what runs now ({@code "queued"}, {@code "population"}, {@code "metric query 2 of 3"} …,
     *              {@code "done"})
     */
    public record Progress(int done, int total, String step) {

        /** From 0 to 1. */
        public double fraction() {
            return total <= 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    /** An analysis under way or done: its future, when it was asked for, and its progress. */
    public static final class Run {

        private final CompletableFuture<Scorecard> future = new CompletableFuture<>();
        private final Instant started = Instant.now();
        private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
        private volatile Progress progress = new Progress(0, 1, "queued");

        /** The scorecard, when the analysis has finished; fails as the analysis failed. */
        public CompletableFuture<Scorecard> future() {
            return future;
        }

        /** When it was asked for. */
        public Instant started() {
            return started;
        }

        /** How long it has been running (or ran, until now). */
        public Duration elapsed() {
            return Duration.between(started, Instant.now());
        }

        /** The latest progress. */
        public Progress progress() {
            return progress;
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

        void report(int done, int total, String step) {
            progress = new Progress(done, total, step);
            for (Consumer<Progress> listener : listeners) {
                try {
                    listener.accept(progress);
                } catch (RuntimeException e) {
                    // a listener's problem is not the analysis'
                }
            }
        }
    }

    private final AnalysisService analysis;
    private final Map<Key, Run> scorecards = new ConcurrentHashMap<>();
    private final ExecutorService analyst = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "splitscope-analysis");
        thread.setDaemon(true);
        return thread;
    });

    /** Built by Spring with the application's analysis service. */
    public ScorecardCache(AnalysisService analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /**
     * The analysis of {@code key}: the kept one, or one started now in the background.
     * The future fails with what {@link AnalysisService#analyze} throws (e.g. its
     * {@code AnalysisException} for an unknown experiment).
     */
    public Run request(Key key) {
        Objects.requireNonNull(key, "key");
        Run kept = scorecards.get(key);
        if (kept != null) {
            return kept;
        }
        Run created = new Run();
        Run raced = scorecards.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        launch(key, created, true);
        return created;
    }

    /** Analyses {@code key} afresh, replacing what is kept once the new analysis succeeds. */
    public Run rerun(Key key) {
        Objects.requireNonNull(key, "key");
        Run fresh = new Run();
        fresh.future().thenRun(() -> scorecards.put(key, fresh));
        launch(key, fresh, false);
        return fresh;
    }

    /** The kept scorecard of {@code key} if its analysis has finished successfully. */
    public Optional<Scorecard> ifDone(Key key) {
        Run run = scorecards.get(key);
        if (run == null || !run.future().isDone() || run.future().isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(run.future().join());
    }

    /**
     * The scorecard of an experiment (every metric, default methods, unsliced), waiting for it.
     *
     * @throws RuntimeException what {@link AnalysisService#analyze} throws
     */
    public Scorecard scorecard(String experimentId) {
        return await(request(Key.of(experimentId)).future());
    }

    private void launch(Key key, Run run, boolean forgetOnFailure) {
        try {
            analyst.execute(() -> {
                try {
                    run.report(0, 1, "starting");
                    Scorecard scorecard = analysis.analyze(key.request(), run::report);
                    run.report(1, 1, "done");
                    run.future().complete(scorecard);
                } catch (RuntimeException | Error e) {
                    if (forgetOnFailure) {
                        scorecards.remove(key, run);
                    }
                    run.future().completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) { // rejected: the application is stopping
            scorecards.remove(key, run);
            run.future().completeExceptionally(e);
        }
    }

    /** The value of a finished future, unwrapping the analysis' own exception. */
    public static Scorecard await(CompletableFuture<Scorecard> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        analyst.shutdownNow();
    }
}
