package io.splitscope.metrics.query;

import io.splitscope.metrics.population.DailyPopulationQuery;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.Cap;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyAttributes;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The queries whose SQL is checked in per dialect, under {@code src/test/resources/sql/DIALECT/NAME.sql},
 * for a fixed example experiment: the tiny warehouse's {@code exp_t} (so that the DuckDB files run
 * against {@code src/test/resources/tiny} with answers worked out by hand). Shared by
 * {@link GoldenSqlTest} and the PostgreSQL integration test.
 */
enum GoldenSql {

    /** (a) the population summary. */
    POPULATION(dsl -> PopulationQuery.summary(dsl, Example.EXPERIMENT)),
    /** (b) the fused playback query. */
    PLAYBACK(dsl -> FusedMetricQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StreamingPreset.PLAYBACK, Example.PLAYBACK_METRICS, false, null)),
    /** (b) the fused playback query with the CUPED covariates. */
    PLAYBACK_CUPED(dsl -> FusedMetricQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StreamingPreset.PLAYBACK, Example.PLAYBACK_METRICS, true, null)),
    /** (c) the fused payments query. */
    PAYMENTS(dsl -> FusedMetricQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StreamingPreset.PAYMENTS,
            List.of(StandardMetrics.REVENUE_PER_MEMBER), false, null)),
    /** (d) the event-level query of the startup-time quantiles. */
    STARTUP_MS_EVENTS(dsl -> UnitEventsQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StandardMetrics.STARTUP_MS_P50, null)),
    /** A mean capped at its pooled median: the exact percentile, which jOOQ cannot render for Trino. */
    PLAYBACK_CAPPED(dsl -> FusedMetricQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StreamingPreset.PLAYBACK,
            List.of(Example.CAPPED_HOURS), false, null)),
    /**
     * A mean with a unit filter and two-tailed pooled percentile caps, segmented by two dimensions:
     * the unit attributes joined per unit, the caps read back.
     */
    PLAYBACK_FILTERED_BY_TWO(dsl -> FusedMetricQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT), StreamingPreset.PLAYBACK,
            List.of(Example.GERMAN_HOURS), false, List.of(TinyAttributes.COUNTRY, TinyAttributes.DEVICE))),
    /** A series by days since exposure: a VALUES table and day arithmetic with a column. */
    STREAMING_HOURS_SERIES(dsl -> SeriesQuery.build(dsl, Example.EXPERIMENT, StandardMetrics.STREAMING_HOURS,
            SeriesAxis.DAYS_SINCE_EXPOSURE)),
    /** The population day by day: days of timestamps, a union with the invalid rows of each day. */
    DAILY_POPULATION(dsl -> DailyPopulationQuery.build(dsl, ExposedUnits.of(Example.EXPERIMENT)));

    /** The example experiment: the tiny warehouse's exp_t. */
    static final Experiment EXPERIMENT = Example.EXPERIMENT;

    /** Set to true to rewrite the checked-in files from the current builders. */
    static final String REGENERATE = "splitscope.sql.regenerate";

    private final Function<DSLContext, ResultQuery<?>> query;

    GoldenSql(Function<DSLContext, ResultQuery<?>> query) {
        this.query = query;
    }

    /** {@code playback-cuped}. */
    String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".sql";
    }

    /** The query rendered for {@code dialect} as the engine runs it, formatted for reading. */
    String render(SQLDialect dialect) {
        DSLContext dsl = DSL.using(Dialects.configuration(dialect).derive(new Settings().withRenderFormatted(true)));
        return dsl.renderInlined(query.apply(dsl)) + "\n";
    }

    /** Where the checked-in file lives in the source tree. */
    Path file(SQLDialect dialect) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/sql")
                .resolve(Dialects.nameOf(dialect)).resolve(fileName());
    }

    /** The checked-in SQL, or null when the file does not exist yet. */
    String checkedIn(SQLDialect dialect) {
        Path file = file(dialect);
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(SQLDialect dialect) {
        Path file = file(dialect);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(dialect));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checked-in file as a query a warehouse can run (plain SQL, nothing to bind). */
    ResultQuery<?> checkedInQuery(SQLDialect dialect) {
        return DSL.using(dialect).resultQuery(checkedIn(dialect));
    }

    /** The example the queries are rendered for (a holder: enum constants cannot refer to the enum's fields). */
    private static final class Example {
        /** The tiny warehouse's exp_t, as its experiments and variants tables describe it. */
        static final Experiment EXPERIMENT = new Experiment("exp_t", "Tiny test", null, "team", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 10), "control", List.of(new VariantWeight("control", 0.5), new VariantWeight("treatment", 0.5)),
                StreamingPreset.ASSIGNMENT, null, List.of());
        static final List<Metric> PLAYBACK_METRICS = List.of(StandardMetrics.STREAMING_HOURS, StandardMetrics.PLAYS_PER_MEMBER,
                StandardMetrics.ACTIVE_DAYS, StandardMetrics.PLAY_RATE, StandardMetrics.REBUFFER_RATE);
        static final Metric CAPPED_HOURS = Metric.define("capped_hours").title("Capped streaming hours")
                .description("Streaming hours capped at the pooled median.").from(StreamingPreset.PLAYBACK)
                .mean(UnitValue.sum(StreamingPreset.PLAYBACK.column(WarehouseSchema.WATCH_SECONDS).div(3600.0)))
                .capped(Cap.abovePercentile(0.5)).window(Window.days(7)).higherIsBetter().build();
        static final Metric GERMAN_HOURS = Metric.define("german_hours").title("Streaming hours in Germany")
                .description("Streaming hours of German units, capped at the pooled 25th and 75th percentiles.")
                .from(StreamingPreset.PLAYBACK)
                .mean(UnitValue.sum(StreamingPreset.PLAYBACK.column(WarehouseSchema.WATCH_SECONDS).div(3600.0)))
                .capped(new Cap.Percentile(0.25, 0.75)).unitFilter(TinyAttributes.GERMANY).window(Window.days(7))
                .higherIsBetter().build();
    }

    /**
     * The rows of the checked-in file of {@code dialect} on {@code warehouse}, sorted unless the
     * query orders them itself. Whole numbers compare as longs: the JDBC engines widen them all to
     * BIGINT, DuckDB keeps an INTEGER expression (a series' step).
     */
    List<Map<String, Object>> rowsOn(Warehouse warehouse, SQLDialect dialect, BufferAllocator allocator) {
        List<Map<String, Object>> rows = warehouse.query(checkedInQuery(dialect), allocator, ArrowRows::read).stream()
                .map(row -> {
                    Map<String, Object> values = new TreeMap<>();
                    row.values().forEach((column, value) -> values.put(column, value instanceof Integer i ? Long.valueOf(i) : value));
                    return values;
                }).toList();
        return this == STARTUP_MS_EVENTS ? rows : rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
