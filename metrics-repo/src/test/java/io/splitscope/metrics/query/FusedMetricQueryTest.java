package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.Cap;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyAttributes;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.MomentColumns;
import io.splitscope.stats.arrow.VariantStatistics;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fused query on the hand-made warehouse of {@code src/test/resources/tiny}. Expected values
 * are worked out by hand: complete 7-day windows (first exposure <= 2026-03-04 00:00) are units 1,
 * 3, 9 (control) and 2 (treatment); 6 and 7 are incomplete. Unit 1: its 09:59:59 session precedes
 * the exposure (so it is pre-exposure), 10:00:00 and 03-08 09:59:59 count, 03-08 10:00:00 is the
 * window's open end -> 1800 + 3600 s with 1 rebuffer. Unit 3: 7200 s. Unit 9: nothing. Unit 2: 900 + 900 s.
 */
class FusedMetricQueryTest {

    private static final List<Metric> PLAYBACK_METRICS = List.of(StandardMetrics.STREAMING_HOURS,
            StandardMetrics.PLAYS_PER_MEMBER, StandardMetrics.ACTIVE_DAYS, StandardMetrics.PLAY_RATE,
            StandardMetrics.REBUFFER_RATE);
    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private static VariantStatistics statistics(boolean withCovariates) {
        return tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, PLAYBACK_METRICS, withCovariates, null), tiny.allocator, VariantStatistics::read);
    }

    @Test
    void aggregatesEachUnitsWindowIntoPerVariantMoments() {
        VariantStatistics statistics = statistics(false);

        assertThat(statistics.moments("streaming_hours", "control")).isEqualTo(new Moments(3, 1.5 + 2.0, 1.5 * 1.5 + 2.0 * 2.0));
        assertThat(statistics.moments("streaming_hours", "treatment")).isEqualTo(new Moments(1, 0.5, 0.25));
        assertThat(statistics.moments("plays_per_member", "control")).isEqualTo(new Moments(3, 2 + 1, 4 + 1));
        assertThat(statistics.moments("plays_per_member", "treatment")).isEqualTo(new Moments(1, 2, 4));
        // Unit 1 plays on 03-01 and 03-08, unit 3 on 03-05, unit 2 on 03-02 and 03-03.
        assertThat(statistics.moments("active_days", "control")).isEqualTo(new Moments(3, 2 + 1, 4 + 1));
        assertThat(statistics.moments("active_days", "treatment")).isEqualTo(new Moments(1, 2, 4));
        assertThat(statistics.moments("play_rate", "control")).isEqualTo(new Moments(3, 2, 2));
        assertThat(statistics.moments("play_rate", "treatment")).isEqualTo(new Moments(1, 1, 1));
    }

    @Test
    void computesTheSixSumsOfARatio() {
        // Rebuffers N and watch hours D per unit: unit 1 (1, 1.5), unit 3 (0, 2), unit 9 (0, 0); unit 2 (0, 0.5).
        RatioMoments control = statistics(false).ratioMoments("rebuffer_rate", "control");

        assertThat(control).isEqualTo(new RatioMoments(new Moments(3, 1, 1), new Moments(3, 3.5, 6.25), 1.5));
        assertThat(statistics(false).ratioMoments("rebuffer_rate", "treatment"))
                .isEqualTo(new RatioMoments(new Moments(1, 0, 0), new Moments(1, 0.5, 0.25), 0));
    }

    @Test
    void computesThePreExposureCovariateForCuped() {
        // The 14 days before first exposure: only unit 1's session at 09:59:59 (3600 s) -> x = (1, 0, 0) hours.
        CovariateMoments control = statistics(true).covariateMoments("streaming_hours", "control");

        assertThat(control).isEqualTo(new CovariateMoments(new Moments(3, 3.5, 6.25), new Moments(3, 1, 1), 1.5));
        assertThat(statistics(true).covariateMoments("play_rate", "treatment"))
                .isEqualTo(new CovariateMoments(new Moments(1, 1, 1), new Moments(1, 0, 0), 0));
    }

    @Test
    void slicesByAMemberDimensionWithUnitsWithoutAMembersRowAsUnknown() {
        // tiny/members.csv knows only unit 1 (device tv); units 3, 9 and 2 have no members row.
        Map<String, VariantStatistics> bySegment = tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, PLAYBACK_METRICS, false, List.of(StreamingPreset.DEVICE)),
                tiny.allocator, VariantStatistics::readBySegment);

        assertThat(bySegment).containsOnlyKeys("tv", "unknown");
        assertThat(bySegment.get("tv").moments("streaming_hours", "control")).isEqualTo(new Moments(1, 1.5, 2.25));
        assertThat(bySegment.get("tv").moments("streaming_hours", "treatment")).isEqualTo(new Moments(0, 0, 0));
        assertThat(bySegment.get("unknown").moments("streaming_hours", "control")).isEqualTo(new Moments(2, 2.0, 4.0));
        assertThat(bySegment.get("unknown").moments("streaming_hours", "treatment")).isEqualTo(new Moments(1, 0.5, 0.25));
    }

    @Test
    void winsorisesPerUnitValuesAtAbsoluteAndPooledPercentileCaps() {
        // Complete units' streaming hours: control 1.5, 2, 0; treatment 0.5. Capped at 1 h: 1, 1, 0 and 0.5.
        // The pooled median of (0, 0.5, 1.5, 2) is 1.0 (type 7), so the 50th-percentile cap gives the same.
        Metric absolute = capped(Cap.above(1.0));
        Metric percentile = capped(Cap.abovePercentile(0.5));
        VariantStatistics statistics = tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, List.of(absolute, percentile), false, null),
                tiny.allocator, VariantStatistics::read);

        for (Metric metric : List.of(absolute, percentile)) {
            assertThat(statistics.moments(metric.id(), "control")).as(metric.id()).isEqualTo(new Moments(3, 2, 2));
            assertThat(statistics.moments(metric.id(), "treatment")).as(metric.id()).isEqualTo(new Moments(1, 0.5, 0.25));
        }
    }

    @Test
    void winsorisesBothTailsAtPooledPercentilesAndReadsTheCapsBack() {
        // hand count, type 7 over the complete units' hours (0, 0.5, 1.5, 2): p25 = 0 + 0.75 * 0.5 = 0.375,
        // p75 = 1.5 + 0.25 * 0.5 = 1.625; control 1.5, 2, 0 -> 1.5, 1.625, 0.375; treatment 0.5 stays.
        Metric twoTailed = capped(new Cap.Percentile(0.25, 0.75));
        VariantStatistics statistics = statistics(List.of(twoTailed, StandardMetrics.STREAMING_HOURS), List.of());

        assertThat(statistics.moments(twoTailed.id(), "control"))
                .isEqualTo(new Moments(3, 1.5 + 1.625 + 0.375, 1.5 * 1.5 + 1.625 * 1.625 + 0.375 * 0.375));
        assertThat(statistics.moments(twoTailed.id(), "treatment")).isEqualTo(new Moments(1, 0.5, 0.25));
        assertThat(statistics.pooled(MomentColumns.capLower(twoTailed.id()))).isEqualTo(0.375);
        assertThat(statistics.pooled(MomentColumns.capUpper(twoTailed.id()))).isEqualTo(1.625);
        assertThat(statistics.pooled(MomentColumns.capLower(StandardMetrics.STREAMING_HOURS.id()))).isNull();
    }

    @Test
    void dropsTheUnitsAUnitFilterFailsFromThatMetricOnlyAndCountsThem() {
        // hand count (TinyAttributes, country = 'DE'): complete control units 1 (DE, 1.5 h) and 3 (DE, 2 h)
        // pass, 9 has no attributes row (NULL fails); treatment 2 is FR; incomplete 6 is DE, 7 has no row.
        Metric german = filtered(TinyAttributes.GERMANY, null);
        VariantStatistics statistics = statistics(List.of(german, StandardMetrics.STREAMING_HOURS), List.of());

        assertThat(statistics.moments(german.id(), "control")).isEqualTo(new Moments(2, 3.5, 6.25));
        assertThat(statistics.moments(german.id(), "treatment")).isEqualTo(new Moments(0, 0, 0));
        assertThat(statistics.filteredOut(german.id(), "control")).isEqualTo(1);
        assertThat(statistics.filteredOut(german.id(), "treatment")).isEqualTo(2);
        // the unfiltered metric of the same scan keeps every unit
        assertThat(statistics.moments("streaming_hours", "control")).isEqualTo(new Moments(3, 3.5, 6.25));
        assertThat(statistics.filteredOut("streaming_hours", "control")).isZero();
    }

    @Test
    void computesPercentileCapsOverTheUnitsTheFilterKeeps() {
        // the German complete units' hours 1.5 and 2: median 1.75 (type 7), so 2 -> 1.75
        Metric german = filtered(TinyAttributes.GERMANY, Cap.abovePercentile(0.5));
        VariantStatistics statistics = statistics(List.of(german), List.of());

        assertThat(statistics.moments(german.id(), "control")).isEqualTo(new Moments(2, 3.25, 1.5 * 1.5 + 1.75 * 1.75));
        assertThat(statistics.pooled(MomentColumns.capUpper(german.id()))).isEqualTo(1.75);
    }

    @Test
    void keepsOnlyUnitsWithoutAnAttributeForAnIsNullFilter() {
        // country is null: control unit 9 (0 h); treatment unit 7 has no row but is incomplete
        Metric unknown = filtered(new UnitFilter("country is null", TinyAttributes.COUNTRY.attribute().isNull(),
                List.of(TinyAttributes.COUNTRY)), null);
        VariantStatistics statistics = statistics(List.of(unknown), List.of());

        assertThat(statistics.moments(unknown.id(), "control")).isEqualTo(new Moments(1, 0, 0));
        assertThat(statistics.moments(unknown.id(), "treatment")).isEqualTo(new Moments(0, 0, 0));
        assertThat(statistics.filteredOut(unknown.id(), "treatment")).isEqualTo(2);
    }

    @Test
    void filtersAndSegmentsByTwoDimensionsInOneQuery() {
        // by country × device, country = 'DE': control 1 (DE × mobile, 1.5 h), 3 (DE × tv, 2 h)
        Metric german = filtered(TinyAttributes.GERMANY, null);
        Map<String, VariantStatistics> bySegment = tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, List.of(german), false,
                List.of(TinyAttributes.COUNTRY, TinyAttributes.DEVICE)), tiny.allocator, VariantStatistics::readBySegment);

        assertThat(bySegment.get("DE × mobile").moments(german.id(), "control")).isEqualTo(new Moments(1, 1.5, 2.25));
        assertThat(bySegment.get("DE × tv").moments(german.id(), "control")).isEqualTo(new Moments(1, 2, 4));
        assertThat(bySegment.get("FR × mobile").moments(german.id(), "treatment")).isEqualTo(new Moments(0, 0, 0));
        assertThat(bySegment.get("FR × mobile").filteredOut(german.id(), "treatment")).isEqualTo(1);
    }

    private static VariantStatistics statistics(List<Metric> metrics, List<io.splitscope.metrics.Dimension> segmentBy) {
        return tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, metrics, false, segmentBy), tiny.allocator, VariantStatistics::read);
    }

    private static Metric filtered(UnitFilter filter, Cap cap) {
        Metric hours = StandardMetrics.STREAMING_HOURS;
        return Metric.define(hours.id() + "_de").title(hours.title()).description(hours.description()).from(hours.source())
                .mean(((io.splitscope.metrics.Measure.Mean) hours.measure()).value()).window(hours.window())
                .higherIsBetter().capped(cap).unitFilter(filter).build();
    }

    private static Metric capped(Cap cap) {
        Metric hours = StandardMetrics.STREAMING_HOURS;
        return Metric.define(hours.id() + (cap instanceof Cap.Absolute ? "_capped" : "_p50_capped"))
                .title(hours.title()).description(hours.description()).from(hours.source())
                .mean(((io.splitscope.metrics.Measure.Mean) hours.measure()).value()).window(hours.window())
                .higherIsBetter().capped(cap).build();
    }

    @Test
    void computesAllMetricsOfASourceInOneScanOfIt() {
        String sql = DSL.using(SQLDialect.DUCKDB).renderInlined(FusedMetricQuery.build(DSL.using(SQLDialect.DUCKDB),
                ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, PLAYBACK_METRICS, true, null));

        assertThat(sql.split("\"playback\"", -1)).hasSize(2);
    }

    @Test
    void refusesAMetricOfAnotherSource() {
        Metric other = Metric.define("elsewhere").title("Elsewhere").description("Any payment.")
                .from(StreamingPreset.PAYMENTS).proportionWithAnyEvent().window(Window.days(7)).higherIsBetter().build();

        assertThatThrownBy(() -> FusedMetricQuery.build(DSL.using(SQLDialect.DUCKDB), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, List.of(other), false, null))
                .hasMessage("metric elsewhere reads payments, not playback");
    }

    @Test
    void bringsAQuantilesEventsAsListsInTheSameScanOnDuckDb() {
        // The events UnitEventsQueryTest works out: control units 1 (1200, 1300), 3 (900), 9 (none);
        // treatment unit 2 (700, 800), sorted within each unit.
        List<Metric> metrics = new java.util.ArrayList<>(PLAYBACK_METRICS);
        metrics.add(StandardMetrics.STARTUP_MS_P50);
        var query = FusedMetricQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, metrics,
                false, null);
        VariantStatistics statistics = tiny.warehouse.query(query, tiny.allocator, VariantStatistics::read);

        ClusteredValues control = statistics.events("startup_ms_p50", "control");
        assertThat(control.values()).containsExactly(1200, 1300, 900);
        assertThat(control.unitOffsets()).containsExactly(0, 2, 3, 3);
        ClusteredValues treatment = statistics.events("startup_ms_p50", "treatment");
        assertThat(treatment.values()).containsExactly(700, 800);
        assertThat(treatment.unitOffsets()).containsExactly(0, 2);
        assertThat(statistics.moments("streaming_hours", "control")).isEqualTo(new Moments(3, 1.5 + 2.0, 1.5 * 1.5 + 2.0 * 2.0));
        assertThat(tiny.warehouse.dsl().renderInlined(query).split("\"playback\"", -1)).hasSize(2);
    }

    @Test
    void slicesAQuantilesEventsBySegment() {
        // Unit 1 (tv) alone in its segment; 3 and 9 (control) and 2 (treatment) unknown.
        Map<String, VariantStatistics> bySegment = tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, List.of(StandardMetrics.STARTUP_MS_P50), false,
                List.of(StreamingPreset.DEVICE)), tiny.allocator, VariantStatistics::readBySegment);

        assertThat(bySegment.get("tv").events("startup_ms_p50", "control").values()).containsExactly(1200, 1300);
        assertThat(bySegment.get("tv").events("startup_ms_p50", "treatment").unitOffsets()).containsExactly(0);
        assertThat(bySegment.get("unknown").events("startup_ms_p50", "control").unitOffsets()).containsExactly(0, 1, 1);
    }

    @Test
    void refusesEventListsThatDisagreeWithTheirCounts() {
        VariantStatistics statistics = tiny.warehouse.query(tiny.warehouse.dsl().resultQuery(
                "select 'all' as segment, 'control' as variant, [1.0::double, 2.0] as q__events, [1::bigint] as q__unit_events"),
                tiny.allocator, VariantStatistics::read);

        assertThatThrownBy(() -> statistics.events("q", "control"))
                .hasMessage("sufficient statistics: q__unit_events counts 1 events, q__events holds 2");
        assertThatThrownBy(() -> statistics.events("other", "control"))
                .hasMessage("sufficient statistics: column other__events is missing");
    }

    @Test
    void leavesQuantilesToTheEventLevelQueryOnServers() {
        assertThatThrownBy(() -> FusedMetricQuery.build(DSL.using(SQLDialect.POSTGRES), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, List.of(StandardMetrics.STARTUP_MS_P50), false, null))
                .hasMessage("metric startup_ms_p50 is a quantile: on postgres its events come from UnitEventsQuery");
    }
}
