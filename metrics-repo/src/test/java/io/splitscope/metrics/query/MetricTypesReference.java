package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure.Funnel.Step;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.arrow.VariantStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The hand-made warehouse of {@code src/test/resources/types} (see its README) and the metrics of
 * every type over it, defined with the Java API as {@code reference.R} defines them in base R. The
 * fused query of the one source must give the per-variant sums of {@code expected.csv}, which
 * {@code reference.R} writes: on DuckDB ({@link MetricTypesReferenceTest}), PostgreSQL and Trino
 * ({@link MetricTypesOnAServer}).
 */
final class MetricTypesReference {

    /** The warehouse's tables, with their column types. */
    static final List<TableSpec> TABLES = List.of(
            new TableSpec("exposures", List.of(column("unit_id", SQLDataType.VARCHAR), column("variant", SQLDataType.VARCHAR),
                    column("exposed_at", SQLDataType.LOCALDATETIME))),
            new TableSpec("events", List.of(column("unit_id", SQLDataType.VARCHAR), column("event_at", SQLDataType.LOCALDATETIME),
                    column("event", SQLDataType.VARCHAR), column("item", SQLDataType.VARCHAR), column("amount", SQLDataType.DOUBLE))));

    static final Source EVENTS = Source.table("events", "events").unit("unit_id").timestamp("event_at");
    private static final Field<String> EVENT = EVENTS.column("event", SQLDataType.VARCHAR);
    private static final Field<String> ITEM = EVENTS.column("item", SQLDataType.VARCHAR);
    private static final Field<Double> AMOUNT = EVENTS.column("amount", SQLDataType.DOUBLE);

    /** 2026-03-01 to 2026-03-10: the analysis ends at 2026-03-11 00:00, as in reference.R. */
    static final Experiment EXPERIMENT = new Experiment("exp_types", "Metric types", null, "team", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 10), "control", List.of(new VariantWeight("control", 0.5), new VariantWeight("treatment", 0.5)),
            new Assignment("exposures", Source.table("exposures", "exposures").unit("unit_id").timestamp("exposed_at"),
                    null, "variant"), null, List.of());

    /** The metrics of reference.R, in its order; the two funnels expand to their rows. */
    static final List<Metric> METRICS = List.of(
            define("retention_d7").retention(Duration.ofDays(7), Duration.ofDays(8)).build(),
            define("retention_d7_all").retention(Duration.ofDays(7), Duration.ofDays(8)).eligibility(Eligibility.ALL).build(),
            define("retention_12_36h").retention(Duration.ofHours(12), Duration.ofHours(36)).build(),
            define("conversion_24h").conversionWithin(Duration.ofHours(24)).where(EVENT.eq("checkout")).build(),
            define("revenue_36h").mean(UnitValue.sum(AMOUNT)).window(Window.hours(36)).build(),
            define("checkout").funnel(step("browse"), step("cart"), step("checkout")).window(Window.days(3)).build(),
            define("quick").funnel(step("cart"), step("checkout")).window(Window.hours(24)).eligibility(Eligibility.ALL).build(),
            define("items").countDistinct(ITEM).window(Window.days(7)).build(),
            define("items_approx").countDistinctApproximately(ITEM).window(Window.days(7)).build(),
            define("active_days").activeDays().window(Window.days(7)).build(),
            define("active_share").activeDayShare().window(Window.days(7)).build(),
            define("active_share_all").activeDayShare().window(Window.days(7)).eligibility(Eligibility.ALL).build(),
            define("big_spender").threshold(UnitValue.sum(AMOUNT), 50).window(Window.days(7)).build());

    /** The scorecard rows of {@link #METRICS}: what the fused query computes. */
    static final List<Metric> ROWS = METRICS.stream().flatMap(metric -> metric.scorecardMetrics().stream()).toList();

    private MetricTypesReference() {
    }

    /** The folder of the CSV files, reference.R and expected.csv. */
    static Path folder() {
        try {
            return Path.of(MetricTypesReference.class.getResource("/types").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fused query of every row over the one source, with CUPED covariates, on {@code warehouse}. */
    static VariantStatistics statistics(Warehouse warehouse, BufferAllocator allocator) {
        return warehouse.query(FusedMetricQuery.build(warehouse.dsl(), ExposedUnits.of(EXPERIMENT), EVENTS, ROWS, true, null),
                allocator, VariantStatistics::read);
    }

    /** Every statistic of expected.csv (R 4.2, reference.R) equals the query's, to rounding. */
    static void assertMatchesTheReference(VariantStatistics statistics) {
        Map<String, Map<String, Double>> expected = expected(folder().resolve("expected.csv"));
        assertThat(expected.keySet().stream().map(key -> key.split(" ")[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(ROWS.stream().map(Metric::id).toList());
        expected.forEach((key, values) -> {
            String[] metricAndVariant = key.split(" ");
            Map<String, Double> actual = actual(statistics, metricAndVariant[0], metricAndVariant[1], values);
            assertThat(actual.keySet()).as(key).isEqualTo(values.keySet());
            values.forEach((statistic, value) ->
                    assertThat(actual.get(statistic)).as(key + " " + statistic).isCloseTo(value, within(1e-9)));
        });
    }

    /** {@code "metric variant"} → statistic → value, from a file that reference.R wrote. */
    static Map<String, Map<String, Double>> expected(Path file) {
        try {
            Map<String, Map<String, Double>> expected = new TreeMap<>();
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                expected.computeIfAbsent(cells[0] + " " + cells[1], key -> new TreeMap<>()).put(cells[2], Double.parseDouble(cells[3]));
            }
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> actual(VariantStatistics statistics, String metric, String variant,
                                              Map<String, Double> expected) {
        Map<String, Double> actual = new TreeMap<>();
        if (expected.containsKey("numerator_sum")) {
            RatioMoments ratio = statistics.ratioMoments(metric, variant);
            actual.put("n", (double) ratio.n());
            actual.put("numerator_sum", ratio.numerator().sum());
            actual.put("numerator_sum_squares", ratio.numerator().sumSquares());
            actual.put("denominator_sum", ratio.denominator().sum());
            actual.put("denominator_sum_squares", ratio.denominator().sumSquares());
            actual.put("numerator_denominator_sum", ratio.sumProduct());
            return actual;
        }
        CovariateMoments moments = statistics.covariateMoments(metric, variant);
        Moments y = moments.y();
        actual.put("n", (double) y.n());
        actual.put("sum", y.sum());
        actual.put("sum_squares", y.sumSquares());
        actual.put("covariate_sum", moments.x().sum());
        actual.put("covariate_sum_squares", moments.x().sumSquares());
        actual.put("sum_product", moments.sumProduct());
        return actual;
    }

    private static Metric.Builder define(String id) {
        return Metric.define(id).title(id).description("A metric of the types reference.").from(EVENTS).higherIsBetter();
    }

    private static Step step(String event) {
        return Step.of(event, EVENT.eq(event));
    }

    private static <T> Field<T> column(String name, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name(name), type);
    }
}
