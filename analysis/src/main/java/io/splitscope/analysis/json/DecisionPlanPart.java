package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DecisionPlan} in the keys and values of a project file's experiment ({@code
 * spec/decisions.md}): how the results store keeps it, with a stored scorecard's experiment and as
 * an analyst's edit, readable by anyone who knows the project file:
 * {@code {"success": ["conversion"], "guardrails": {"refund_rate": "+25%"}, "mde": "10%",
 * "power": 0.8, "design": "fixed"}}; a group-sequential design adds {@code "looks": 5} and
 * {@code "spending": "obrien_fleming"} (or {@code "pocock"}).
 *
 * @param guardrails guardrail metric → its margin as a project file writes it
 * @param mde        the smallest relative effect worth detecting, as a percentage ({@code "10%"})
 * @param design     {@code fixed}, {@code sequential} or {@code group_sequential}
 * @param looks      the planned looks of a group-sequential design; null for the others
 * @param spending   {@code obrien_fleming} or {@code pocock} for a group-sequential design; null for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionPlanPart(List<String> success, Map<String, String> guardrails, String mde, Double power,
                               String design, Integer looks, String spending) {

    public static DecisionPlanPart of(DecisionPlan plan) {
        Map<String, String> guardrails = new LinkedHashMap<>();
        plan.guardrails().forEach((id, margin) -> guardrails.put(id, margin.text()));
        Design design = plan.design();
        boolean groupSequential = design.kind() == Design.Kind.GROUP_SEQUENTIAL;
        return new DecisionPlanPart(plan.success(), guardrails, percent(plan.mde()), plan.power(), lower(design.kind()),
                groupSequential ? design.looks() : null, groupSequential ? lower(design.spending()) : null);
    }

    /**
     * The plan this part was made {@link #of}.
     *
     * @throws IllegalArgumentException naming the key that is missing or cannot be read
     */
    public DecisionPlan toPlan() {
        Map<String, Margin> margins = new LinkedHashMap<>();
        (guardrails == null ? Map.<String, String>of() : guardrails).forEach((id, margin) -> margins.put(id, Margin.parse(margin)));
        return new DecisionPlan(success == null ? List.of() : success, margins, parsePercent(required("mde", mde)), required("power", power),
                toDesign());
    }

    private Design toDesign() {
        return switch (required("design", design)) {
            case "fixed" -> Design.FIXED;
            case "sequential" -> Design.SEQUENTIAL;
            case "group_sequential" -> Design.groupSequential(looks == null ? 0 : looks,
                    Design.Spending.valueOf(required("spending", spending).toUpperCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException("unknown design '" + design + "' (fixed, sequential or group_sequential)");
        };
    }

    /** A relative effect as a project file writes it: {@code 0.05} as {@code "5%"}, {@code 0.025} as {@code "2.5%"}. */
    public static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * A relative effect written {@code "5%"} (or {@code "5 %"}) as a fraction, 0.05.
     *
     * @throws IllegalArgumentException naming the text when it is not a percentage
     */
    public static double parsePercent(String text) {
        String stripped = text.strip();
        if (!stripped.endsWith("%")) {
            throw new IllegalArgumentException("a relative effect is a percentage such as \"5%\", got '" + text + "'");
        }
        try {
            return new BigDecimal(stripped.substring(0, stripped.length() - 1).strip()).movePointLeft(2).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a relative effect is a percentage such as \"5%\", got '" + text + "'", e);
        }
    }

    private static <T> T required(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException("a stored decision plan lacks '" + key + "'");
        }
        return value;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
