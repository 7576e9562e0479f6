package io.splitscope.metrics.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionPlanTest {

    private static final Experiment CHECKOUT = new Experiment("checkout", "Checkout", null, null, LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 28), "old", List.of(new Experiment.VariantWeight("old", 0.5),
            new Experiment.VariantWeight("new", 0.5)), null, null, List.of("revenue", "conversion"));

    @Test
    void theBuilderMakesTheValueTheConstructorMakes() {
        DecisionPlan plan = DecisionPlan.builder()
                .success("conversion")
                .guardrail("refund_rate", "+5%")
                .guardrail("order_value", new Margin(-2, false))
                .mde(0.1).power(0.9).design(Design.groupSequential(4, Design.Spending.POCOCK))
                .build();
        assertThat(plan).isEqualTo(new DecisionPlan(List.of("conversion"),
                Map.of("refund_rate", new Margin(0.05, true), "order_value", new Margin(-2, false)), 0.1, 0.9,
                Design.groupSequential(4, Design.Spending.POCOCK)));
        assertThat(plan.guardrails().keySet()).containsExactly("refund_rate", "order_value");
        assertThat(plan.decides()).isTrue();
    }

    @Test
    void theBuilderDefaultsAreThoseOfTheSpec() {
        DecisionPlan plan = DecisionPlan.builder().success("conversion").build();
        assertThat(plan.mde()).isEqualTo(0.05);
        assertThat(plan.power()).isEqualTo(0.8);
        assertThat(plan.design()).isEqualTo(Design.FIXED);
        assertThat(DecisionPlan.builder().build()).isEqualTo(DecisionPlan.NONE);
        assertThat(DecisionPlan.NONE.decides()).isFalse();
    }

    @Test
    void theBuilderRefusesWhatNoPlanCanBe() {
        assertThatThrownBy(() -> DecisionPlan.builder().success("conversion", "conversion"))
                .hasMessage("success metric 'conversion' is given twice");
        assertThatThrownBy(() -> DecisionPlan.builder().guardrail("refund_rate", "+5%").guardrail("refund_rate", "+9%"))
                .hasMessage("guardrail 'refund_rate' is given twice");
        assertThatThrownBy(() -> DecisionPlan.builder().guardrail("refund_rate", "five"))
                .hasMessage("a margin is a signed percentage such as \"-1%\" or \"+10%\", or a number, got 'five'");
        assertThatThrownBy(() -> DecisionPlan.builder().mde(0).build())
                .hasMessage("mde must be a positive relative effect such as 5%, got 0.0");
        assertThatThrownBy(() -> DecisionPlan.builder().power(1).build())
                .hasMessage("power must be between 0 and 1 (e.g. 0.8), got 1.0");
        assertThatThrownBy(() -> DecisionPlan.builder().design(null).build())
                .hasMessage("a decision plan needs a design (Design.FIXED by default)");
    }

    @Test
    void anExperimentAnalysesItsSuccessAndGuardrailMetrics() {
        Experiment planned = CHECKOUT.withDecisionPlan(
                DecisionPlan.builder().success("conversion").guardrail("refund_rate", "+5%").build());
        assertThat(planned.decisionPlan().success()).containsExactly("conversion");
        // the listed metrics first, then the plan's that the list lacks
        assertThat(planned.metricIds()).containsExactly("revenue", "conversion", "refund_rate");
        assertThat(planned.withDecisionPlan(null).decisionPlan()).isEqualTo(DecisionPlan.NONE);
        assertThat(CHECKOUT.decisionPlan()).isEqualTo(DecisionPlan.NONE);
        // no list means every metric that applies, the plan's among them
        Experiment everything = new Experiment("x", "x", null, null, null, null, "a",
                List.of(new Experiment.VariantWeight("a", 0.5), new Experiment.VariantWeight("b", 0.5)), null, null,
                List.of(), null, DecisionPlan.builder().success("conversion").build());
        assertThat(everything.metricIds()).isEmpty();
    }
}
