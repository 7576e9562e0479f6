package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.Moments;
import io.splitscope.stats.arrow.VariantStatistics;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * Cumulative series of streaming_hours on the hand-made warehouse of {@code src/test/resources/tiny}
 * (analysis end 2026-03-11 00:00). Units: control 1 (first exposed 03-01 10:00), 3 (03-03 12:00),
 * 9 (03-04 00:00); treatment 2 (03-02 00:00), 6 (03-05 00:00), 7 (03-08 08:00). Expected values by hand.
 */
class SeriesQueryTest {

    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private static Map<String, VariantStatistics> series(SeriesAxis axis) {
        return tiny.warehouse.query(SeriesQuery.build(tiny.warehouse.dsl(), tiny.experiment("exp_t"),
                StandardMetrics.STREAMING_HOURS, axis), tiny.allocator, r -> VariantStatistics.readBySlice(r, SeriesQuery.STEP));
    }

    @Test
    void byDaysSinceExposureCutsEachUnitsWindowAfterKDays() {
        Map<String, VariantStatistics> series = series(SeriesAxis.DAYS_SINCE_EXPOSURE);

        assertThat(series).containsOnlyKeys("1", "2", "3", "4", "5", "6", "7");
        // k = 1: everyone's first day has elapsed; unit 1 watched 1800 s, unit 2 900 s (its 03-03 00:00 session is day 2).
        assertThat(series.get("1").moments("streaming_hours", "control")).isEqualTo(new Moments(3, 0.5, 0.25));
        assertThat(series.get("1").moments("streaming_hours", "treatment")).isEqualTo(new Moments(3, 0.25, 0.0625));
        // k = 3: unit 7 drops out (03-08 08:00 + 3 d > 03-11); unit 3's 03-05 session (2 h) and unit 6's 03-06 one (1 h) count.
        assertThat(series.get("3").moments("streaming_hours", "control")).isEqualTo(new Moments(3, 2.5, 4.25));
        assertThat(series.get("3").moments("streaming_hours", "treatment")).isEqualTo(new Moments(2, 1.5, 1.25));
        // k = 7: the metric itself (complete 7-day windows only).
        assertThat(series.get("7").moments("streaming_hours", "control")).isEqualTo(new Moments(3, 3.5, 6.25));
        assertThat(series.get("7").moments("streaming_hours", "treatment")).isEqualTo(new Moments(1, 0.5, 0.25));
    }

    @Test
    void byCalendarDateShowsTheResultsAsTheyStoodEachDay() {
        Map<String, VariantStatistics> series = series(SeriesAxis.CALENDAR_DATE);

        assertThat(series).hasSize(10);
        // Day 0 (2026-03-01): only unit 1 is exposed, with 1800 s by midnight; no treatment unit yet.
        assertThat(series.get("0").moments("streaming_hours", "control")).isEqualTo(new Moments(1, 0.5, 0.25));
        assertThat(series.get("0").moments("streaming_hours", "treatment")).isEqualTo(new Moments(0, 0, 0));
        // Day 9 (2026-03-10): every unit, with its window's events up to the end of the analysis.
        assertThat(series.get("9").moments("streaming_hours", "control")).isEqualTo(new Moments(3, 3.5, 6.25));
        assertThat(series.get("9").moments("streaming_hours", "treatment")).isEqualTo(new Moments(3, 1.5, 1.25));
    }

    @Test
    void withEligibilityAllEveryUnitCountsAtEveryStep() {
        Metric everyUnit = Metric.define("hours_all").title("Hours").description("Streaming hours of every unit.")
                .from(StreamingPreset.PLAYBACK).mean(UnitValue.sum(StreamingPreset.PLAYBACK.column("watch_seconds", SQLDataType.DOUBLE)
                        .div(3600.0))).window(Window.days(7)).eligibility(Eligibility.ALL).higherIsBetter().build();

        Map<String, VariantStatistics> series = tiny.warehouse.query(SeriesQuery.build(tiny.warehouse.dsl(),
                tiny.experiment("exp_t"), everyUnit, SeriesAxis.DAYS_SINCE_EXPOSURE), tiny.allocator,
                r -> VariantStatistics.readBySlice(r, SeriesQuery.STEP));

        // Hand count: unit 7 (03-08 08:00, no rows) stays in at k = 3 and 7 with 0; units 2 (0.5 h) and 6
        // (1 h on 03-06, before the analysis end although its 7 days are not over) as before.
        assertThat(series.get("3").moments("hours_all", "treatment")).isEqualTo(new Moments(3, 1.5, 1.25));
        assertThat(series.get("7").moments("hours_all", "treatment")).isEqualTo(new Moments(3, 1.5, 1.25));
        assertThat(series.get("7").moments("hours_all", "control")).isEqualTo(new Moments(3, 3.5, 6.25));
    }

    @Test
    void isNotForFunnelStepsNorActiveDayShares() {
        Metric funnelStep = MetricTypesReference.ROWS.stream().filter(m -> m.id().equals("checkout.step2")).findFirst().orElseThrow();
        Metric share = MetricTypesReference.ROWS.stream().filter(m -> m.id().equals("active_share")).findFirst().orElseThrow();

        assertThatThrownBy(() -> SeriesQuery.build(tiny.warehouse.dsl(), MetricTypesReference.EXPERIMENT, funnelStep,
                SeriesAxis.DAYS_SINCE_EXPOSURE))
                .hasMessage("metric checkout.step2 has no day-by-day series: it is a funnel's row; series follow mean and proportion metrics over whole days, on all exposed units");
        assertThatThrownBy(() -> SeriesQuery.build(tiny.warehouse.dsl(), MetricTypesReference.EXPERIMENT, share,
                SeriesAxis.CALENDAR_DATE))
                .hasMessage("metric active_share has no day-by-day series: it is an active-day share; series follow mean and proportion metrics over whole days, on all exposed units");
    }

    @Test
    void isForMeanAndProportionMetrics() {
        assertThatThrownBy(() -> SeriesQuery.build(tiny.warehouse.dsl(), tiny.experiment("exp_t"),
                StandardMetrics.REBUFFER_RATE, SeriesAxis.CALENDAR_DATE))
                .hasMessage("metric rebuffer_rate has no day-by-day series: it is a ratio metric; series follow mean and proportion metrics over whole days, on all exposed units");
    }
}
