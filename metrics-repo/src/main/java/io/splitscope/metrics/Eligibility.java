package io.splitscope.metrics;

import java.util.Locale;

/**
 * Which exposed units a windowed metric counts ({@code spec/metric-types.md}, "Denominators").
 * Peers differ here (GrowthBook counts every exposed unit for retention; Eppo and Statsig only
 * those whose window has elapsed), so every row of the scorecard says which rule it used.
 */
public enum Eligibility {
    /**
     * The default: a unit counts once {@code first_exposed_at + window end <= analysis_end}; the
     * others are the row's {@code incomplete_units}.
     */
    ELAPSED,
    /** Every exposed unit; days of its window that have not happened yet count as nothing. */
    ALL;

    /** {@code "elapsed"} or {@code "all"}, as in the project file and the scorecard JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The eligibility named {@code name}.
     *
     * @throws IllegalArgumentException naming both rules, for any other name
     */
    public static Eligibility fromJsonName(String name) {
        for (Eligibility eligibility : values()) {
            if (eligibility.jsonName().equals(name)) {
                return eligibility;
            }
        }
        throw new IllegalArgumentException("unknown eligibility '" + name + "': elapsed or all");
    }
}
