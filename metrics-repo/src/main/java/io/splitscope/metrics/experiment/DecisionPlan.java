package io.splitscope.metrics.experiment;

import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles an experiment gives its metrics for the decision ({@code spec/decisions.md}): what it
 * is meant to move, what must not get worse, and how it is planned. Metrics in neither role are
 * informative: shown, never part of the rule. Success and guardrail metrics are always analysed.
 *
 * @param success    the success metrics, in order; the change is meant to move them in their direction
 * @param guardrails guardrail metric → its non-inferiority margin, in the metric's harmful direction
 * @param mde        the smallest relative effect on a success metric worth detecting (0.05 for "5%")
 * @param power      the planned power of the rule, in (0, 1)
 * @param design     how the experiment may be looked at
 */
public record DecisionPlan(List<String> success, Map<String, Margin> guardrails, double mde, double power,
                           Design design) {

    /** The default smallest relative effect worth detecting: 5 %. */
    public static final double DEFAULT_MDE = 0.05;

    /** The default planned power: 0.8. */
    public static final double DEFAULT_POWER = 0.8;

    /** No success or guardrail metric: the experiment has no decision. */
    public static final DecisionPlan NONE = new DecisionPlan(List.of(), Map.of(), DEFAULT_MDE, DEFAULT_POWER, Design.FIXED);

    /** @throws IllegalArgumentException for an mde that is not positive or a power outside (0, 1) */
    public DecisionPlan {
        success = List.copyOf(success);
        guardrails = Collections.unmodifiableMap(new LinkedHashMap<>(guardrails));
        if (!(mde > 0) || !Double.isFinite(mde)) {
            throw new IllegalArgumentException("mde must be a positive relative effect such as 5%, got " + mde);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0 and 1 (e.g. 0.8), got " + power);
        }
        if (design == null) {
            throw new IllegalArgumentException("a decision plan needs a design (Design.FIXED by default)");
        }
    }

    /** The success and guardrail metrics' ids, success first: the metrics the decision reads. */
    public Set<String> roleMetricIds() {
        Set<String> ids = new LinkedHashSet<>(success);
        ids.addAll(guardrails.keySet());
        return Collections.unmodifiableSet(ids);
    }

    /** Whether the experiment has a decision: at least one success metric. */
    public boolean decides() {
        return !success.isEmpty();
    }
}
