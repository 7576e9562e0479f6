package io.splitscope.analysis.results;

import io.splitscope.analysis.json.DecisionPlanPart;
import io.splitscope.metrics.experiment.DecisionPlan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link DecisionPlan} written with the keys and values of a project file's experiment
 * ({@code spec/decisions.md}), as JSON: how the results store keeps an analyst's edit
 * ({@link PlanEdit}), readable by anyone who knows the project file:
 * {@code {"success": ["conversion"], "guardrails": {"refund_rate": "+25%"}, "mde": "10%",
 * "power": 0.8, "design": "fixed"}}; a group-sequential design adds {@code "looks": 5} and
 * {@code "spending": "obrien_fleming"} (or {@code "pocock"}): the JSON of {@link DecisionPlanPart},
 * the form a stored scorecard's experiment keeps its plan in.
 */
public final class DecisionPlanKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionPlanKeys() {
    }

    /** The plan as project-file keys, in JSON. */
    public static String write(DecisionPlan plan) {
        return JSON.writeValueAsString(DecisionPlanPart.of(plan));
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the key that is missing or cannot be read
     */
    public static DecisionPlan read(String json) {
        try {
            return JSON.readValue(json, DecisionPlanPart.class).toPlan();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable decision plan: " + e.getOriginalMessage(), e);
        }
    }
}
