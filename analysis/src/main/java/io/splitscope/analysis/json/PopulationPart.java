package io.splitscope.analysis.json;

import io.splitscope.metrics.population.Population;
import java.util.Map;

/**
 * The {@code population} of a scorecard document.
 *
 * @param units            units per variant, in the experiment's variant order
 * @param crossoverUnits   units left out because their exposures name more than one variant
 * @param invalidExposures exposure rows dropped because their variant is not the experiment's
 */
public record PopulationPart(Map<String, Long> units, long crossoverUnits, long invalidExposures) {

    public static PopulationPart of(Population population) {
        return new PopulationPart(population.units(), population.crossoverUnits(), population.invalidExposures());
    }

    public Population toPopulation() {
        return new Population(units, crossoverUnits, invalidExposures);
    }
}
