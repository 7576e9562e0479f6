package io.splitscope.metrics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.TinyAttributes;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.arrow.ArrowRows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationQueryTest {

    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private static Population population(String experimentId) {
        Experiment experiment = tiny.experiment(experimentId);
        return PopulationQuery.read(experiment, tiny.warehouse.query(
                PopulationQuery.summary(tiny.warehouse.dsl(), experiment), tiny.allocator, ArrowRows::read));
    }

    @Test
    void appliesEveryPopulationRule() {
        // Worked out by hand from tiny/exposures.csv: control = units 1, 3, 9 (3's pre-start row ignored);
        // treatment = 2, 6, 7 (8 is exposed at end_date + 1 day 00:00, outside); 4 is a crossover;
        // unit 5's and unit 6's "ghost" rows are invalid exposures.
        Population population = population("exp_t");

        assertThat(population.units()).containsExactly(Map.entry("control", 3L), Map.entry("treatment", 3L));
        assertThat(population.crossoverUnits()).isEqualTo(1);
        assertThat(population.invalidExposures()).isEqualTo(2);
        assertThat(population.totalUnits()).isEqualTo(6);
    }

    private static Map<String, Map<String, Long>> unitCounts(Dimension... segmentBy) {
        return PopulationQuery.readUnitCounts(tiny.warehouse.query(PopulationQuery.unitCounts(tiny.warehouse.dsl(),
                ExposedUnits.of(tiny.experiment("exp_t")), List.of(segmentBy)), tiny.allocator, ArrowRows::read));
    }

    @Test
    void countsUnitsPerSegmentOfTwoDimensionsTheirCrossProductInTheOrderGiven() {
        // hand count (TinyAttributes): control 1 DE mobile, 3 DE tv, 9 no row; treatment 2 FR mobile,
        // 6 DE without a device, 7 no row.
        assertThat(unitCounts(TinyAttributes.COUNTRY, TinyAttributes.DEVICE)).containsOnly(
                Map.entry("DE × mobile", Map.of("control", 1L)),
                Map.entry("DE × tv", Map.of("control", 1L)),
                Map.entry("DE × unknown", Map.of("treatment", 1L)),
                Map.entry("FR × mobile", Map.of("treatment", 1L)),
                Map.entry("unknown × unknown", Map.of("control", 1L, "treatment", 1L)));
        assertThat(unitCounts(TinyAttributes.DEVICE, TinyAttributes.COUNTRY)).containsOnlyKeys(
                "mobile × DE", "tv × DE", "unknown × DE", "mobile × FR", "unknown × unknown");
    }

    @Test
    void joinsTwoDimensionsOfDifferentSources() {
        // members.csv: unit 1 plan basic, nobody else
        assertThat(unitCounts(TinyAttributes.COUNTRY, StreamingPreset.PLAN)).containsOnly(
                Map.entry("DE × basic", Map.of("control", 1L)),
                Map.entry("DE × unknown", Map.of("control", 1L, "treatment", 1L)),
                Map.entry("FR × unknown", Map.of("treatment", 1L)),
                Map.entry("unknown × unknown", Map.of("control", 1L, "treatment", 1L)));
    }

    @Test
    void refusesMoreThanTwoDimensionsOrOneTwice() {
        assertThatThrownBy(() -> unitCounts(TinyAttributes.COUNTRY, TinyAttributes.DEVICE, StreamingPreset.PLAN))
                .hasMessage("segments by [country, device, plan]: at most 2 dimensions at once");
        assertThatThrownBy(() -> unitCounts(TinyAttributes.COUNTRY, TinyAttributes.COUNTRY))
                .hasMessage("segments by [country, country]: a dimension is named twice");
    }

    @Test
    void countsUnitsPerSegmentAndVariant() {
        // Unit 1 (control) is the only one with a members row (device tv); 3, 9 (control) and 2, 6, 7
        // (treatment) are unknown.
        var counts = PopulationQuery.readUnitCounts(tiny.warehouse.query(
                PopulationQuery.unitCounts(tiny.warehouse.dsl(), ExposedUnits.of(tiny.experiment("exp_t")), List.of(StreamingPreset.DEVICE)),
                tiny.allocator, ArrowRows::read));

        assertThat(counts).containsOnlyKeys("tv", "unknown");
        assertThat(counts.get("tv")).containsExactly(Map.entry("control", 1L));
        assertThat(counts.get("unknown")).containsOnly(Map.entry("control", 2L), Map.entry("treatment", 3L));
    }

    @Test
    void reportsAPlannedVariantWithoutUnitsAsZero() {
        // exp_other plans control and b; only b has an exposure.
        Population population = population("exp_other");

        assertThat(population.units()).containsExactly(Map.entry("control", 0L), Map.entry("b", 1L));
    }

    @Test
    void readsTheSameUnitsFromATableStagedOnce() {
        // The hand-worked population of appliesEveryPopulationRule and the segments of
        // countsUnitsPerSegmentAndVariant, with the exposed units staged in DuckDB first.
        Experiment experiment = tiny.experiment("exp_t");
        ExposedUnits computed = ExposedUnits.of(experiment);
        try (StagedTable staged = tiny.warehouse.stage(computed.select()).orElseThrow()) {
            ExposedUnits exposed = computed.readFrom(staged.table());
            Population population = PopulationQuery.read(experiment, tiny.warehouse.query(
                    PopulationQuery.summary(tiny.warehouse.dsl(), exposed), tiny.allocator, ArrowRows::read));
            var counts = PopulationQuery.readUnitCounts(tiny.warehouse.query(
                    PopulationQuery.unitCounts(tiny.warehouse.dsl(), exposed, List.of(StreamingPreset.DEVICE)),
                    tiny.allocator, ArrowRows::read));

            assertThat(population).isEqualTo(population("exp_t"));
            assertThat(counts.get("tv")).containsExactly(Map.entry("control", 1L));
            assertThat(counts.get("unknown")).containsOnly(Map.entry("control", 2L), Map.entry("treatment", 3L));
        }
    }
}
