package io.splitscope.metrics.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DecisionRoles;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.OutputFormat;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingExperimentsTest {

    @TempDir
    Path folder;

    @Test
    void theDemosPlansFitTheStandardMetrics() {
        Map<String, Metric> standard = new LinkedHashMap<>();
        new StandardMetrics().metrics().forEach(metric -> standard.put(metric.id(), metric));
        StreamingExperiments.DECISION_PLANS.forEach((id, plan) -> {
            assertThat(DecisionRoles.mistakes(plan, standard)).as(id).isEmpty();
            assertThat(plan.decides()).as(id).isTrue();
        });
    }

    @Test
    void theGeneratedDemosExperimentsCarryTheirPlans() {
        new WarehouseGenerator().generate(new GeneratorSettings(1_000, 42, folder, OutputFormat.CSV), line -> { });
        List<Experiment> experiments;
        try (BufferAllocator allocator = new RootAllocator();
                DuckDbWarehouse warehouse = DuckDbWarehouse.open(folder)) {
            experiments = new StreamingExperiments().list(warehouse, allocator);
        }
        Map<String, DecisionPlan> plans = experiments.stream()
                .collect(Collectors.toMap(Experiment::id, Experiment::decisionPlan));
        assertThat(plans).containsOnlyKeys("exp_autoplay", "exp_price", "exp_plan_nudge", "exp_onboarding", "exp_search");
        assertThat(plans.get("exp_search")).as("exp_search, the planted SRM, decides nothing").isEqualTo(DecisionPlan.NONE);
        assertThat(plans.get("exp_autoplay").success()).containsExactly("streaming_hours");
        assertThat(plans.get("exp_autoplay").guardrails()).extractingFromEntries(Map.Entry::getKey, e -> e.getValue().text())
                .containsExactly(tuple("startup_ms_p90", "+5%"),
                        tuple("rebuffer_rate", "+5%"));
        assertThat(plans.get("exp_price").success()).containsExactly("revenue_per_member");
        assertThat(plans.get("exp_price").guardrails().keySet()).containsExactly("cancel_rate");
        assertThat(experiments).extracting(Experiment::metricIds).containsOnly(List.of());
    }
}
