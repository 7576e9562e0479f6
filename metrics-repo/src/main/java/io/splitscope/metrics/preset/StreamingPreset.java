package io.splitscope.metrics.preset;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.catalog.CatalogJars;
import io.splitscope.metrics.catalog.MetricCatalog;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ConfigError;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The streaming tables of {@code spec/warehouse.md} as one project among others
 * ({@code spec/project.md}): its sources, its assignment, its dimensions and its experiments,
 * declared through the same Java API a team uses for its own tables. {@code --warehouse SOURCE}
 * alone means this preset; {@link StandardMetrics} is its metric catalog.
 */
public final class StreamingPreset {

    /** The preset's name, as a project's. */
    public static final String NAME = "streaming";

    /** Exposure log of every experiment, placed by when the unit saw its variant. */
    public static final Source EXPOSURES = source(WarehouseSchema.EXPOSURES).timestamp(WarehouseSchema.EXPOSED_AT.getName());
    /** One row per member: the dimensions. */
    public static final Source MEMBERS = source(WarehouseSchema.MEMBERS);
    /** Viewing sessions, placed by their start. */
    public static final Source PLAYBACK = source(WarehouseSchema.PLAYBACK).timestamp(WarehouseSchema.STARTED_AT.getName());
    /** Payments, placed by when they were charged. */
    public static final Source PAYMENTS = source(WarehouseSchema.PAYMENTS).timestamp(WarehouseSchema.PAID_AT.getName());
    /** Cancellations, placed by when they happened. */
    public static final Source CANCELLATIONS =
            source(WarehouseSchema.CANCELLATIONS).timestamp(WarehouseSchema.CANCELLED_AT.getName());

    /** The exposures table: a log of many experiments. */
    public static final Assignment ASSIGNMENT = new Assignment(WarehouseSchema.EXPOSURES.name(), EXPOSURES,
            WarehouseSchema.EXPERIMENT_ID.getName(), WarehouseSchema.VARIANT.getName());

    public static final Dimension COUNTRY = dimension(WarehouseSchema.COUNTRY.getName());
    public static final Dimension DEVICE = dimension(WarehouseSchema.DEVICE.getName());
    public static final Dimension PLAN = dimension(WarehouseSchema.PLAN.getName());

    /** What every streaming experiment is judged on: engagement and money. */
    // ids, not StandardMetrics' fields: StandardMetrics' own initialisation reads this class
    public static final List<String> PRIMARY_METRICS = List.of("streaming_hours", "revenue_per_member");

    /** Every source, in the order of the contract. */
    public static final List<Source> SOURCES = List.of(EXPOSURES, MEMBERS, PLAYBACK, PAYMENTS, CANCELLATIONS);
    /** The dimensions results can be sliced by. */
    public static final List<Dimension> DIMENSIONS = List.of(COUNTRY, DEVICE, PLAN);

    private StreamingPreset() {
    }

    /**
     * The preset over the warehouse at {@code warehouse}: the contract tables, experiments from
     * its {@code experiments} and {@code variants} tables, the {@link StandardMetrics} and the
     * metric catalogs found on the class path.
     */
    public static Project project(String warehouse) {
        return project(warehouse, List.of());
    }

    /**
     * Reads the experiments table before any analysis, so that ids it refuses (outside the
     * contract's characters, on two rows) stop the opening with one line rather than each listing.
     *
     * @throws io.splitscope.sql.WarehouseException naming the table, the id and the rule
     */
    private static List<ConfigError> checkExperiments(Warehouse warehouse, BufferAllocator allocator) {
        new StreamingExperiments().list(warehouse, allocator);
        return List.of();
    }

    /**
     * {@link #project(String)} with the metric catalogs of {@code catalogJars} too ({@code --catalog JAR}),
     * whose metrics may read the preset's sources by id ({@code playback}, {@code payments}, …).
     *
     * @throws IllegalArgumentException naming a catalog jar that is not there
     */
    public static Project project(String warehouse, List<Path> catalogJars) {
        List<MetricCatalog> catalogs = new ArrayList<>(List.of(new StandardMetrics()));
        catalogs.addAll(MetricRepository.found(CatalogJars.classLoader(catalogJars)));
        return new Project(NAME, warehouse, SOURCES, List.of(ASSIGNMENT), DIMENSIONS, new StreamingExperiments(),
                MetricRepository.of(catalogs, StreamingPreset::source), WarehouseSchema.TABLES,
                StreamingPreset::checkExperiments, PRIMARY_METRICS);
    }

    /**
     * @throws IllegalArgumentException naming the preset's sources when it has none of this id
     */
    private static Source source(String id) {
        return SOURCES.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a Java metric reads source '" + id + "', which the "
                        + "streaming preset does not have (it has " + SOURCES.stream().map(Source::id).toList() + ")"));
    }

    private static Source source(WarehouseSchema.TableSpec table) {
        return Source.table(table.name(), table.name()).unit(WarehouseSchema.UNIT_ID.getName());
    }

    private static Dimension dimension(String column) {
        return new Dimension(column, MEMBERS, column);
    }
}
