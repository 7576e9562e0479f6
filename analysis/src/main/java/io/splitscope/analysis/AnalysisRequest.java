package io.splitscope.analysis;

import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.stats.ConfidenceLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to analyse.
 *
 * @param experimentId the experiment
 * @param metricIds    the metrics, in the order to report them, each once (a repeated one would be a
 *                     second comparison in the multiple-testing adjustment); empty for the whole catalog
 * @param meanMethod   how mean and proportion metrics are compared
 * @param segmentBy    slice every result by the project's dimension of this id, or by the cross product of
 *                     two ({@code country,device}: segments {@code DE × mobile}, in the order given, which
 *                     is part of the request: {@code device,country} is another one); null (or blank) for
 *                     the whole population
 * @param confidence   the confidence level of every interval (and of the sequential method's boundary)
 * @param until        the last day of data to analyse, from the experiment's start to its end date: the
 *                     experiment as it stood then (exposures and events after that day are left out,
 *                     metric windows not over by then are incomplete); null for the whole period. The
 *                     start is the experiment's own: a later one would take units exposed before it for
 *                     new ones.
 */
public record AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy,
                              ConfidenceLevel confidence, LocalDate until) {

    /** Between the dimension ids of a segment by two dimensions. */
    public static final String SEGMENT_SEPARATOR = ",";

    public AnalysisRequest {
        metricIds = List.copyOf(metricIds);
        Set<String> seen = new HashSet<>();
        for (String id : metricIds) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("metric " + id + " is asked for twice: name each metric once");
            }
        }
        segmentBy = segmentBy == null || segmentBy.isBlank() ? null : String.join(SEGMENT_SEPARATOR, segmentIds(segmentBy));
        Objects.requireNonNull(meanMethod, "meanMethod");
        Objects.requireNonNull(confidence, "confidence");
    }

    /** The dimension ids of {@link #segmentBy}, in the order given; empty when the results are not sliced. */
    public List<String> segmentDimensions() {
        return segmentBy == null ? List.of() : List.of(segmentBy.split(SEGMENT_SEPARATOR));
    }

    /**
     * @throws IllegalArgumentException for an empty id, a repeated one, or more ids than
     *                                  {@link PopulationQuery#MAX_SEGMENT_DIMENSIONS}
     */
    private static List<String> segmentIds(String segmentBy) {
        List<String> ids = Arrays.stream(segmentBy.split(SEGMENT_SEPARATOR, -1)).map(String::strip).toList();
        if (ids.contains("")) {
            throw new IllegalArgumentException("segment '" + segmentBy + "' names an empty dimension: write country or country,device");
        }
        if (ids.size() > PopulationQuery.MAX_SEGMENT_DIMENSIONS) {
            throw new IllegalArgumentException("segment '" + segmentBy + "' names " + ids.size() + " dimensions: at most "
                    + PopulationQuery.MAX_SEGMENT_DIMENSIONS + " at once");
        }
        if (new HashSet<>(ids).size() < ids.size()) {
            throw new IllegalArgumentException("segment '" + segmentBy + "' names a dimension twice");
        }
        return ids;
    }

    /** A request of the experiment's whole period. */
    public AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy,
                           ConfidenceLevel confidence) {
        this(experimentId, metricIds, meanMethod, segmentBy, confidence, null);
    }

    /** A request of the experiment's whole period at the default confidence level, {@link ConfidenceLevel#DEFAULT}. */
    public AnalysisRequest(String experimentId, List<String> metricIds, MeanMethod meanMethod, String segmentBy) {
        this(experimentId, metricIds, meanMethod, segmentBy, ConfidenceLevel.DEFAULT);
    }

    /** This request for these metrics, in this order. */
    public AnalysisRequest withMetrics(List<String> ids) {
        return new AnalysisRequest(experimentId, ids, meanMethod, segmentBy, confidence, until);
    }

    /**
     * This request in the one form all equivalent requests share: its metrics in catalog order
     * (ids the catalog does not know after them, as given, for the caller to refuse), none when
     * they are the whole catalog.
     *
     * @param catalogIds the ids of the catalog's metrics, in catalog order
     */
    public AnalysisRequest normalised(List<String> catalogIds) {
        List<String> known = catalogIds.stream().filter(metricIds::contains).toList();
        List<String> unknown = metricIds.stream().filter(id -> !catalogIds.contains(id)).toList();
        if (unknown.isEmpty() && known.size() == catalogIds.size()) {
            return withMetrics(List.of());
        }
        List<String> ordered = new ArrayList<>(known);
        ordered.addAll(unknown);
        return withMetrics(ordered);
    }

    /** This request with means and proportions compared by {@code method}. */
    public AnalysisRequest withMeanMethod(MeanMethod method) {
        return new AnalysisRequest(experimentId, metricIds, method, segmentBy, confidence, until);
    }

    /** This request sliced by the dimension {@code dimensionIds} ({@code country}, or two: {@code country,device}). */
    public AnalysisRequest withSegmentBy(String dimensionIds) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, dimensionIds, confidence, until);
    }

    /** This request with intervals at {@code level}. */
    public AnalysisRequest withConfidence(ConfidenceLevel level) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, segmentBy, level, until);
    }

    /** This request of the data up to {@code day} (null: the whole period). */
    public AnalysisRequest withUntil(LocalDate day) {
        return new AnalysisRequest(experimentId, metricIds, meanMethod, segmentBy, confidence, day);
    }

    /** Whether this is its experiment's default scorecard, {@link #of}: the one every user may have computed. */
    public boolean isDefault() {
        return equals(of(experimentId));
    }

    /** The whole catalog with the default methods. */
    public static AnalysisRequest of(String experimentId) {
        return new AnalysisRequest(experimentId, List.of(), MeanMethod.WELCH_T, null);
    }
}
