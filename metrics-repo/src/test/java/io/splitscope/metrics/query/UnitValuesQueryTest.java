package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.TinyAttributes;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.stats.arrow.UnitValuesReader;
import io.splitscope.stats.arrow.UnitValuesReader.UnitData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unit-level values on the hand-made warehouse of {@code src/test/resources/tiny} (see FusedMetricQueryTest). */
class UnitValuesQueryTest {

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
    void givesEachCompleteUnitsValueAndCovariateInUnitOrder() {
        UnitData data = tiny.warehouse.query(UnitValuesQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, List.of(StandardMetrics.STREAMING_HOURS), true, null), tiny.allocator,
                reader -> UnitValuesReader.read(reader, List.of("streaming_hours"), true));

        // Control units 1, 3, 9 watched 1.5, 2 and 0 hours in their windows; only unit 1 watched (1 h) before
        // exposure. Treatment: unit 2 (0.5 h); units 6 and 7 are still in their windows and left out.
        var control = data.unitCovariateValues(PopulationQuery.ALL, "control", "streaming_hours");
        assertThat(control.y()).containsExactly(1.5, 2.0, 0.0);
        assertThat(control.x()).containsExactly(1.0, 0.0, 0.0);
        assertThat(data.unitValues(PopulationQuery.ALL, "treatment", "streaming_hours").values()).containsExactly(0.5);
    }

    @Test
    void leavesOutAndCountsTheUnitsAUnitFilterDrops() {
        // hand count (TinyAttributes, country = 'DE'): control 1 (1.5 h) and 3 (2 h) pass, 9 has no row;
        // treatment 2 (FR) and 7 (no row) are dropped, 6 (DE) is still in its window
        Metric hours = StandardMetrics.STREAMING_HOURS;
        Metric german = Metric.define("german_hours").title(hours.title()).description(hours.description())
                .from(hours.source()).mean(((Measure.Mean) hours.measure()).value()).window(hours.window())
                .higherIsBetter().unitFilter(TinyAttributes.GERMANY).build();
        UnitData data = tiny.warehouse.query(UnitValuesQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")),
                StreamingPreset.PLAYBACK, List.of(german, hours), false, null), tiny.allocator,
                reader -> UnitValuesReader.read(reader, List.of("german_hours", "streaming_hours"), false));

        assertThat(data.unitValues(PopulationQuery.ALL, "control", "german_hours").values()).containsExactly(1.5, 2.0);
        assertThat(data.unitValues(PopulationQuery.ALL, "treatment", "german_hours").values()).isEmpty();
        assertThat(data.filteredOut(PopulationQuery.ALL, "german_hours")).isEqualTo(3);
        assertThat(data.filteredOut(PopulationQuery.ALL, "streaming_hours")).isZero();
        assertThat(data.unitValues(PopulationQuery.ALL, "control", "streaming_hours").values()).containsExactly(1.5, 2.0, 0.0);
    }

    @Test
    void refusesRatios() {
        assertThatThrownBy(() -> UnitValuesQuery.build(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK,
                List.of(StandardMetrics.REBUFFER_RATE), false, null))
                .hasMessage("metric rebuffer_rate is a ratio: it has no single per-unit value");
    }
}
