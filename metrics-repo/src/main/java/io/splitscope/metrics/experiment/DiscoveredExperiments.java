package io.splitscope.metrics.experiment;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Source;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * Experiments found in assignment logs ({@code spec/project.md}, "Discovery"): every value of an
 * assignment's experiment column that no declared experiment claims (by its key) is an
 * experiment whose id is that value; its variants are the non-NULL variant values found, with
 * equal weights; its control is the variant named {@value #CONTROL}, else the first in code-point
 * order; its start and end are the dates of its first and last exposure.
 *
 * @param assignments the assignments with an experiment column
 */
public record DiscoveredExperiments(List<Assignment> assignments) {

    /** The variant that is the control of a discovered experiment, when there is one of that name. */
    public static final String CONTROL = "control";

    private static final String KEY = "experiment_key";
    private static final String VARIANT = "variant";
    private static final String FIRST = "first_exposed_at";
    private static final String LAST = "last_exposed_at";

    public DiscoveredExperiments {
        assignments = assignments.stream().filter(a -> a.experiment().isPresent()).toList();
    }

    /** The experiments of the logs that none of {@code declared} claims. */
    public List<Experiment> discover(Warehouse warehouse, BufferAllocator allocator, List<Experiment> declared) {
        Set<String> claimed = declared.stream()
                .map(e -> e.requireAssignment().id() + "\u0000" + e.key())
                .collect(Collectors.toSet());
        Set<String> ids = declared.stream().map(Experiment::id).collect(Collectors.toCollection(HashSet::new));
        List<Experiment> found = new ArrayList<>();
        for (Assignment assignment : assignments) {
            Map<String, List<Row>> byKey = new TreeMap<>(warehouse.query(query(warehouse, assignment), allocator, ArrowRows::read)
                    .stream().collect(Collectors.groupingBy(row -> row.string(KEY))));
            byKey.forEach((key, rows) -> {
                if (!claimed.contains(assignment.id() + "\u0000" + key)) {
                    found.add(experiment(assignment, idOf(key, ids), key, rows));
                }
            });
        }
        return found;
    }

    /**
     * The id of a discovered key: the key itself when it is a valid id, else the key with each run
     * of other characters made one {@code _} ({@code "checkout v2"} becomes {@code checkout_v2}),
     * numbered {@code _2}, {@code _3}, … when another experiment has that id. The key stays what the
     * queries select.
     */
    static String idOf(String key, Set<String> taken) {
        String base = Source.ID.matcher(key).matches() ? key : key.replaceAll("[^A-Za-z0-9_.-]+", "_");
        base = base.length() > 60 ? base.substring(0, 60) : base.isEmpty() ? "experiment" : base;
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private static org.jooq.ResultQuery<?> query(Warehouse warehouse, Assignment assignment) {
        Source source = assignment.source();
        Field<String> key = field(name("x", assignment.experimentColumn())).cast(SQLDataType.VARCHAR);
        Field<String> variant = field(name("x", assignment.variantColumn())).cast(SQLDataType.VARCHAR);
        List<org.jooq.SelectField<?>> columns = new ArrayList<>(List.of(key.as(KEY), variant.as(VARIANT)));
        if (assignment.timed()) {
            Field<LocalDateTime> time = field(name("x", source.timestamp()), SQLDataType.LOCALDATETIME);
            columns.add(min(time).as(FIRST));
            columns.add(max(time).as(LAST));
        }
        return warehouse.dsl().select(columns).from(source.as("x"))
                .where(key.isNotNull()).and(variant.isNotNull())
                .groupBy(key, variant);
    }

    private static Experiment experiment(Assignment assignment, String id, String key, List<Row> rows) {
        List<String> variants = rows.stream().map(row -> row.string(VARIANT)).sorted().toList();
        String control = variants.contains(CONTROL) ? CONTROL : variants.getFirst();
        List<Experiment.VariantWeight> weights = new ArrayList<>();
        weights.add(new Experiment.VariantWeight(control, 1.0 / variants.size()));
        variants.stream().filter(v -> !v.equals(control))
                .forEach(v -> weights.add(new Experiment.VariantWeight(v, 1.0 / variants.size())));
        LocalDate start = null;
        LocalDate end = null;
        if (assignment.timed()) {
            start = rows.stream().map(row -> row.dateTime(FIRST)).filter(java.util.Objects::nonNull).min(LocalDateTime::compareTo)
                    .map(LocalDateTime::toLocalDate).orElse(null);
            end = rows.stream().map(row -> row.dateTime(LAST)).filter(java.util.Objects::nonNull).max(LocalDateTime::compareTo)
                    .map(LocalDateTime::toLocalDate).orElse(null);
        }
        return new Experiment(id, key, null, null, start, end, control, weights, assignment, key, List.of());
    }
}
