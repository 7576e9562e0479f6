package io.splitscope.analysis;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The units a windowed metric leaves out because their window is not over by the end date
 * ({@code spec/warehouse.md}, "Metric windows": the rows' {@code incomplete_units}), against the
 * analysed population: how much of the experiment a 28-day metric silently does not see.
 *
 * @param metricId     the metric
 * @param metricTitle  its title
 * @param window       its window, e.g. {@code 28 d}
 * @param unitsLeftOut units of the population its rows leave out, summed over the scorecard's segments
 * @param units        the analysed units (the population)
 */
public record LeftOutUnits(String metricId, String metricTitle, String window, long unitsLeftOut, long units) {

    /** The share of the analysed units left out; NaN without units. */
    public double share() {
        return units == 0 ? Double.NaN : (double) unitsLeftOut / units;
    }

    /**
     * One per metric of {@code scorecard} whose units count only once their window has elapsed,
     * in the scorecard's order; {@code metrics} finds a row's metric (null for one it does not know,
     * which is left out).
     */
    public static List<LeftOutUnits> of(Scorecard scorecard, Function<String, Metric> metrics) {
        Map<String, Map<String, Long>> byMetricAndSegment = new LinkedHashMap<>();
        for (ScorecardRow row : scorecard.rows()) {
            // every treatment row of a metric and segment carries the same count: keep one
            byMetricAndSegment.computeIfAbsent(row.metricId(), m -> new LinkedHashMap<>())
                    .put(String.valueOf(row.segment()), row.incompleteUnits());
        }
        List<LeftOutUnits> result = new ArrayList<>();
        byMetricAndSegment.forEach((metricId, bySegment) -> {
            Metric metric = metrics.apply(metricId);
            if (metric != null && metric.windowed() && metric.eligibility() == Eligibility.ELAPSED) {
                result.add(new LeftOutUnits(metricId, metric.title(), metric.window().shortText(),
                        bySegment.values().stream().mapToLong(Long::longValue).sum(), scorecard.population().totalUnits()));
            }
        });
        return result;
    }
}
