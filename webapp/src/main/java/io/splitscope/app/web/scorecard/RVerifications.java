package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.RVerification;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.app.web.common.BackgroundCache;
import io.splitscope.stats.r.RRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * "Verify in R" for a scorecard ({@link AnalysisService#verifyInR}): every metric whose method has
 * an R twin recomputed in GNU R, in the background one scorecard at a time. A verification that R
 * completed is kept until the experiment is analysed again ({@link BackgroundCache}); one where R
 * could not run (missing, died) is not, so that asking again retries. Stops the shared Rserve with
 * the application.
 */
@Service
public final class RVerifications implements DisposableBean {

    private final AnalysisService analysis;
    private final BackgroundCache<ScorecardCache.Key, List<RVerification>> kept;

    /** Built by Spring with the application's analysis service and its analyses. */
    public RVerifications(AnalysisService analysis, AnalysisJobs jobs) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.kept = new BackgroundCache<>("splitscope-verify-r", ScorecardCache.Key::experimentId,
                result -> failure(result) == null, jobs);
    }

    /** The verification of {@code key}'s scorecard, if it was completed by R before. */
    public List<RVerification> known(ScorecardCache.Key key) {
        return kept.known(key).orElse(null);
    }

    /** The verification of {@code key}'s scorecard: kept, running, or started now in the background. */
    public CompletableFuture<List<RVerification>> verify(ScorecardCache.Key key) {
        return kept.get(key, () -> analysis.verifyInR(key.request()));
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
        kept.close();
        RRuntime.closeShared();
    }
}
