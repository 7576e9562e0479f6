package io.splitscope.analysis;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.metrics.query.FusedMetricQuery;
import io.splitscope.metrics.query.UnitEventsQuery;
import io.splitscope.metrics.query.UnitValuesQuery;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.arrow.UnitEventsReader;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.UnitValuesReader;
import io.splitscope.stats.arrow.UnitValuesReader.UnitData;
import io.splitscope.stats.arrow.MomentColumns;
import io.splitscope.stats.arrow.VariantStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.SQLDialect;

/**
 * Fetches what the comparison methods need for a set of metrics with as few scans as possible:
 * one fused query per event source for mean, proportion and ratio metrics (sufficient statistics
 * only), one unit-level query per source when the method for means needs each unit's value, and
 * for quantile metrics, per distinct quantile value and window, the events: inside the fused
 * query of their source where the engine aggregates lists ({@link Dialects#aggregatesEventLists}),
 * else in an event-level query of their own.
 */
final class MetricInputs {

    private final Warehouse warehouse;
    private final ExposedUnits exposed;
    private final BufferAllocator allocator;
    private final List<String> variants;
    private final int firstQuery;
    private final Map<String, Integer> queries = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> filteredOut = new HashMap<>();
    private final Map<String, CapUsed> caps = new HashMap<>();
    private int ran;

    MetricInputs(Warehouse warehouse, ExposedUnits exposed, BufferAllocator allocator) {
        this(warehouse, exposed, allocator, 0);
    }

    /**
     * @param firstQuery the index its first query will have in the log of the analysis it serves:
     *                   how many queries the analysis ran before it ({@link #queries})
     */
    MetricInputs(Warehouse warehouse, ExposedUnits exposed, BufferAllocator allocator, int firstQuery) {
        this.warehouse = warehouse;
        this.exposed = exposed;
        this.allocator = allocator;
        this.variants = exposed.experiment().variantNames();
        this.firstQuery = firstQuery;
    }

    /**
     * metric id → the index, in the analysis' query log, of the query that brought the metric's
     * inputs in the last {@link #fetch} (its first query has the index given to the constructor,
     * the next one that plus one...); quantile metrics over the same events share their query.
     */
    Map<String, Integer> queries() {
        return Map.copyOf(queries);
    }

    /**
     * The units of {@code segment} (all variants) that the metric's unit filter dropped in the last
     * {@link #fetch}; 0 for a metric without one, and for a quantile metric whose events come from an
     * event-level query (the filter drops those units inside the query, as it does incomplete ones).
     */
    long filteredOut(Metric metric, String segment) {
        return filteredOut.getOrDefault(metric.id(), Map.of()).getOrDefault(segment, 0L);
    }

    /**
     * The cap {@code metric}'s values went through in the last {@link #fetch}, with the pooled
     * percentiles the engine computed (not read back where the method reads unit-level values:
     * levels only); null for an uncapped metric.
     */
    CapUsed cap(Metric metric) {
        return caps.getOrDefault(metric.id(), CapUsed.of(metric.cap(), null, null));
    }

    /**
     * metric id → segment → variant → the method's input, for every metric, segment and planned
     * variant; the one segment is {@link PopulationQuery#ALL} when {@code segmentBy} is empty. Mean
     * and proportion metrics come in the form {@code meanMethod} compares.
     */
    Map<String, Map<String, Map<String, VariantData>>> fetch(List<Metric> metrics, MeanMethod meanMethod,
                                                              List<Dimension> segmentBy) {
        Plan plan = Plan.of(metrics, meanMethod, Dialects.aggregatesEventLists(warehouse.dsl().dialect()));
        boolean covariates = plan.covariates();
        Map<String, Map<String, Map<String, VariantData>>> inputs = new LinkedHashMap<>();
        metrics.forEach(metric -> inputs.put(metric.id(), new TreeMap<>()));
        queries.clear();
        filteredOut.clear();
        caps.clear();
        ran = 0;
        plan.summed().forEach((source, sourceMetrics) -> {
            Map<String, VariantStatistics> bySegment = warehouse.query(
                    FusedMetricQuery.build(warehouse.dsl(), exposed, source, sourceMetrics, covariates, segmentBy),
                    allocator, VariantStatistics::readBySegment);
            ran(sourceMetrics.stream().flatMap(metric -> metric.type() == MetricType.QUANTILE
                    ? plan.sameEvents(metric).stream() : Stream.of(metric)).toList());
            sourceMetrics.forEach(metric -> bySegment.forEach((segment, statistics) -> {
                if (metric.type() == MetricType.QUANTILE) {
                    // Read once per variant: the group's metrics share the arrays (compareLevels relies on it).
                    Map<String, ClusteredValues> events = new LinkedHashMap<>();
                    Function<String, ClusteredValues> shared =
                            variant -> events.computeIfAbsent(variant, v -> statistics.events(metric.id(), v));
                    plan.sameEvents(metric).forEach(quantile ->
                            inputs.get(quantile.id()).put(segment, quantileInputs(shared, quantile)));
                } else {
                    inputs.get(metric.id()).put(segment, aggregatedInputs(statistics, metric, covariates));
                }
                long dropped = variants.stream().mapToLong(variant -> statistics.filteredOut(metric.id(), variant)).sum();
                (metric.type() == MetricType.QUANTILE ? plan.sameEvents(metric) : List.of(metric)).forEach(served ->
                        filteredOut.computeIfAbsent(served.id(), id -> new HashMap<>()).put(segment, dropped));
                caps.putIfAbsent(metric.id(), CapUsed.of(metric.cap(), statistics.pooled(MomentColumns.capLower(metric.id())),
                        statistics.pooled(MomentColumns.capUpper(metric.id()))));
            }));
        });
        plan.unitLevel().forEach((source, sourceMetrics) -> {
            List<String> ids = sourceMetrics.stream().map(Metric::id).toList();
            UnitData data = warehouse.query(
                    UnitValuesQuery.build(warehouse.dsl(), exposed, source, sourceMetrics, covariates, segmentBy),
                    allocator, reader -> UnitValuesReader.read(reader, ids, covariates));
            ran(sourceMetrics);
            sourceMetrics.forEach(metric -> data.segments().forEach(segment -> {
                inputs.get(metric.id()).put(segment, unitInputs(data, segment, metric, covariates));
                filteredOut.computeIfAbsent(metric.id(), id -> new HashMap<>()).put(segment, data.filteredOut(segment, metric.id()));
            }));
        });
        for (List<Metric> group : plan.eventQueries()) {
            Map<String, Map<String, ClusteredValues>> bySegment = warehouse.query(
                    UnitEventsQuery.build(warehouse.dsl(), exposed, group.getFirst(), segmentBy), allocator,
                    UnitEventsReader::readBySegment);
            ran(group);
            group.forEach(metric -> bySegment.forEach((segment, events) -> inputs.get(metric.id()).put(segment,
                    quantileInputs(variant -> events.getOrDefault(variant, ClusteredValues.NONE), metric))));
        }
        return inputs;
    }

