package io.splitscope.analysis.results;

import io.splitscope.analysis.AnalysisRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * An analysis that failed (R killed midway, the warehouse gone, any exception), as the results
 * store keeps it: beside the stored scorecard of the same request, which it never replaces.
 *
 * @param request     what was analysed: the store's key
 * @param failedAt    when it failed
 * @param requestedBy the user who ran it, or {@code "system"}
 * @param message     why, in one line
 */
public record FailedRun(AnalysisRequest request, Instant failedAt, String requestedBy, String message) {

    public FailedRun {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(message, "message");
    }
}
