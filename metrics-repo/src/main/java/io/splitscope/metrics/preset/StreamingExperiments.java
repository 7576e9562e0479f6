package io.splitscope.metrics.preset;

import static io.splitscope.sql.WarehouseSchema.CONTROL_VARIANT;
import static io.splitscope.sql.WarehouseSchema.END_DATE;
import static io.splitscope.sql.WarehouseSchema.EXPERIMENTS;
import static io.splitscope.sql.WarehouseSchema.EXPERIMENT_ID;
import static io.splitscope.sql.WarehouseSchema.HYPOTHESIS;
import static io.splitscope.sql.WarehouseSchema.NAME;
import static io.splitscope.sql.WarehouseSchema.OWNER;
import static io.splitscope.sql.WarehouseSchema.START_DATE;
import static io.splitscope.sql.WarehouseSchema.VARIANT;
import static io.splitscope.sql.WarehouseSchema.VARIANTS;
import static io.splitscope.sql.WarehouseSchema.WEIGHT;

import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.metrics.experiment.ExperimentCatalog;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.DSLContext;

/**
 * The experiments of the streaming preset, read from the warehouse's {@code experiments} and
 * {@code variants} tables; their exposures are in {@link StreamingPreset#ASSIGNMENT}. Ids outside
 * the contract's characters, or on two rows, are refused ({@link ContractCheck#requireExperimentIds}).
 * The contract's tables have no roles of metrics: the demo's experiments get theirs from
 * {@link #DECISION_PLANS}, by id; any other experiment has none.
 */
public final class StreamingExperiments implements ExperimentCatalog {

    /**
     * The decision plans ({@code spec/decisions.md}) of the experiments {@code generate} plants in the
     * demo warehouse, by id, with their {@link StandardMetrics}: autoplay previews are meant to raise
     * streaming hours without slowing playback down (startup time p90 and rebuffers may rise by at
     * most 5 %); the price test is meant to raise revenue without losing members (the cancel rate may
     * rise by at most 10 %).
     */
    public static final Map<String, DecisionPlan> DECISION_PLANS = Map.of(
            "exp_autoplay", DecisionPlan.builder()
                    .success(StandardMetrics.STREAMING_HOURS.id())
                    .guardrail(StandardMetrics.STARTUP_MS_P90.id(), "+5%")
                    .guardrail(StandardMetrics.REBUFFER_RATE.id(), "+5%")
                    .build(),
            "exp_price", DecisionPlan.builder()
                    .success(StandardMetrics.REVENUE_PER_MEMBER.id())
                    .guardrail(StandardMetrics.CANCEL_RATE.id(), "+10%")
                    .build());

    @Override
    public List<Experiment> list(Warehouse warehouse, BufferAllocator allocator) {
        DSLContext dsl = warehouse.dsl();
        List<Row> variantRows = warehouse.query(
                dsl.select(EXPERIMENT_ID, VARIANT, WEIGHT).from(VARIANTS.table()), allocator, ArrowRows::read);
        Map<String, List<Row>> variantsByExperiment =
                variantRows.stream().collect(Collectors.groupingBy(row -> row.string(EXPERIMENT_ID.getName())));
        List<Row> experimentRows = warehouse.query(
                dsl.select(EXPERIMENT_ID, NAME, HYPOTHESIS, OWNER, START_DATE, END_DATE, CONTROL_VARIANT)
                        .from(EXPERIMENTS.table()),
                allocator, ArrowRows::read);
        ContractCheck.requireExperimentIds(experimentRows.stream().map(row -> row.string(EXPERIMENT_ID.getName())).toList());
        List<Experiment> experiments = new ArrayList<>();
        for (Row row : experimentRows) {
            String id = row.string(EXPERIMENT_ID.getName());
            String control = row.string(CONTROL_VARIANT.getName());
            List<VariantWeight> variants = variantsByExperiment.getOrDefault(id, List.of()).stream()
                    .map(v -> new VariantWeight(v.string(VARIANT.getName()), v.doubleValue(WEIGHT.getName())))
                    .sorted(Comparator.comparing((VariantWeight v) -> !v.variant().equals(control))
                            .thenComparing(VariantWeight::variant))
                    .toList();
            String hypothesis = row.string(HYPOTHESIS.getName());
            experiments.add(new Experiment(id, row.string(NAME.getName()),
                    hypothesis == null || hypothesis.isBlank() ? null : hypothesis, row.string(OWNER.getName()),
                    row.date(START_DATE.getName()), row.date(END_DATE.getName()), control, variants,
                    StreamingPreset.ASSIGNMENT, id, List.of(), null, DECISION_PLANS.getOrDefault(id, DecisionPlan.NONE)));
        }
        experiments.sort(ORDER);
        return experiments;
    }
}
