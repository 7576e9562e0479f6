package io.splitscope.metrics.experiment;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.DidYouMean;
import io.splitscope.stats.decision.Margin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a {@link DecisionPlan}'s roles fit a project's metrics ({@code spec/decisions.md}, "Roles
 * of metrics"): the one place that says so, for a project file, the Java API and an analyst's edit
 * in the web app alike. Each mistake is a fact about the plan and the metrics alone (never about
 * one experiment), in one line; a project file adds its own line and key.
 */
public final class DecisionRoles {

    /**
     * One mistake of a plan.
     *
     * @param metricId  the metric it concerns, or null for the plan as a whole
     * @param guardrail whether it is about the guardrails (else the success metrics)
     * @param message   what is wrong, in one line
     */
    public record Mistake(String metricId, boolean guardrail, String message) {
    }

    private DecisionRoles() {
    }

    /**
     * The mistakes of {@code plan} for a project whose metrics are {@code metricsById}, each in
     * one line; empty when the plan is valid.
     */
    public static List<String> mistakes(DecisionPlan plan, Map<String, Metric> metricsById) {
        return find(plan, metricsById).stream().map(Mistake::message).toList();
    }

    /**
     * {@link #mistakes} with the metric and the role each concerns, in the order of the plan: the
     * success metrics, then the guardrails.
     */
    public static List<Mistake> find(DecisionPlan plan, Map<String, Metric> metricsById) {
        List<Mistake> mistakes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : plan.success()) {
            if (!seen.add(id)) {
                mistakes.add(new Mistake(id, false, "success metric '" + id + "' is listed twice"));
                continue;
            }
            testable("success metric", id, metricsById).ifPresent(why -> mistakes.add(new Mistake(id, false, why)));
        }
        for (Map.Entry<String, Margin> guardrail : plan.guardrails().entrySet()) {
            String id = guardrail.getKey();
            if (plan.success().contains(id)) {
                mistakes.add(new Mistake(id, true, "metric '" + id + "' is both a success metric and a guardrail: "
                        + "the change is meant to move a success metric, a guardrail only must not get worse; give it one role"));
                continue;
            }
            testable("guardrail", id, metricsById)
                    .or(() -> marginMistake(id, metricsById.get(id).direction(), guardrail.getValue()))
                    .ifPresent(why -> mistakes.add(new Mistake(id, true, why)));
        }
        if (plan.success().isEmpty() && !plan.guardrails().isEmpty()) {
            mistakes.add(new Mistake(null, true, "guardrails without a success metric: the rule ships a change only when "
                    + "a success metric improves, so name at least one success metric"));
        }
        return List.copyOf(mistakes);
    }

    /** Why the rule cannot test metric {@code id} in its role ({@code what}), if it cannot. */
    private static Optional<String> testable(String what, String id, Map<String, Metric> metricsById) {
        Metric metric = metricsById.get(id);
        if (metric == null) {
            return Optional.of(what + " '" + id + "' is not a metric of the project"
                    + DidYouMean.suffix(id, metricsById.keySet()));
        }
        if (metric.kind() == MetricKind.FUNNEL) {
            return Optional.of(what + " '" + id + "' is a funnel, several rows that the rule cannot test as one metric: "
                    + "declare the step that matters as a proportion or conversion metric of its own");
        }
        if (metric.kind().descriptive()) {
            return Optional.of(what + " '" + id + "' is descriptive (" + metric.kind().jsonName() + "), not tested, so "
                    + "the rule cannot use it");
        }
        return Optional.empty();
    }

    /** What is wrong with guardrail {@code id}'s margin for a metric of {@code direction}, if anything. */
    private static Optional<String> marginMistake(String id, Direction direction, Margin margin) {
        boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
        String way = higherIsBetter ? "higher-is-better: its margin must allow a decrease, e.g. \"-1%\""
                : "lower-is-better: its margin must allow an increase, e.g. \"+5%\"";
        if (margin.value() == 0) {
            return Optional.of("guardrail '" + id + "' has a margin of 0, which allows no harm at all; it is " + way);
        }
        if (margin.allowsDecrease() != higherIsBetter) {
            return Optional.of("guardrail '" + id + "' is " + way + ", got \"" + margin.text() + "\"");
        }
        if (margin.relative() && margin.value() < -1) {
            return Optional.of("guardrail '" + id + "': a margin of \"" + margin.text() + "\" lets it fall by more than "
                    + "all of its value, so it guards nothing; e.g. \"-1%\"");
        }
        return Optional.empty();
    }
}
