package io.splitscope.metrics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.arrow.ArrowRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DailyPopulationQueryTest {

    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private static List<DailyPopulation> days(ExposedUnits exposed) {
        return DailyPopulationQuery.read(exposed.experiment(), tiny.warehouse.query(
                DailyPopulationQuery.build(tiny.warehouse.dsl(), exposed), tiny.allocator, ArrowRows::read));
    }

    private static DailyPopulation day(int dayOfMarch, long control, long treatment, long crossovers, long invalid) {
        return new DailyPopulation(LocalDate.of(2026, 3, dayOfMarch), Map.of("control", control, "treatment", treatment),
                crossovers, invalid);
    }

    @Test
    void countsEachUnitOnTheDayOfItsFirstValidExposureAndEachInvalidRowOnItsOwnDay() {
        // By hand from tiny/exposures.csv (exp_t, 2026-03-01..03-10): unit 1 control on the 1st (its
        // 2nd-day row repeats it); 2 treatment on the 2nd; 4 a crossover first seen on the 2nd; 5's
        // ghost row on the 2nd; 3 control on the 3rd (its row of 28 Feb is before the start);
        // 9 control on the 4th; 6 treatment on the 5th, its ghost row on the 6th; 7 treatment on the
        // 8th; 8 on the 11th is after the end. A day without any row is absent.
        List<DailyPopulation> days = days(ExposedUnits.of(tiny.experiment("exp_t")));

        assertThat(days).containsExactly(
                day(1, 1, 0, 0, 0),
                day(2, 0, 1, 1, 1),
                day(3, 1, 0, 0, 0),
                day(4, 1, 0, 0, 0),
                day(5, 0, 1, 0, 0),
                day(6, 0, 0, 0, 1),
                day(8, 0, 1, 0, 0));
        assertThat(days.getFirst().units()).containsExactly(Map.entry("control", 1L), Map.entry("treatment", 0L));
    }

    @Test
    void theDaysAddUpToThePopulation() {
        Experiment experiment = tiny.experiment("exp_t");
        List<DailyPopulation> days = days(ExposedUnits.of(experiment));
        Population population = PopulationQuery.read(experiment, tiny.warehouse.query(
                PopulationQuery.summary(tiny.warehouse.dsl(), experiment), tiny.allocator, ArrowRows::read));

        assertThat(days.stream().mapToLong(DailyPopulation::totalUnits).sum()).isEqualTo(population.totalUnits());
        assertThat(days.stream().mapToLong(DailyPopulation::crossoverUnits).sum()).isEqualTo(population.crossoverUnits());
        assertThat(days.stream().mapToLong(DailyPopulation::invalidExposures).sum()).isEqualTo(population.invalidExposures());
    }

    @Test
    void readsTheStagedUnitsAsWell() {
        ExposedUnits computed = ExposedUnits.of(tiny.experiment("exp_t"));
        try (StagedTable staged = tiny.warehouse.stage(computed.select()).orElseThrow()) {
            assertThat(days(computed.readFrom(staged.table()))).isEqualTo(days(computed));
        }
    }

    @Test
    void anExperimentNobodyIsExposedToHasNoDays() {
        Experiment experiment = tiny.experiment("exp_t");
        Experiment later = new Experiment(experiment.id(), experiment.name(), experiment.hypothesis(), experiment.owner(),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), experiment.controlVariant(), experiment.variants(),
                experiment.requireAssignment(), experiment.key(), experiment.metricIds(), experiment.unitFilter(),
                experiment.decisionPlan());

        assertThat(days(ExposedUnits.of(later))).isEmpty();
    }
}
