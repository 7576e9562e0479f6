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

    /** This request for these metrics, in this order. */
    public AnalysisRequest withMetrics(List<String> ids) {
        return new AnalysisRequest(experimentId, ids, meanMethod, segmentBy);
    }

    /** This request with means and proportions compared by {@code method}. */
    public AnalysisRequest withMeanMethod(MeanMethod method) {
        return new AnalysisRequest(experimentId, metricIds, method, segmentBy);
    }

    /** This request sliced by the dimension {@code dimensionId}. */
    public AnalysisRequest withSegmentBy(String dimensionId) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, dimensionId);
    }

    /** The whole catalog with the default methods. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of(), MeanMethod.WELCH_T, null);
    }
}
