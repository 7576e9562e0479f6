package io.splitscope.metrics.experiment;

import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The roles an experiment gives its metrics for the decision ({@code spec/decisions.md}): what it
 * is meant to move, what must not get worse, and how it is planned. Metrics in neither role are
 * informative: shown, never part of the rule. Success and guardrail metrics are always analysed.
 * Build one with {@link #builder()}:
 *
 * <pre>{@code
 * DecisionPlan plan = DecisionPlan.builder()
 *         .success("conversion")
 *         .guardrail("refund_rate", "+5%")      // lower is better: may rise by at most 5 %
 *         .mde(0.05).power(0.8)
 *         .build();
 * Experiment planned = experiment.withDecisionPlan(plan);
 * }</pre>
 *
 * <p>Whether the roles fit the metrics (they exist, each has one role, margins point the harmful
 * way) is {@link DecisionRoles#mistakes}' to say: a plan is a value, valid or not for a catalog.
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

    /** A plan with no metric yet, the default mde and power, and a fixed design. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DecisionPlan} step by step; the metrics keep the order they are given in. */
    public static final class Builder {

        private final List<String> success = new ArrayList<>();
        private final Map<String, Margin> guardrails = new LinkedHashMap<>();
        private double mde = DEFAULT_MDE;
        private double power = DEFAULT_POWER;
        private Design design = Design.FIXED;

        private Builder() {
        }

        /**
         * Adds success metrics, by id.
         *
         * @throws IllegalArgumentException when one is already a success metric of this plan
         */
        public Builder success(String... metricIds) {
            for (String metricId : metricIds) {
                if (success.contains(metricId)) {
                    throw new IllegalArgumentException("success metric '" + metricId + "' is given twice");
                }
                success.add(metricId);
            }
            return this;
        }

        /**
         * Adds a guardrail with its non-inferiority margin as a project file writes it
         * ({@code "+5%"}, {@code "-1%"}, {@code "0.5"}; {@link Margin#parse}).
         *
         * @throws IllegalArgumentException when the margin is not one, or the metric is already a guardrail
         */
        public Builder guardrail(String metricId, String margin) {
            return guardrail(metricId, Margin.parse(margin));
        }

        /**
         * Adds a guardrail with its non-inferiority margin.
         *
         * @throws IllegalArgumentException when the metric is already a guardrail of this plan
         */
        public Builder guardrail(String metricId, Margin margin) {
            if (guardrails.putIfAbsent(metricId, Objects.requireNonNull(margin, "margin")) != null) {
                throw new IllegalArgumentException("guardrail '" + metricId + "' is given twice");
            }
            return this;
        }

        /** The smallest relative effect on a success metric worth detecting (0.05 for 5 %, the default). */
        public Builder mde(double mde) {
            this.mde = mde;
            return this;
        }

        /** The planned power of the rule, in (0, 1) (0.8 by default). */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /** How the experiment may be looked at ({@link Design#FIXED} by default). */
        public Builder design(Design design) {
            this.design = design;
            return this;
        }

        /** @throws IllegalArgumentException for an mde that is not positive, a power outside (0, 1) or no design */
        public DecisionPlan build() {
            return new DecisionPlan(success, guardrails, mde, power, design);
        }
    }
}
