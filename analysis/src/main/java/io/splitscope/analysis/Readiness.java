package io.splitscope.analysis;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an experiment's population can be compared yet: a comparison needs units in the
 * control and in at least one other variant, and every declared variant with units. A declared
 * experiment nobody has seen yet, a log that names one variant only, or an assignment that put
 * every unit in one arm is not an error: the scorecard says what it waits for, with no rows.
 *
 * @param status     ready, or what is missing
 * @param waitingFor what the analysis waits for, one sentence naming the variants, e.g.
 *                   {@code only one variant (control) has units}; null when ready
 */
public record Readiness(Status status, String waitingFor) {

    /** Ready. */
    public static final Readiness READY = new Readiness(Status.READY, null);

    /** What a scorecard can show. */
    public enum Status {
        /** Every variant has units: the scorecard compares them. */
        READY,
        /** No unit in any variant yet. */
        WAITING_FOR_EXPOSURES,
        /** Some units, but a variant has none (or the experiment has one variant only). */
        WAITING_FOR_VARIANTS;

        /** The JSON value: {@code ready}, {@code waiting_for_exposures}, {@code waiting_for_variants}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the scorecard has rows to show. */
    public boolean ready() {
        return status == Status.READY;
    }

    /** The readiness of {@code experiment} with this analysed {@code population}. */
    public static Readiness of(Experiment experiment, Population population) {
        Map<String, Long> units = population.units();
        if (population.totalUnits() == 0) {
            return new Readiness(Status.WAITING_FOR_EXPOSURES, "no exposures yet" + (experiment.timed()
                    ? " between " + experiment.startDate() + " and " + experiment.endDate() : ""));
        }
        List<String> withUnits = units.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (withUnits.size() == 1) {
            return new Readiness(Status.WAITING_FOR_VARIANTS, "only one variant (" + withUnits.getFirst() + ") has units");
        }
        // a variant planned to get nothing (weight 0) is not waited for, as SRM leaves it out too
        Set<String> plannedNothing = experiment.variants().stream().filter(v -> v.weight() == 0)
                .map(Experiment.VariantWeight::variant).collect(Collectors.toSet());
        List<String> without = units.entrySet().stream().filter(e -> e.getValue() == 0 && !plannedNothing.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
        if (without.isEmpty()) {
            return READY;
        }
        String names = without.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        return new Readiness(Status.WAITING_FOR_VARIANTS, (without.size() == 1 ? "variant " + names + " has"
                : "variants " + names + " have") + " no units yet");
    }
}
