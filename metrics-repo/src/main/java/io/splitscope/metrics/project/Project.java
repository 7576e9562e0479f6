package io.splitscope.metrics.project;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.ExperimentCatalog;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A team's warehouse as Splitscope sees it ({@code spec/project.md}): where the data is, its
 * sources, how units meet experiments, the dimensions results can be sliced by, the experiments
 * and the metrics. A project file compiles to one ({@code ProjectFile}); the streaming tables of
 * {@code spec/warehouse.md} are one too ({@link io.splitscope.metrics.preset.StreamingPreset}).
 *
 * @param name        how users know the project (the file, or the preset's name)
 * @param warehouse   where the data is: a folder of CSV/Parquet files, a DuckDB file or a JDBC URL
 * @param sources     where rows come from
 * @param assignments how units meet experiments
 * @param dimensions  unit attributes for segments
 * @param experiments where the experiments come from
 * @param metrics     the project's metrics and those of the Java catalogs it loads
 * @param contract    tables the warehouse must hold with exactly these columns and types, checked
 *                    when it opens (the streaming preset's contract); empty for a project file
 * @param check       what is verified in the warehouse before any analysis (a project file's
 *                    sources and columns); {@link WarehouseCheck#NONE} when null
 * @param primaryMetrics the metrics the web app shows first, as what experiments are meant to move,
 *                    unless configured otherwise ({@code splitscope.primary-metrics}); may be empty
 */
public record Project(String name, String warehouse, List<Source> sources, List<Assignment> assignments,
                      List<Dimension> dimensions, ExperimentCatalog experiments, MetricRepository metrics,
                      List<TableSpec> contract, WarehouseCheck check, List<String> primaryMetrics) {

    public Project {
        sources = List.copyOf(sources);
        assignments = List.copyOf(assignments);
        dimensions = List.copyOf(dimensions);
        contract = List.copyOf(contract);
        Objects.requireNonNull(experiments, "experiments");
        Objects.requireNonNull(metrics, "metrics");
        check = check == null ? WarehouseCheck.NONE : check;
        primaryMetrics = primaryMetrics == null ? List.of() : List.copyOf(primaryMetrics);
    }

    /** This project over another warehouse (the same tables elsewhere, e.g. loaded into PostgreSQL). */
    public Project withWarehouse(String location) {
        return new Project(name, location, sources, assignments, dimensions, experiments, metrics, contract, check, primaryMetrics);
    }

    /** This project with its experiments from {@code catalog} (e.g. the project's own, with plans edited elsewhere). */
    public Project withExperiments(ExperimentCatalog catalog) {
        return new Project(name, warehouse, sources, assignments, dimensions, catalog, metrics, contract, check, primaryMetrics);
    }

    /**
     * The assignment an example experiment of {@code metric} would have, to show its SQL
     * ({@code MetricSql}): the first assignment with exposure times for a metric with a window,
     * else the first one.
     *
     * @throws IllegalStateException when the project has no assignment
     */
    public Assignment exampleAssignment(io.splitscope.metrics.Metric metric) {
        return assignments.stream().filter(a -> a.timed() == metric.windowed()).findFirst()
                .or(() -> assignments.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("project " + name + " declares no assignment"));
    }

    /** This project verifying {@code check} in its warehouse before any analysis. */
    public Project withCheck(WarehouseCheck check) {
        return new Project(name, warehouse, sources, assignments, dimensions, experiments, metrics, contract, check,
                primaryMetrics);
    }

    /** The dimension with id {@code id}, if the project declares one. */
    public Optional<Dimension> findDimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * @throws IllegalArgumentException naming the known dimensions
     */
    public Dimension dimension(String id) {
        return findDimension(id).orElseThrow(() -> new IllegalArgumentException("unknown segment dimension '" + id
                + "' (known: " + (dimensions.isEmpty() ? "none" : dimensions.stream().map(Dimension::id)
                .collect(Collectors.joining(", "))) + ")"));
    }
}
