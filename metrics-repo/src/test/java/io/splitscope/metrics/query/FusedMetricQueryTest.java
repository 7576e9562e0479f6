package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.EventSource;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.catalog.StandardMetrics;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.Moments;
import io.splitscope.stats.arrow.MomentsReader;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusedMetricQueryTest {

    private static final List<Metric> PLAYBACK_METRICS =
            List.of(StandardMetrics.STREAMING_HOURS, StandardMetrics.PLAYS_PER_MEMBER, StandardMetrics.PLAY_RATE);
    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private static Map<String, Map<String, Moments>> moments(Experiment experiment) {
        List<String> ids = PLAYBACK_METRICS.stream().map(Metric::id).toList();
        return tiny.warehouse.query(
                FusedMetricQuery.build(tiny.warehouse.dsl(), experiment, EventSource.PLAYBACK, PLAYBACK_METRICS),
                tiny.allocator, reader -> MomentsReader.read(reader, ids, List.of("control", "treatment")));
    }

    @Test
    void aggregatesEachUnitsWindowIntoPerVariantMoments() {
        // By hand from tiny/: complete 7-day windows (first exposure <= 2026-03-04 00:00) are units 1, 3, 9
        // (control) and 2 (treatment); 6 and 7 are incomplete. Unit 1: its 09:59:59 session precedes the
        // exposure, 10:00:00 and 03-08 09:59:59 count, 03-08 10:00:00 is the window's open end -> 1800 + 3600 s.
        // Unit 3: 7200 s. Unit 9: nothing -> 0. Unit 2: 900 + 900 s.
        Map<String, Map<String, Moments>> moments = moments(tiny.experiment("exp_t"));

        assertThat(moments.get("streaming_hours")).containsExactly(
                Map.entry("control", new Moments(3, 1.5 + 2.0 + 0.0, 1.5 * 1.5 + 2.0 * 2.0)),
                Map.entry("treatment", new Moments(1, 0.5, 0.25)));
        assertThat(moments.get("plays_per_member")).containsExactly(
                Map.entry("control", new Moments(3, 2 + 1 + 0, 4 + 1)),
                Map.entry("treatment", new Moments(1, 2, 4)));
        assertThat(moments.get("play_rate")).containsExactly(
                Map.entry("control", new Moments(3, 2, 2)),
                Map.entry("treatment", new Moments(1, 1, 1)));
    }

    @Test
    void computesAllMetricsOfASourceInOneScanOfIt() {
        String sql = DSL.using(SQLDialect.DUCKDB).renderInlined(FusedMetricQuery.build(DSL.using(SQLDialect.DUCKDB),
                tiny.experiment("exp_t"), EventSource.PLAYBACK, PLAYBACK_METRICS));

        assertThat(sql.split("\"playback\"", -1)).hasSize(2);
    }

    @Test
    void refusesAMetricOfAnotherSource() {
        Metric other = new Metric("elsewhere", "Elsewhere", "x", StandardMetrics.PLAY_RATE.type(),
                new EventSource("payments", io.splitscope.sql.WarehouseSchema.PAYMENTS, io.splitscope.sql.WarehouseSchema.PAID_AT),
                StandardMetrics.PLAY_RATE.value(), StandardMetrics.PLAY_RATE.window(), StandardMetrics.PLAY_RATE.direction());

        assertThatThrownBy(() -> FusedMetricQuery.build(DSL.using(SQLDialect.DUCKDB), tiny.experiment("exp_t"),
                EventSource.PLAYBACK, List.of(other)))
                .hasMessage("metric elsewhere reads payments, not playback");
    }
}
