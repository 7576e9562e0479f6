package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.util.List;

/**
 * The experiment as it was analysed, as the results store keeps it with a scorecard: its
 * description, planned variants and decision plan. Not part of the public document, which has only the id, the
 * control and the dates.
 *
 * @param variants     the planned variants and their weights (a weight may be non-finite)
 * @param decisionPlan the roles of its metrics in the decision; null (left out) when it has none
 */
public record ExperimentPart(String id, String name, String hypothesis, String owner, LocalDate startDate,
                             LocalDate endDate, String controlVariant, List<Variant> variants,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DecisionPlanPart decisionPlan) {

    /** A planned variant and its share of units. */
    public record Variant(String variant, double weight) {
    }

    public static ExperimentPart of(Experiment experiment) {
        return new ExperimentPart(experiment.id(), experiment.name(), experiment.hypothesis(), experiment.owner(),
                experiment.startDate(), experiment.endDate(), experiment.controlVariant(),
                experiment.variants().stream().map(v -> new Variant(v.variant(), v.weight())).toList(),
                experiment.decisionPlan().decides() ? DecisionPlanPart.of(experiment.decisionPlan()) : null);
    }

    /** The experiment, without its assignment: a stored copy is shown, never analysed again. */
    public Experiment toExperiment() {
        return new Experiment(id, name, hypothesis, owner, startDate, endDate, controlVariant,
                variants.stream().map(v -> new Experiment.VariantWeight(v.variant(), v.weight())).toList(),
                null, null, List.of()).withDecisionPlan(decisionPlan == null ? null : decisionPlan.toPlan());
    }
}
