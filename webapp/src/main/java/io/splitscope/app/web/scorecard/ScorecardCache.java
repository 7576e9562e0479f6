package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.AnalysisRequest;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.Scorecard;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;

/**
 * The scorecards the web app has computed, one per experiment (every metric, default methods),
 * kept for the life of the application: the warehouse the app serves does not change under it,
 * and an analysis takes a second or two.
 *
 * <p>Concurrent requests for the same experiment wait for one analysis; analyses run one at a
 * time (the machine has few cores and the warehouse connection is shared). A failed analysis is
 * not cached, so the next request tries again.
 */
@Service
public final class ScorecardCache {

    private final AnalysisService analysis;
    private final Map<String, CompletableFuture<Scorecard>> scorecards = new ConcurrentHashMap<>();
    private final ReentrantLock analysing = new ReentrantLock();

    /** Built by Spring with the application's analysis service. */
    public ScorecardCache(AnalysisService analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /**
     * The scorecard of an experiment, computed on first request.
     *
     * @throws RuntimeException what {@link AnalysisService#analyze} throws, e.g. its
     *                          {@code AnalysisException} for an unknown experiment
     */
    public Scorecard scorecard(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        CompletableFuture<Scorecard> mine = new CompletableFuture<>();
        CompletableFuture<Scorecard> existing = scorecards.putIfAbsent(experimentId, mine);
        if (existing != null) {
            return await(existing);
        }
        analysing.lock();
        try {
            mine.complete(analysis.analyze(AnalysisRequest.of(experimentId)));
        } catch (RuntimeException | Error e) {
            scorecards.remove(experimentId, mine);
            mine.completeExceptionally(e);
            throw e;
        } finally {
            analysing.unlock();
        }
        return mine.join();
    }

    private static Scorecard await(CompletableFuture<Scorecard> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
