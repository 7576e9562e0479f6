package io.splitscope.metrics.population;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One calendar day (UTC) of an experiment's population ({@code spec/warehouse.md}): the units
 * whose first valid exposure fell on it, per variant; the crossovers whose first valid exposure
 * fell on it; and the invalid exposure rows logged on it. Summed over the days, these are the
 * {@link Population}'s units, crossover units and invalid exposures.
 *
 * @param date             the day
 * @param units            units first exposed that day, per variant in the experiment's order (0 for none)
 * @param crossoverUnits   crossover units first exposed that day
 * @param invalidExposures exposure rows of that day whose variant is not one of the experiment's
 */
public record DailyPopulation(LocalDate date, Map<String, Long> units, long crossoverUnits, long invalidExposures) {

    public DailyPopulation {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** The units first exposed that day, all variants together. */
    public long totalUnits() {
        return units.values().stream().mapToLong(Long::longValue).sum();
    }
}
