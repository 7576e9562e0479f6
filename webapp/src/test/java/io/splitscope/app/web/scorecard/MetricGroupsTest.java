package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.web.scorecard.MetricGroups.Group;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.MetricKind;
import java.util.List;
import java.util.Map;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.preset.StreamingPreset;
import org.junit.jupiter.api.Test;

class MetricGroupsTest {

    private final MetricGroups groups = new MetricGroups(new StandardMetrics().metrics(),
            String.join(",", StreamingPreset.PRIMARY_METRICS));

    @Test
    void guardrailsByDefinitionPrimaryByConfigurationTheRestSecondary() {
        assertThat(groups.groupOf("streaming_hours")).isEqualTo(Group.PRIMARY);
        assertThat(groups.groupOf("revenue_per_member")).isEqualTo(Group.PRIMARY);
        assertThat(groups.groupOf("cancel_rate")).isEqualTo(Group.GUARDRAIL);
        assertThat(groups.groupOf("startup_ms_p90")).isEqualTo(Group.GUARDRAIL);
        assertThat(groups.groupOf("play_rate")).isEqualTo(Group.SECONDARY);
        assertThat(groups.groupOf("no_such_metric")).isEqualTo(Group.SECONDARY);
    }

    @Test
    void aFunnelsRowsAreFoundByTheirIdsAndGroupedWithTheirFunnel() {
        MetricGroups withFunnel = new MetricGroups(List.of(FunnelScorecard.FUNNEL), "checkout_funnel");

        assertThat(withFunnel.metric("checkout_funnel.step2").measure()).isInstanceOf(Measure.Proportion.class);
        assertThat(withFunnel.metric("checkout_funnel.step3_of_2").kind()).isEqualTo(MetricKind.FUNNEL_CONVERSION);
        assertThat(withFunnel.metric("checkout_funnel.step4")).isNull();
        assertThat(withFunnel.groupOf("checkout_funnel.step3_of_2")).isEqualTo(Group.PRIMARY);
        assertThat(withFunnel.metrics()).containsExactly(FunnelScorecard.FUNNEL);
    }

    @Test
    void aGuardrailStaysAGuardrailAndUnknownIdsAreIgnored() {
        MetricGroups configured = new MetricGroups(new StandardMetrics().metrics(), " play_rate, cancel_rate,nope ,");
        assertThat(configured.groupOf("play_rate")).isEqualTo(Group.PRIMARY);
        assertThat(configured.groupOf("cancel_rate")).isEqualTo(Group.GUARDRAIL);
        assertThat(configured.groupOf("streaming_hours")).isEqualTo(Group.SECONDARY);
    }

    @Test
    void anExperimentsDecisionPlanGroupsByItsRoles() {
        MetricGroups planned = groups.forPlan(new DecisionPlan(List.of("play_rate"), Map.of("streaming_hours", Margin.parse("-2%")),
                0.05, 0.8, Design.FIXED));

        assertThat(planned.groupOf("play_rate")).isEqualTo(Group.PRIMARY);
        assertThat(planned.groupOf("streaming_hours")).isEqualTo(Group.GUARDRAIL);
        assertThat(planned.groupOf("cancel_rate")).as("informative in this experiment").isEqualTo(Group.SECONDARY);
        assertThat(planned.groupOf("revenue_per_member")).isEqualTo(Group.SECONDARY);
        assertThat(planned.metric("play_rate")).isSameAs(groups.metric("play_rate"));
        assertThat(groups.forPlan(DecisionPlan.NONE)).as("no plan: the global rule").isSameAs(groups);
    }
}
