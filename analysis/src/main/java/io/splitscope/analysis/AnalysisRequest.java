package io.splitscope.analysis;

import io.splitscope.stats.ConfidenceLevel;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse.
 *
 * @param experimentId the experiment
 * @param metricIds    the metrics, in the order to report them; empty for the whole catalog
 * @param meanMethod   how mean and proportion metrics are compared
 * @param segmentBy    slice every result by the project's dimension of this id, or null for the whole population
 * @param confidence   the confidence level of every interval (and of the sequential method's boundary)
 */
public record AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy,
                              ConfidenceLevel confidence) {

    public AnalysisRequest {
        metricIds = List.copyOf(metricIds);
        Objects.requireNonNull(meanMethod, "meanMethod");
        Objects.requireNonNull(confidence, "confidence");
    }

    /** A request at the default confidence level, {@link ConfidenceLevel#DEFAULT}. */
    public AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy) {
        this(experimentId, metricIds, meanMethod, segmentBy, ConfidenceLevel.DEFAULT);
    }

    /** This request for these metrics, in this order. */
    public AnalysisRequest withMetrics(List<String> ids) {
        return new AnalysisRequest(experimentId, ids, meanMethod, segmentBy, confidence);
    }

    /** This request with means and proportions compared by {@code method}. */
    public AnalysisRequest withMeanMethod(MeanMethod method) {
        return new AnalysisRequest(experimentId, metricIds, method, segmentBy, confidence);
    }

    /** This request sliced by the dimension {@code dimensionId}. */
    public AnalysisRequest withSegmentBy(String dimensionId) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, dimensionId, confidence);
    }

    /** This request with intervals at {@code level}. */
    public AnalysisRequest withConfidence(ConfidenceLevel level) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, segmentBy, level);
    }

    /** The whole catalog with the default methods. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of(), MeanMethod.WELCH_T, null);
    }
}
