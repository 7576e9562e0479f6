package io.splitscope.app.analysis;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.EventSource;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.metrics.query.FusedMetricQuery;
import io.splitscope.metrics.query.UnitEventsQuery;
import io.splitscope.sql.Warehouse;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.arrow.UnitEventsReader;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.VariantStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Fetches what the comparison methods need for a set of metrics with as few scans as possible:
 * one fused query per event source for mean, proportion and ratio metrics (sufficient statistics
 * only), and one event-level query per distinct quantile value and window.
 */
final class MetricInputs {

    private static final ClusteredValues NO_EVENTS = new ClusteredValues(new double[0], new int[] {0});

    private final Warehouse warehouse;
    private final Experiment experiment;
    private final BufferAllocator allocator;
    private final List<String> variants;

    MetricInputs(Warehouse warehouse, Experiment experiment, BufferAllocator allocator) {
        this.warehouse = warehouse;
        this.experiment = experiment;
        this.allocator = allocator;
        this.variants = experiment.variants().stream().map(Experiment.VariantWeight::variant).toList();
    }

    /**
     * metric id → segment → variant → the method's input, for every metric, segment and planned
     * variant; the one segment is {@link PopulationQuery#ALL} when {@code segmentBy} is null.
     */
    Map<String, Map<String, Map<String, VariantData>>> fetch(List<Metric> metrics, boolean cuped, Dimension segmentBy) {
        Map<String, Map<String, Map<String, VariantData>>> inputs = new LinkedHashMap<>();
        metrics.forEach(metric -> inputs.put(metric.id(), new TreeMap<>()));
        Map<EventSource, List<Metric>> aggregated = metrics.stream()
                .filter(metric -> metric.type() != MetricType.QUANTILE)
                .collect(Collectors.groupingBy(Metric::source, LinkedHashMap::new, Collectors.toList()));
        aggregated.forEach((source, sourceMetrics) -> {
            Map<String, VariantStatistics> bySegment = warehouse.query(
                    FusedMetricQuery.build(warehouse.dsl(), experiment, source, sourceMetrics, cuped, segmentBy),
                    allocator, VariantStatistics::readBySegment);
            sourceMetrics.forEach(metric -> bySegment.forEach((segment, statistics) ->
                    inputs.get(metric.id()).put(segment, aggregatedInputs(statistics, metric, cuped))));
        });
        for (List<Metric> group : quantileGroups(metrics)) {
            Map<String, Map<String, ClusteredValues>> bySegment = warehouse.query(
                    UnitEventsQuery.build(warehouse.dsl(), experiment, group.getFirst(), segmentBy), allocator,
                    UnitEventsReader::readBySegment);
            group.forEach(metric -> bySegment.forEach((segment, events) ->
                    inputs.get(metric.id()).put(segment, quantileInputs(events, (Measure.Quantile) metric.measure()))));
        }
        return inputs;
    }

    /** How many queries {@link #fetch} runs for {@code metrics}: one per event source, one per quantile group. */
    static int queryCount(List<Metric> metrics) {
        long sources = metrics.stream().filter(metric -> metric.type() != MetricType.QUANTILE)
                .map(Metric::source).distinct().count();
        return (int) sources + quantileGroups(metrics).size();
    }

    private Map<String, VariantData> aggregatedInputs(VariantStatistics statistics, Metric metric, boolean cuped) {
        Map<String, VariantData> byVariant = new LinkedHashMap<>();
        for (String variant : variants) {
            byVariant.put(variant, switch (metric.measure()) {
                case Measure.Ratio ratio -> statistics.ratioMoments(metric.id(), variant);
                default -> cuped ? statistics.covariateMoments(metric.id(), variant) : statistics.moments(metric.id(), variant);
            });
        }
        return byVariant;
    }

    private Map<String, VariantData> quantileInputs(Map<String, ClusteredValues> events, Measure.Quantile quantile) {
        Map<String, VariantData> byVariant = new LinkedHashMap<>();
        for (String variant : variants) {
            // Quantile metrics over the same events share these arrays; nothing mutates them.
            ClusteredValues values = events.getOrDefault(variant, NO_EVENTS);
            byVariant.put(variant, new QuantileSample(quantile.level(), values.values(), values.unitOffsets()));
        }
        return byVariant;
    }

    /** Quantile metrics grouped so that those over the same events share one query. */
    private static List<List<Metric>> quantileGroups(List<Metric> metrics) {
        List<List<Metric>> groups = new ArrayList<>();
        for (Metric metric : metrics) {
            if (metric.type() != MetricType.QUANTILE) {
                continue;
            }
            groups.stream().filter(group -> UnitEventsQuery.sameEvents(group.getFirst(), metric)).findFirst()
                    .ifPresentOrElse(group -> group.add(metric), () -> groups.add(new ArrayList<>(List.of(metric))));
        }
        return groups;
    }
}
