package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyAttributes;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.arrow.UnitEventsReader;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event-level query on the hand-made warehouse of {@code src/test/resources/tiny}. */
class UnitEventsQueryTest {

    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    @Test
    void returnsTheWindowsEventsClusteredByUnitWithEmptyUnitsKept() {
        // Complete units in unit order: control 1 (startup 1200, 1300 in its window), 3 (900), 9 (no
        // session: an empty cluster); treatment 2 (800, 700). Units 6 and 7 are incomplete.
        Map<String, ClusteredValues> events = tiny.warehouse.query(UnitEventsQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), StandardMetrics.STARTUP_MS_P50, null), tiny.allocator, UnitEventsReader::read);

        ClusteredValues control = events.get("control");
        assertThat(control.unitOffsets()).containsExactly(0, 2, 3, 3);
        assertThat(control.values()).containsExactlyInAnyOrder(1200, 1300, 900);
        assertThat(control.values()[2]).isEqualTo(900);
        assertThat(events.get("treatment").unitOffsets()).containsExactly(0, 2);
        assertThat(events.get("treatment").values()).containsExactlyInAnyOrder(800, 700);
    }

    @Test
    void withEligibilityAllKeepsTheUnitsWhoseWindowHasNotElapsed() {
        // Treatment 2 (800, 700), 6 (1000 on 03-06, before the analysis end) and 7 (no session): hand count.
        Map<String, ClusteredValues> events = tiny.warehouse.query(UnitEventsQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), everyUnit(), null), tiny.allocator, UnitEventsReader::read);

        assertThat(events.get("treatment").unitOffsets()).containsExactly(0, 2, 3, 3);
        assertThat(events.get("treatment").values()).containsExactlyInAnyOrder(800, 700, 1000);
    }

    @Test
    void leavesOutTheUnitsAUnitFilterFails() {
        // country = 'DE' (TinyAttributes): control 1 (1200, 1300) and 3 (900) pass, 9 has no row; treatment 2 is FR
        Metric p50 = StandardMetrics.STARTUP_MS_P50;
        Metric german = Metric.define("startup_ms_p50_de").title(p50.title()).description(p50.description())
                .from(p50.source()).quantile(((Measure.Quantile) p50.measure()).eventValue(), 0.5).window(p50.window())
                .lowerIsBetter().unitFilter(TinyAttributes.GERMANY).build();
        Map<String, ClusteredValues> events = tiny.warehouse.query(UnitEventsQuery.build(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), german, null), tiny.allocator, UnitEventsReader::read);

        assertThat(events.get("control").unitOffsets()).containsExactly(0, 2, 3);
        assertThat(events.get("control").values()).containsExactly(1200, 1300, 900);
        assertThat(events).doesNotContainKey("treatment");
        assertThat(UnitEventsQuery.sameEvents(p50, german)).isFalse();
    }

    @Test
    void sharesOneQueryBetweenQuantilesOfTheSameEvents() {
        assertThat(UnitEventsQuery.sameEvents(StandardMetrics.STARTUP_MS_P50, StandardMetrics.STARTUP_MS_P90)).isTrue();
        assertThat(UnitEventsQuery.sameEvents(StandardMetrics.STARTUP_MS_P50, StandardMetrics.STREAMING_HOURS)).isFalse();
        assertThat(UnitEventsQuery.sameEvents(StandardMetrics.STARTUP_MS_P50, everyUnit())).isFalse();
    }

    /** The median startup time of every exposed unit. */
    private static Metric everyUnit() {
        Metric median = StandardMetrics.STARTUP_MS_P50;
        return new Metric("startup_all", median.title(), median.description(), median.source(), median.measure(),
                median.window(), median.direction(), median.guardrail(), median.filter(), null, null, null, Eligibility.ALL, null, null);
    }
}
