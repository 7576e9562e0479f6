package io.splitscope.analysis.results;

import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link DecisionPlan} written with the keys and values of a project file's experiment
 * ({@code spec/decisions.md}), as JSON: how the results store keeps an analyst's edit
 * ({@link PlanEdit}), readable by anyone who knows the project file:
 * {@code {"success": ["conversion"], "guardrails": {"refund_rate": "+25%"}, "mde": "10%",
 * "power": 0.8, "design": "fixed"}}; a group-sequential design adds {@code "looks": 5} and
 * {@code "spending": "obrien_fleming"} (or {@code "pocock"}).
 */
public final class DecisionPlanKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionPlanKeys() {
    }

    /** The plan as project-file keys, in JSON. */
    public static String write(DecisionPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        var success = root.putArray("success");
        plan.success().forEach(success::add);
        ObjectNode guardrails = root.putObject("guardrails");
        plan.guardrails().forEach((metric, margin) -> guardrails.put(metric, margin.text()));
        root.put("mde", percent(plan.mde()));
        root.put("power", plan.power());
        root.put("design", plan.design().kind().name().toLowerCase(Locale.ROOT));
        if (plan.design().kind() == Design.Kind.GROUP_SEQUENTIAL) {
            root.put("looks", plan.design().looks());
            root.put("spending", plan.design().spending().name().toLowerCase(Locale.ROOT));
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the key that is missing or cannot be read
     */
    public static DecisionPlan read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable decision plan: " + e.getOriginalMessage(), e);
        }
        List<String> success = new ArrayList<>();
        root.path("success").forEach(id -> success.add(id.asString()));
        Map<String, Margin> guardrails = new LinkedHashMap<>();
        root.path("guardrails").properties().forEach(e -> guardrails.put(e.getKey(), Margin.parse(e.getValue().asString())));
        return new DecisionPlan(success, guardrails, parsePercent(required(root, "mde").asString()),
                required(root, "power").asDouble(), design(root));
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

    private static Design design(JsonNode root) {
        String kind = required(root, "design").asString();
        return switch (kind) {
            case "fixed" -> Design.FIXED;
            case "sequential" -> Design.SEQUENTIAL;
            case "group_sequential" -> Design.groupSequential(required(root, "looks").asInt(),
                    Design.Spending.valueOf(required(root, "spending").asString().toUpperCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException("unknown design '" + kind + "' (fixed, sequential or group_sequential)");
        };
    }

    private static JsonNode required(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a stored decision plan lacks '" + key + "'");
        }
        return value;
    }
}
