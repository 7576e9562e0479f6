package io.splitscope.analysis.results;

import io.splitscope.metrics.experiment.DecisionPlan;
import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's edit of an experiment's decision plan in the web app ({@code spec/decisions.md}:
 * "stored with the results, who and when"): the latest edit of an experiment replaces the plan of
 * its project file there. The results store keeps every edit ({@link ResultsStore#savePlanEdit}).
 *
 * @param experimentId the experiment
 * @param plan         the plan as edited: success metrics, guardrails with margins, mde, power, design
 * @param editedBy     the analyst who saved it
 * @param editedAt     when
 */
public record PlanEdit(String experimentId, DecisionPlan plan, String editedBy, Instant editedAt) {

    public PlanEdit {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(editedBy, "editedBy");
        Objects.requireNonNull(editedAt, "editedAt");
    }
}
