package io.splitscope.analysis;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.decision.Comparison;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.DecisionRule;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.QualityCheck;
import io.splitscope.stats.decision.RoleMetric;
import io.splitscope.stats.decision.VariantEvidence;
import io.splitscope.stats.health.SrmResult;
import io.splitscope.stats.methods.Sequential;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a scorecard ({@code spec/decisions.md}): for each treatment variant, the
 * {@link DecisionRule}'s recommendation from the experiment's {@link DecisionPlan}, its success and
 * guardrail metrics compared with control on the rows' own methods (re-run at the rule's one-sided
 * levels), and the population's quality checks.
 *
 * <p>The design decides the comparisons: a fixed or group-sequential design re-runs each row's
 * method; a sequential design runs {@code sequential}, whose always-valid intervals allow a look at
 * any time, on the metric's means (a ratio or quantile metric has no always-valid interval, so its
 * tests say so and do not count). A group-sequential design's look is the share of the planned
 * period that has passed, in equal steps of {@code 1/K}.
 */
final class ScorecardDecisions {

    private final Experiment experiment;
    private final Population population;
    private final SrmResult srm;
    private final LocalDateTime now;

    /**
     * @param now the time of the analysis, for whether the period is over and which look this is
     */
    ScorecardDecisions(Experiment experiment, Population population, SrmResult srm, LocalDateTime now) {
        this.experiment = experiment;
        this.population = population;
        this.srm = srm;
        this.now = now;
    }

    /**
     * One decision per treatment variant, in the experiment's order; none when the experiment has
     * no decision plan.
     *
     * @param roleMetrics the plan's success and guardrail metrics, by id
     * @param inputs      metric id → variant → its inputs, over all units
     * @param meanMethod  the method of the scorecard's mean and proportion rows
     */
    List<Decision> decide(Map<String, Metric> roleMetrics, Map<String, Map<String, VariantData>> inputs,
                          MeanMethod meanMethod) {
        DecisionPlan plan = experiment.decisionPlan();
        if (!plan.decides()) {
            return List.of();
        }
        List<RoleMetric> metrics = roles(plan, roleMetrics);
        DecisionRule rule = new DecisionRule(plan.design(), plan.mde(), plan.power());
        List<Decision> decisions = new ArrayList<>();
        String control = experiment.controlVariant();
        for (String treatment : experiment.treatments()) {
            Map<String, Comparison> comparisons = new LinkedHashMap<>();
            for (RoleMetric metric : metrics) {
                Map<String, VariantData> byVariant = inputs.get(metric.id());
                comparisons.put(metric.id(), comparison(roleMetrics.get(metric.id()), plan.design(), meanMethod,
                        byVariant.get(control), byVariant.get(treatment), List.copyOf(byVariant.values())));
            }
            VariantEvidence evidence = new VariantEvidence(treatment, comparisons, checks(treatment),
                    units(control), units(treatment), dailyIntake(control, treatment));
            decisions.add(rule.decide(metrics, experiment.treatments().size(), evidence, periodOver(),
                    look(plan.design())));
        }
        return decisions;
    }

    private static List<RoleMetric> roles(DecisionPlan plan, Map<String, Metric> byId) {
        List<RoleMetric> roles = new ArrayList<>();
        for (String id : plan.success()) {
            Metric metric = byId.get(id);
            roles.add(RoleMetric.success(id, metric.title(), higherIsBetter(metric)));
        }
        plan.guardrails().forEach((id, margin) -> {
            Metric metric = byId.get(id);
            roles.add(RoleMetric.guardrail(id, metric.title(), higherIsBetter(metric), margin));
        });
        return roles;
    }

    private static boolean higherIsBetter(Metric metric) {
        return metric.direction() == Direction.HIGHER_IS_BETTER;
    }

    /**
     * The comparison of one metric at any level: its row's method (or {@code sequential} in a
     * sequential design).
     */
    private static Comparison comparison(Metric metric, Design design, MeanMethod meanMethod, VariantData control,
                                         VariantData treatment, List<VariantData> all) {
        ComparisonMethod<?> method;
        VariantData c = control;
        VariantData t = treatment;
        List<VariantData> arms = all;
        if (design.kind() == Design.Kind.SEQUENTIAL) {
            if (metric.type() == MetricType.RATIO || metric.type() == MetricType.QUANTILE) {
                ComparisonResult refused = ComparisonResult.builder().withStatus(ResultStatus.METHOD_FAILED,
                        "a sequential design tests means and proportions; " + metric.type().name().toLowerCase(
                                java.util.Locale.ROOT) + " metric " + metric.id() + " has no always-valid interval");
                return level -> refused;
            }
            method = ComparisonMethods.byId(Sequential.ID);
            c = means(control);
            t = means(treatment);
            arms = all.stream().map(ScorecardDecisions::means).toList();
        } else {
            method = ComparisonMethods.byId(MethodChoice.methodFor(metric, meanMethod, control, treatment));
        }
        // DecisionRule runs each level once per decision, so no cache here
        ComparisonMethod<?> chosen = method;
        VariantData controlData = c;
        VariantData treatmentData = t;
        List<VariantData> armsData = arms;
        return level -> AnalysisService.compare(chosen, controlData, treatmentData, armsData, level);
    }

    /** The metric's own means: a CUPED input's outcome moments, which {@code sequential} compares. */
    private static VariantData means(VariantData data) {
        return data instanceof CovariateMoments covariate ? covariate.y() : data;
    }

    /** SRM, crossover and invalid-exposure shares, and units in both arms ({@code spec/decisions.md}). */
    private List<QualityCheck> checks(String treatment) {
        List<QualityCheck> checks = new ArrayList<>();
        if (!Double.isNaN(srm.pValue())) {
            checks.add(QualityCheck.srm(srm.pValue()));
        }
        checks.add(QualityCheck.crossoverShare(population.crossoverShare()));
        checks.add(QualityCheck.invalidShare(population.invalidShare()));
        checks.add(QualityCheck.units(experiment.controlVariant(), units(experiment.controlVariant())));
        checks.add(QualityCheck.units(treatment, units(treatment)));
        return checks;
    }

    private long units(String variant) {
        return population.units().getOrDefault(variant, 0L);
    }

    /** Units a day into the slower of the two arms over the last days' intake; 0 when not known. */
    private double dailyIntake(String control, String treatment) {
        Population.Intake intake = population.intake();
        return intake == null ? 0 : Math.min(intake.perDay(control), intake.perDay(treatment));
    }

    /** Whether the planned period is over: its end has passed, or the data has no times. */
    private boolean periodOver() {
        return !experiment.timed() || !now.isBefore(PopulationQuery.analysisEnd(experiment));
    }

    /**
     * The look of a group-sequential design: {@code ceil(K · elapsed / period)} of the planned
     * period, at least 1; the last look once the period is over.
     */
    private int look(Design design) {
        int looks = design.looks();
        if (periodOver()) {
            return looks;
        }
        LocalDateTime start = experiment.startDate().atStartOfDay();
        double period = Duration.between(start, PopulationQuery.analysisEnd(experiment)).toSeconds();
        double elapsed = Math.max(0, Duration.between(start, now).toSeconds());
        return (int) Math.max(1, Math.min(looks, Math.ceil(looks * elapsed / period)));
    }
}
