package io.splitscope.analysis;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.DailyPopulation;
import io.splitscope.metrics.population.DailyPopulationQuery;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.stats.health.SampleRatioMismatch;
import io.splitscope.stats.health.SrmResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Computes a {@link HealthReport}: the population query, the day-by-day query and one units-by-segment
 * query per dimension, over the experiment's exposed units staged once where the engine can.
 */
final class HealthAnalysis {

    private HealthAnalysis() {
    }

    static HealthReport run(Experiment experiment, Warehouse warehouse, List<Dimension> dimensions,
                            BufferAllocator allocator) {
        ExposedUnits computed = ExposedUnits.of(experiment);
        Optional<StagedTable> staged = warehouse.stage(computed.select());
        try {
            ExposedUnits exposed = staged.map(table -> computed.readFrom(table.table())).orElse(computed);
            Population population = PopulationQuery.read(experiment, warehouse.query(
                    PopulationQuery.summary(warehouse.dsl(), exposed), allocator, ArrowRows::read));
            SrmResult overall = srm(experiment, population.units());
            if (population.totalUnits() == 0) {
                return new HealthReport(experiment, HealthReport.Status.NO_UNITS, population, overall, List.of(), List.of());
            }
            List<HealthReport.Day> days = experiment.timed()
                    ? days(experiment, DailyPopulationQuery.read(experiment, warehouse.query(
                            DailyPopulationQuery.build(warehouse.dsl(), exposed), allocator, ArrowRows::read)))
                    : List.of();
            List<HealthReport.Segment> segments = new ArrayList<>();
            for (Dimension dimension : dimensions) {
                Map<String, Map<String, Long>> counts = PopulationQuery.readUnitCounts(warehouse.query(
                        PopulationQuery.unitCounts(warehouse.dsl(), exposed, List.of(dimension)), allocator, ArrowRows::read));
                counts.forEach((value, units) -> {
                    Map<String, Long> all = zeros(experiment);
                    all.putAll(units);
                    segments.add(new HealthReport.Segment(dimension.id(), value, all, srm(experiment, all)));
                });
            }
            return new HealthReport(experiment, HealthReport.Status.READY, population, overall, days, segments);
        } finally {
            staged.ifPresent(StagedTable::close);
        }
    }

    /** Every day from the first with a row to the last, a day without rows counting nothing. */
    private static List<HealthReport.Day> days(Experiment experiment, List<DailyPopulation> counted) {
        if (counted.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, DailyPopulation> byDate = new LinkedHashMap<>();
        counted.forEach(d -> byDate.put(d.date(), d));
        List<HealthReport.Day> days = new ArrayList<>();
        for (LocalDate date = counted.getFirst().date(); !date.isAfter(counted.getLast().date()); date = date.plusDays(1)) {
            DailyPopulation day = byDate.getOrDefault(date, new DailyPopulation(date, zeros(experiment), 0, 0));
            days.add(new HealthReport.Day(day, srm(experiment, day.units())));
        }
        return days;
    }

    private static Map<String, Long> zeros(Experiment experiment) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        experiment.variantNames().forEach(v -> zeros.put(v, 0L));
        return zeros;
    }

    /**
     * The sample-ratio check of {@code units}; with a single variant there is no split to test (χ²
     * and p are NaN, as with no units at all).
     */
    static SrmResult srm(Experiment experiment, Map<String, Long> units) {
        Map<String, Double> weights = ExperimentCheck.weights(experiment);
        return weights.size() < 2 ? new SrmResult(Double.NaN, Double.NaN, false, weights)
                : SampleRatioMismatch.check(units, weights);
    }
}
