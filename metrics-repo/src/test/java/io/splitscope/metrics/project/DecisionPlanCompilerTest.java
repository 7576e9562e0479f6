package io.splitscope.metrics.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DeclaredExperiments;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision keys of an experiment in a project file ({@code success}, {@code guardrails},
 * {@code mde}, {@code power}, {@code design}, {@code looks}, {@code spending}): what they compile
 * to, and the one line each mistake gets. The experiment is {@link TestProjects#VALID}'s
 * {@code checkout}; the keys under test are its lines 32 and on, and the project also has a
 * funnel, {@code order_funnel}.
 */
class DecisionPlanCompilerTest {

    @TempDir
    Path folder;

    /** {@link TestProjects#VALID} with {@code lines} added to the experiment, from line 32 on. */
    private static String withDecision(String... lines) {
        StringBuilder added = new StringBuilder("    segments: [country]");
        for (String line : lines) {
            added.append("\n    ").append(line);
        }
        // the last line first: the experiment's lines move those after them
        return TestProjects.valid(51, String.join("\n", "    direction: lower", "  order_funnel:", "    source: orders",
                "    type: funnel", "    steps: [status = 'paid', status = 'refunded']", "    window: 14d"),
                31, added.toString());
    }

    private CompiledProject read(String yaml) {
        return ProjectFile.read(TestProjects.write(folder, yaml), Map.<String, String>of()::get);
    }

    private Experiment checkout(String... lines) {
        CompiledProject compiled = read(withDecision(lines));
        assertThat(compiled.errors()).isEmpty();
        return ((DeclaredExperiments) compiled.orThrow().experiments()).declared().getFirst();
    }

    private List<String> errors(String... lines) {
        return read(withDecision(lines)).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theKeysCompileToThePlanTheJavaApiBuilds() {
        Experiment checkout = checkout("success: [purchase_rate]", "guardrails: {refund_rate: \"+5%\", revenue: -2}",
                "mde: 10%", "power: 0.9", "design: group_sequential", "looks: 4", "spending: pocock");
        assertThat(checkout.decisionPlan()).isEqualTo(DecisionPlan.builder().success("purchase_rate")
                .guardrail("refund_rate", "+5%").guardrail("revenue", "-2").mde(0.1).power(0.9)
                .design(Design.groupSequential(4, Design.Spending.POCOCK)).build());
        // success and guardrail metrics are always analysed: the listed ones, then the plan's others
        assertThat(checkout.metricIds()).containsExactly("purchase_rate", "revenue", "refund_rate");
    }

    @Test
    void leftOutKeysTakeTheSpecsDefaults() {
        assertThat(checkout("success: purchase_rate").decisionPlan())
                .isEqualTo(DecisionPlan.builder().success("purchase_rate").build());
        assertThat(checkout("success: [purchase_rate]", "design: group_sequential", "looks: 3").decisionPlan().design())
                .isEqualTo(Design.groupSequential(3, Design.Spending.OBRIEN_FLEMING));
        assertThat(checkout("success: [purchase_rate]", "design: sequential").decisionPlan().design())
                .isEqualTo(Design.SEQUENTIAL);
        assertThat(checkout().decisionPlan()).isEqualTo(DecisionPlan.NONE);
        assertThat(checkout().metricIds()).containsExactly("purchase_rate", "revenue");
    }

    @Test
    void guardrailsInABlockMapping() {
        assertThat(checkout("success: [revenue]", "guardrails:", "  refund_rate: +10%", "  purchase_rate: '-0.5%'")
                .decisionPlan().guardrails()).containsExactly(
                Map.entry("refund_rate", Margin.parse("+10%")),
                Map.entry("purchase_rate", Margin.parse("-0.5%")));
    }

    // one test per kind of mistake: the exact line users see

    @Test
    void unknownMetric() {
        assertThat(errors("success: [purchase_rat]", "guardrails: {refund_rat: \"+5%\"}")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.success: no metric 'purchase_rat' (did you mean 'purchase_rate'?)",
                "splitscope.yaml:33: experiments.checkout.guardrails: no metric 'refund_rat' (did you mean 'refund_rate'?)");
        // the guardrail is fine: its success metric's own mistake is the only one
        assertThat(errors("success: [purchase_rat]", "guardrails: {refund_rate: \"+5%\"}")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.success: no metric 'purchase_rat' (did you mean 'purchase_rate'?)");
    }

    @Test
    void guardrailWithoutMargin() {
        assertThat(errors("success: [revenue]", "guardrails: [refund_rate, purchase_rate]")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.guardrails: guardrail 'refund_rate' has no margin: guardrails is a "
                        + "mapping of metric to non-inferiority margin, e.g. {refund_rate: \"+5%\"} (refund_rate is "
                        + "lower-is-better)",
                "splitscope.yaml:33: experiments.checkout.guardrails: guardrail 'purchase_rate' has no margin: guardrails is "
                        + "a mapping of metric to non-inferiority margin, e.g. {purchase_rate: \"-1%\"} (purchase_rate is "
                        + "higher-is-better)");
        assertThat(errors("success: [revenue]", "guardrails:", "  refund_rate:")).containsExactly(
                "splitscope.yaml:34: experiments.checkout.guardrails.refund_rate: guardrail 'refund_rate' needs a "
                        + "non-inferiority margin, how far it may get worse: {refund_rate: \"+5%\"} (refund_rate is "
                        + "lower-is-better), not nothing");
    }

    @Test
    void marginThatIsNotOne() {
        assertThat(errors("success: [revenue]", "guardrails: {refund_rate: five percent}")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.guardrails.refund_rate: a margin is a signed percentage such as "
                        + "\"-1%\" or \"+10%\", or a number, got 'five percent'");
    }

    @Test
    void marginPointingTheGoodWay() {
        assertThat(errors("success: [revenue]", "guardrails:", "  refund_rate: -5%", "  purchase_rate: +1%")).containsExactly(
                "splitscope.yaml:34: experiments.checkout.guardrails.refund_rate: guardrail 'refund_rate' is "
                        + "lower-is-better: its margin must allow an increase, e.g. \"+5%\", got \"-5%\"",
                "splitscope.yaml:35: experiments.checkout.guardrails.purchase_rate: guardrail 'purchase_rate' is "
                        + "higher-is-better: its margin must allow a decrease, e.g. \"-1%\", got \"+1%\"");
    }

    @Test
    void marginOfZeroOrBeyondAll() {
        assertThat(errors("success: [revenue]", "guardrails: {refund_rate: 0%, purchase_rate: -120%}")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.guardrails.refund_rate: guardrail 'refund_rate' has a margin of 0, "
                        + "which allows no harm at all; it is lower-is-better: its margin must allow an increase, e.g. \"+5%\"",
                "splitscope.yaml:33: experiments.checkout.guardrails.purchase_rate: guardrail 'purchase_rate': a margin of "
                        + "\"-120%\" lets it fall by more than all of its value, so it guards nothing; e.g. \"-1%\"");
    }

    @Test
    void metricInBothRolesOrTwice() {
        assertThat(errors("success: [revenue, purchase_rate, revenue]", "guardrails: {purchase_rate: -1%}")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.success: success metric 'revenue' is listed twice",
                "splitscope.yaml:33: experiments.checkout.guardrails.purchase_rate: metric 'purchase_rate' is both a success "
                        + "metric and a guardrail: the change is meant to move a success metric, a guardrail only must not "
                        + "get worse; give it one role");
    }

    @Test
    void funnelInARole() {
        assertThat(errors("success: [order_funnel]")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.success: success metric 'order_funnel' is a funnel, several rows "
                        + "that the rule cannot test as one metric: declare the step that matters as a proportion or "
                        + "conversion metric of its own");
    }

    @Test
    void guardrailsWithoutSuccess() {
        assertThat(errors("guardrails: {refund_rate: +5%}")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.guardrails: guardrails without a success metric: the rule ships a "
                        + "change only when a success metric improves, so name at least one success metric");
    }

    @Test
    void planningKeysWithoutRoles() {
        assertThat(errors("mde: 5%", "power: 0.8")).containsExactly(
                "splitscope.yaml:32: experiments.checkout.mde: the experiment has no decision to plan: name its success "
                        + "metrics and guardrails (success: [...], guardrails: {...})",
                "splitscope.yaml:33: experiments.checkout.power: the experiment has no decision to plan: name its success "
                        + "metrics and guardrails (success: [...], guardrails: {...})");
    }

    @Test
    void badMde() {
        assertThat(errors("success: [revenue]", "mde: 0.05")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.mde: the smallest relative effect worth detecting is a positive "
                        + "percentage such as \"5%\", not '0.05'");
        assertThat(errors("success: [revenue]", "mde: -5%")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.mde: the smallest relative effect worth detecting is a positive "
                        + "percentage such as \"5%\", not '-5%'");
        assertThat(errors("success: [revenue]", "mde: 0%")).hasSize(1);
    }

    @Test
    void badPower() {
        assertThat(errors("success: [revenue]", "power: 1.5")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.power: the planned power is a probability between 0 and 1 "
                        + "(e.g. 0.8), not 1.5");
        assertThat(errors("success: [revenue]", "power: 80%")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.power: expected a number, not '80%'");
    }

    @Test
    void badDesign() {
        assertThat(errors("success: [revenue]", "design: sequentail")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.design: unknown design 'sequentail': fixed, sequential or "
                        + "group_sequential (did you mean 'sequential'?)");
        assertThat(errors("success: [revenue]", "design: group_sequential")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.design: a group_sequential design needs its number of planned "
                        + "looks (looks: 2 or more)");
        assertThat(errors("success: [revenue]", "design: group_sequential", "looks: 1", "spending: pocok")).containsExactly(
                "splitscope.yaml:34: experiments.checkout.looks: a group_sequential design has a whole number of planned "
                        + "looks, 2 or more, not 1",
                "splitscope.yaml:35: experiments.checkout.spending: unknown alpha spending 'pocok': obrien_fleming or pocock "
                        + "(did you mean 'pocock'?)");
        assertThat(errors("success: [revenue]", "looks: 3")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.looks: only a group_sequential design has planned looks and alpha "
                        + "spending; this one is fixed");
        assertThat(errors("success: [revenue]", "desing: fixed")).containsExactly(
                "splitscope.yaml:33: experiments.checkout.desing: unknown key (did you mean 'design'?)");
    }
}
