package io.splitscope.analysis.json;

import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment's decision plan as the results store keeps it, in the project file's words:
 * margins as written ({@code "+5%"}), the design and spending in lower case.
 *
 * @param guardrails guardrail metric → its margin as a project file writes it
 * @param design     {@code fixed}, {@code sequential} or {@code group_sequential}
 * @param looks      the planned looks (1 but for a group-sequential design)
 * @param spending   {@code obrien_fleming} or {@code pocock}; null but for a group-sequential design
 */
public record DecisionPlanPart(List<String> success, Map<String, String> guardrails, double mde, double power,
                               String design, int looks, String spending) {

    /** The part of {@code plan}; null for {@link DecisionPlan#NONE}'s kind (no success metric), which is not kept. */
    public static DecisionPlanPart of(DecisionPlan plan) {
        if (!plan.decides()) {
            return null;
        }
        Map<String, String> guardrails = new LinkedHashMap<>();
        plan.guardrails().forEach((id, margin) -> guardrails.put(id, margin.text()));
        Design design = plan.design();
        return new DecisionPlanPart(plan.success(), guardrails, plan.mde(), plan.power(), lower(design.kind()),
                design.looks(), design.spending() == null ? null : lower(design.spending()));
    }

    /** @throws IllegalArgumentException for a margin, design or spending that is not one */
    public DecisionPlan toPlan() {
        Map<String, Margin> margins = new LinkedHashMap<>();
        guardrails.forEach((id, margin) -> margins.put(id, Margin.parse(margin)));
        Design.Kind kind = Design.Kind.valueOf(design.toUpperCase(Locale.ROOT));
        return new DecisionPlan(success, margins, mde, power, new Design(kind, looks,
                spending == null ? null : Design.Spending.valueOf(spending.toUpperCase(Locale.ROOT))));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
