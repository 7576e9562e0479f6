package io.splitscope.analysis.results;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.ScorecardJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A scorecard as the results store holds it: what was asked, what came out, and where and when it
 * was computed.
 *
 * @param request     what was analysed (experiment, metrics, method, segment): the store's key
 * @param scorecard   the scorecard, equal to the one computed (its rows, SRM check, query log...)
 * @param fingerprint the warehouse's fingerprint when the analysis ran
 * @param computedBy  the user who ran it, or {@code "system"} for a first analysis nobody asked an analyst for
 * @param elapsed     how long the analysis took
 * @param stale       whether the warehouse has changed since (its current fingerprint differs);
 *                    set when the scorecard is read, never stored
 */
public record StoredScorecard(AnalysisRequest request, Scorecard scorecard, WarehouseFingerprint fingerprint,
                              String computedBy, Duration elapsed, boolean stale) {

    public StoredScorecard {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(computedBy, "computedBy");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** When the analysis ran ({@code computed_at} of the JSON). */
    public Instant computedAt() {
        return scorecard.computedAt();
    }

    /** The warehouse it was computed from ({@code warehouse} of the JSON). */
    public String warehouse() {
        return scorecard.warehouse();
    }

    /** The scorecard JSON of {@code spec/scorecard.md}, exactly as {@code ./splitscope analyze --format json} prints it. */
    public String json() {
        return ScorecardJson.write(scorecard);
    }

    /** This scorecard, marked stale or not against the warehouse as it is now. */
    public StoredScorecard withStale(boolean stale) {
        return stale == this.stale ? this : new StoredScorecard(request, scorecard, fingerprint, computedBy, elapsed, stale);
    }
}
