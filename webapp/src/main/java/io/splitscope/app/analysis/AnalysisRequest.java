package io.splitscope.app.analysis;

import io.splitscope.metrics.Dimension;
import java.util.List;

/**
 * What to analyse.
 *
 * @param experimentId the experiment
 * @param metricIds    the metrics, in the order to report them; empty for the whole catalog
 * @param cuped        analyse mean and proportion metrics with {@code cuped} (variance reduction
 *                     with the pre-exposure covariate) instead of {@code welch_t}
 * @param segmentBy    slice every result by this member dimension, or null for the whole population
 */
public record AnalysisRequest(String experimentId, List<String> metricIds, boolean cuped, Dimension segmentBy) {

    public AnalysisRequest {
        metricIds = List.copyOf(metricIds);
    }

    /** The whole catalog with the default methods. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of(), false, null);
    }
}
