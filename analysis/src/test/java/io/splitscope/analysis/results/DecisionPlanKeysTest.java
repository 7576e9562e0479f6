package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A decision plan as project-file keys in JSON, and back. */
class DecisionPlanKeysTest {

    @Test
    void writesTheKeysOfAProjectFile() {
        Map<String, Margin> guardrails = new LinkedHashMap<>();
        guardrails.put("refund_rate", Margin.parse("+25%"));
        guardrails.put("latency_ms", Margin.parse("+30"));
        DecisionPlan plan = new DecisionPlan(List.of("conversion", "revenue"), guardrails, 0.1, 0.8, Design.FIXED);

        assertThat(DecisionPlanKeys.write(plan)).isEqualTo("{\"success\":[\"conversion\",\"revenue\"],"
                + "\"guardrails\":{\"refund_rate\":\"+25%\",\"latency_ms\":\"+30\"},\"mde\":\"10%\",\"power\":0.8,"
                + "\"design\":\"fixed\"}");
        assertThat(DecisionPlanKeys.read(DecisionPlanKeys.write(plan))).isEqualTo(plan);
    }

    @Test
    void aGroupSequentialDesignKeepsItsLooksAndSpending() {
        DecisionPlan plan = new DecisionPlan(List.of("conversion"), Map.of(), 0.025, 0.9,
                Design.groupSequential(5, Design.Spending.OBRIEN_FLEMING));

        String json = DecisionPlanKeys.write(plan);

        assertThat(json).contains("\"mde\":\"2.5%\"", "\"design\":\"group_sequential\"", "\"looks\":5",
                "\"spending\":\"obrien_fleming\"");
        assertThat(DecisionPlanKeys.read(json)).isEqualTo(plan);
        assertThat(DecisionPlanKeys.read(DecisionPlanKeys.write(DecisionPlan.NONE))).isEqualTo(DecisionPlan.NONE);
    }

    @Test
    void namesWhatAStoredPlanLacks() {
        assertThatThrownBy(() -> DecisionPlanKeys.read("{\"success\":[],\"guardrails\":{},\"power\":0.8,\"design\":\"fixed\"}"))
                .hasMessage("a stored decision plan lacks 'mde'");
        assertThatThrownBy(() -> DecisionPlanKeys.read("{\"success\":[],\"guardrails\":{},\"mde\":\"5%\",\"power\":0.8,"
                + "\"design\":\"adaptive\"}")).hasMessage("unknown design 'adaptive' (fixed, sequential or group_sequential)");
        assertThatThrownBy(() -> DecisionPlanKeys.read("{not json")).hasMessageStartingWith("unreadable decision plan: ");
    }
}
