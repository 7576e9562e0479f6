package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.splitscope.metrics.population.Population;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The {@code population} of a scorecard document; a field without a value is left out.
 *
 * @param units            units per variant, in the experiment's variant order
 * @param crossoverUnits   units left out because their exposures name more than one variant
 * @param invalidExposures exposure rows dropped because their variant is not the experiment's
 * @param exposureRows     the period's exposure rows, valid and invalid
 * @param intake           units per variant first exposed in the last days before the analysis
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PopulationPart(Map<String, Long> units, long crossoverUnits, long invalidExposures, Long exposureRows,
                             IntakePart intake) {

    /**
     * The population's {@code intake}: units per variant first exposed in {@code [from, to)}.
     */
    public record IntakePart(LocalDateTime from, LocalDateTime to, Map<String, Long> units) {
    }

    public static PopulationPart of(Population population) {
        Population.Intake intake = population.intake();
        return new PopulationPart(population.units(), population.crossoverUnits(), population.invalidExposures(),
                population.exposureRows(), intake == null ? null : new IntakePart(intake.from(), intake.to(), intake.units()));
    }

    public Population toPopulation() {
        return new Population(units, crossoverUnits, invalidExposures, exposureRows,
                intake == null ? null : new Population.Intake(intake.from(), intake.to(), intake.units()));
    }
}
