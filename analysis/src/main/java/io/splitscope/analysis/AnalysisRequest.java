package io.splitscope.analysis;

import java.util.List;

/**
 * What to analyse.
 *
 * @param experimentId the experiment
 * @param metricIds    the metrics, in the order to report them; empty for the whole catalog
 * @param meanMethod   how mean and proportion metrics are compared
 * @param segmentBy    slice every result by the project's dimension of this id, or null for the whole population
 */
public record AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy) {

    public AnalysisRequest {
        metricIds = List.copyOf(metricIds);
        java.util.Objects.requireNonNull(meanMethod, "meanMethod");
    }

    /** The whole catalog with the default methods. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of(), MeanMethod.WELCH_T, null);
    }
}