    /** The query just run, the next in the log, brought the inputs of {@code served}. */
    private void ran(List<Metric> served) {
        int index = firstQuery + ran++;
        served.forEach(metric -> queries.put(metric.id(), index));
    }

    /** How many queries {@link #fetch} runs on {@code dialect} for {@code metrics} compared with {@code meanMethod}. */
    static int queryCount(List<Metric> metrics, MeanMethod meanMethod, SQLDialect dialect) {
        Plan plan = Plan.of(metrics, meanMethod, Dialects.aggregatesEventLists(dialect));
        return plan.summed().size() + plan.unitLevel().size() + plan.eventQueries().size();
    }

    /**
     * The queries of one fetch: sums per source (ratios always; means and proportions unless the
     * method needs each unit's value; the first quantile metric of each group over the same events
     * when {@code fusedEvents}), unit-level values per source, and events per quantile group
     * otherwise.
     */
    private record Plan(boolean covariates, Map<Source, List<Metric>> summed,
                        Map<Source, List<Metric>> unitLevel, List<List<Metric>> quantileGroups,
                        boolean fusedEvents) {

        static Plan of(List<Metric> metrics, MeanMethod meanMethod, boolean fusedEvents) {
            Class<? extends VariantData> meanInput = meanMethod.inputType();
            boolean unitLevel = meanInput == UnitValues.class || meanInput == UnitCovariateValues.class;
            boolean covariates = meanInput == CovariateMoments.class || meanInput == UnitCovariateValues.class;
            Predicate<Metric> meanOrProportion = m -> m.type() == MetricType.MEAN || m.type() == MetricType.PROPORTION;
            List<List<Metric>> quantileGroups = groupBySameEvents(metrics);
            List<Metric> firstOfGroups = quantileGroups.stream().map(List::getFirst).toList();
            Predicate<Metric> summed = m -> m.type() == MetricType.RATIO || !unitLevel && meanOrProportion.test(m)
                    || fusedEvents && firstOfGroups.contains(m);
            return new Plan(covariates, bySource(metrics, summed), unitLevel ? bySource(metrics, meanOrProportion) : Map.of(),
                    quantileGroups, fusedEvents);
        }

        /** The quantile groups that need an event-level query of their own. */
        List<List<Metric>> eventQueries() {
            return fusedEvents ? List.of() : quantileGroups;
        }

        /** The quantile metrics over the same events as {@code first}, the first of its group. */
        List<Metric> sameEvents(Metric first) {
            return quantileGroups.stream().filter(group -> group.getFirst().equals(first)).findFirst().orElseThrow();
        }
    }

    private static Map<Source, List<Metric>> bySource(List<Metric> metrics, Predicate<Metric> which) {
        return metrics.stream().filter(which)
                .collect(Collectors.groupingBy(Metric::source, LinkedHashMap::new, Collectors.toList()));
    }

    private Map<String, VariantData> unitInputs(UnitData data, String segment, Metric metric, boolean covariates) {
        Map<String, VariantData> byVariant = new LinkedHashMap<>();
        for (String variant : variants) {
            byVariant.put(variant, covariates ? data.unitCovariateValues(segment, variant, metric.id())
                    : data.unitValues(segment, variant, metric.id()));
        }
        return byVariant;
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

    private Map<String, VariantData> quantileInputs(Function<String, ClusteredValues> events, Metric metric) {
        double level = ((Measure.Quantile) metric.measure()).level();
        Map<String, VariantData> byVariant = new LinkedHashMap<>();
        for (String variant : variants) {
            // Quantile metrics over the same events share these arrays; nothing mutates them.
            ClusteredValues values = events.apply(variant);
            byVariant.put(variant, new QuantileSample(level, values.values(), values.unitOffsets()));
        }
        return byVariant;
    }

    /** Quantile metrics grouped so that those over the same events share one query. */
    private static List<List<Metric>> groupBySameEvents(List<Metric> metrics) {
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
