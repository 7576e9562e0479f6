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
 */
public final class StreamingExperiments implements ExperimentCatalog {

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
                    StreamingPreset.ASSIGNMENT, id, List.of()));
        }
        experiments.sort(ORDER);
        return experiments;
    }
}
