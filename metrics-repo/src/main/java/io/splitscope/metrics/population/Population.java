package io.splitscope.metrics.population;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The analysed population of an experiment (population rules of {@code spec/warehouse.md}).
 *
 * @param units            units per variant, in the experiment's variant order (0 for a variant with none)
 * @param crossoverUnits   units excluded because their exposures name more than one variant
 * @param invalidExposures exposure rows dropped because their variant is not one of the experiment's
 * @param exposureRows     the experiment's exposure rows in its period (valid and invalid), or null when
 *                         not known (a scorecard stored before it was counted)
 * @param intake           the units first exposed in a recent period, for the days left to a planned
 *                         sample; null when not known or the exposures have no time
 */
public record Population(Map<String, Long> units, long crossoverUnits, long invalidExposures, Long exposureRows,
                        Intake intake) {

    public Population {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** A population whose exposure rows and intake are not known. */
    public Population(Map<String, Long> units, long crossoverUnits, long invalidExposures) {
        this(units, crossoverUnits, invalidExposures, null, null);
    }

    public long totalUnits() {
        return units.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Crossover units over the units including them ({@code spec/decisions.md}); empty without units. */
    public OptionalDouble crossoverShare() {
        long all = totalUnits() + crossoverUnits;
        return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) crossoverUnits / all);
    }

    /** Invalid exposure rows over the period's exposure rows; empty when the rows are not known or none. */
    public OptionalDouble invalidShare() {
        return exposureRows == null || exposureRows == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) invalidExposures / exposureRows);
    }

    /**
     * Units first exposed in {@code [from, to)}, per variant.
     *
     * @param from  the start of the period (inclusive)
     * @param to    its end (exclusive), after {@code from}
     * @param units units per variant first exposed in it
     */
    public record Intake(LocalDateTime from, LocalDateTime to, Map<String, Long> units) {

        public Intake {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("an intake period must end after it starts: " + from + " to " + to);
            }
            units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }

        /** The period's length in days (fractional for a partial day). */
        public double days() {
            return Duration.between(from, to).toSeconds() / 86_400.0;
        }

        /** Units of {@code variant} first exposed per day in the period (0 for a variant without). */
        public double perDay(String variant) {
            return units.getOrDefault(variant, 0L) / days();
        }
    }
}
