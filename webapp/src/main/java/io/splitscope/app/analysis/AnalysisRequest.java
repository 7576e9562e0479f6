package io.splitscope.app.analysis;

import java.util.List;

/**
 * What to analyse.
 *
 * @param experimentId the experiment
 * @param metricIds    the metrics, in the order to report them; empty for the whole catalog
 */
public record AnalysisRequest(String experimentId, List<String> metricIds) {

    public AnalysisRequest {
        metricIds = List.copyOf(metricIds);
    }

    /** The whole catalog. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of());
    }
}
