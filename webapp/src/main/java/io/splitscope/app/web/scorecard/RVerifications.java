package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.RVerification;
import io.splitscope.stats.r.RRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * "Verify in R" for a scorecard ({@link AnalysisService#verifyInR}): every metric whose method has
 * an R twin recomputed in GNU R, in the background one scorecard at a time. A verification that R
 * completed is kept for the life of the application; one where R could not run (missing, died) is
 * not, so that asking again retries. Stops the shared Rserve with the application.
 */
@Service
public final class RVerifications implements DisposableBean {

    private final AnalysisService analysis;
    private final Map<ScorecardCache.Key, CompletableFuture<List<RVerification>>> kept = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "splitscope-verify-r");
        thread.setDaemon(true);
        return thread;
    });

    /** Built by Spring with the application's analysis service. */
    public RVerifications(AnalysisService analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /** The verification of {@code key}'s scorecard, if it was completed by R before. */
    public List<RVerification> known(ScorecardCache.Key key) {
        CompletableFuture<List<RVerification>> future = kept.get(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** The verification of {@code key}'s scorecard: kept, running, or started now in the background. */
    public CompletableFuture<List<RVerification>> verify(ScorecardCache.Key key) {
        CompletableFuture<List<RVerification>> created = new CompletableFuture<>();
        CompletableFuture<List<RVerification>> raced = kept.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        try {
            worker.execute(() -> {
                try {
                    List<RVerification> result = analysis.verifyInR(key.request());
                    if (failure(result) != null) {
                        kept.remove(key, created);
                    }
                    created.complete(result);
                } catch (RuntimeException | Error e) {
                    kept.remove(key, created);
                    created.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            kept.remove(key, created);
            created.completeExceptionally(e);
        }
        return created;
    }

    /** Why R did not compute, the first reason among the reports, or null when it did everywhere. */
    public static String failure(List<RVerification> verifications) {
        return verifications.stream().map(v -> v.report().rFailure()).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null);
    }

    /** The mark of a row's metric and segment: "✓ R" when verified, "✗ R" when R disagreed. */
    static String mark(RVerification v) {
        return v.report().verified() ? "✓ R" : "✗ R";
    }

    /**
     * The tooltip of a mark, e.g. {@code verified in GNU R: largest relative difference 7.0e-14
     * (welch_t = r_welch_t)}; when not verified, the report's summary.
     */
    static String tooltip(RVerification v) {
        if (v.report().verified()) {
            return "verified in GNU R: largest relative difference "
                    + String.format(Locale.ROOT, "%.1e", v.report().maxRelativeDifference())
                    + " (" + v.report().javaMethodId() + " = " + v.report().rMethodId() + ")";
        }
        return "not verified in GNU R: " + v.report().summary();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        RRuntime.closeShared();
    }
}
