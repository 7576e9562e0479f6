package io.splitscope.metrics.population;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analysed population of an experiment (population rules of {@code spec/warehouse.md}).
 *
 * @param units            units per variant, in the experiment's variant order (0 for a variant with none)
 * @param crossoverUnits   units excluded because their exposures name more than one variant
 * @param invalidExposures exposure rows dropped because their variant is not one of the experiment's
 */
public record Population(Map<String, Long> units, long crossoverUnits, long invalidExposures) {

    public Population {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public long totalUnits() {
        return units.values().stream().mapToLong(Long::longValue).sum();
    }
}
