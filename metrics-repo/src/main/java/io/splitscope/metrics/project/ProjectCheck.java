package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.arrow.ArrowRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jooq.Condition;
import org.jooq.impl.SQLDataType;

/**
 * {@code splitscope check} ({@code spec/project.md}, "Command line"): a compiled project file
 * against its warehouse. Every mistake is listed, those of the file and those only the warehouse
 * shows: a table that does not exist or SQL that fails, a column that is missing or of the wrong
 * type, sources used together whose unit types differ. Without mistakes, it reports per source
 * its rows, units and unit type, and per experiment (declared and discovered) its units per
 * variant.
 *
 * <p>A source's columns and their types are those of {@code select * from source limit 0}, read
 * as an Arrow schema, the same on every engine.
 */
public final class ProjectCheck {

    private static final String ROWS = "row_count";
    private static final String UNITS = "unit_count";
    private static final String WITHOUT_UNIT = "without_unit_count";

    private final CompiledProject compiled;
    private final Warehouse warehouse;
    private final BufferAllocator allocator;
    private final List<ConfigError> errors = new ArrayList<>();
    /** Each source whose rows the warehouse can read → its columns. */
    private final Map<String, Map<String, ArrowType>> schemas = new LinkedHashMap<>();

    private ProjectCheck(CompiledProject compiled, Warehouse warehouse, BufferAllocator allocator) {
        this.compiled = compiled;
        this.warehouse = warehouse;
        this.allocator = allocator;
    }

    /**
     * Checks {@code compiled} against {@code warehouse}: its mistakes and the warehouse's, or the report.
     *
     * @param allocator where the check's queries allocate their results
     */
    public static CheckResult run(CompiledProject compiled, Warehouse warehouse, BufferAllocator allocator) {
        return new ProjectCheck(compiled, warehouse, allocator).run();
    }

    /**
     * The mistakes of a project file without mistakes of its own in {@code warehouse}: sources that
     * cannot be read, columns that are missing or of the wrong type, unit types that differ. Reads
     * column lists only, no rows: what every analysis verifies before its first query.
     */
    public static List<ConfigError> mistakes(CompiledProject compiled, Warehouse warehouse, BufferAllocator allocator) {
        ProjectCheck check = new ProjectCheck(compiled, warehouse, allocator);
        check.checkWarehouse(compiled.project());
        return check.sorted();
    }

    private void checkWarehouse(Project project) {
        sources(project).forEach(this::readSchema);
        compiled.columns().forEach(this::checkColumn);
        compiled.plans().forEach(plan -> checkUnitTypes(plan, project.metrics()));
    }

    private CheckResult run() {
        errors.addAll(compiled.errors());
        Project project = compiled.project();
        if (project == null) {
            return new CheckResult(errors, null);
        }
        checkWarehouse(project);
        if (!errors.isEmpty()) {
            return new CheckResult(sorted(), null);
        }
        try {
            return new CheckResult(List.of(), report(project));
        } catch (WarehouseException e) {
            errors.add(new ConfigError(fileName(), 0, "",
                    "the report's queries fail: " + engineMessage(e)));
            return new CheckResult(errors, null);
        }
    }

    private String fileName() {
        Path name = compiled.file().getFileName();
        return name == null ? compiled.file().toString() : name.toString();
    }

    private List<ConfigError> sorted() {
        List<ConfigError> fileErrors = new ArrayList<>(errors);
        fileErrors.sort(java.util.Comparator.comparingInt(ConfigError::line));
        return fileErrors;
    }

    /** The project's sources, then those only its dimensions or Java metrics use, by id. */
    private static Map<String, Source> sources(Project project) {
        Map<String, Source> sources = new LinkedHashMap<>();
        project.sources().forEach(source -> sources.put(source.id(), source));
        project.dimensions().stream().map(Dimension::source).forEach(source -> sources.putIfAbsent(source.id(), source));
        project.metrics().all().stream().map(Metric::source).forEach(source -> sources.putIfAbsent(source.id(), source));
        return sources;
    }

    private void readSchema(String id, Source source) {
        try {
            // no row: "where false", since Trino refuses "limit 0" as jOOQ renders it (fetch first 0 rows only)
            Schema schema = warehouse.query(warehouse.dsl().select(asterisk()).from(source.as(Source.EVENTS_ALIAS))
                            .where(org.jooq.impl.DSL.falseCondition()),
                    allocator, reader -> reader.getVectorSchemaRoot().getSchema());
            Map<String, ArrowType> columns = new LinkedHashMap<>();
            for (Field field : schema.getFields()) {
                columns.putIfAbsent(field.getName(), field.getType());
            }
            schemas.put(id, columns);
        } catch (WarehouseException e) {
            String what = source.relation() instanceof Source.TableRelation table
                    ? "cannot read table '" + table.name() + "'" : "the SQL fails";
            Location where = compiled.relations().get(id);
            if (where == null) { // a source of the Java catalogs only
                String metric = compiled.project().metrics().all().stream().filter(m -> m.source().id().equals(id))
                        .map(Metric::id).findFirst().orElse("?");
                errors.add(new ConfigError(fileName(), 0, "", "source '" + id + "' of Java metric '" + metric + "': "
                        + what + ": " + engineMessage(e)));
            } else {
                errors.add(where.error(what + ": " + engineMessage(e)));
            }
        }
    }

    /** The engine's own words, one line, without the warehouse's prefix. */
    private String engineMessage(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String prefix = "query failed on " + warehouse.description() + ": ";
        message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void checkColumn(ColumnReference reference) {
        Map<String, ArrowType> columns = schemas.get(reference.sourceId());
        if (columns == null) {
            return; // the source itself cannot be read: said once, at its table or sql
        }
        ArrowType type = columns.get(reference.column());
        if (type == null) {
            errors.add(reference.where().error("source '" + reference.sourceId() + "' has no column '" + reference.column()
                    + "'" + DidYouMean.suffix(reference.column(), columns.keySet())));
            return;
        }
        switch (reference.role()) {
            case UNIT -> {
                if (UnitType.of(type).isEmpty()) {
                    errors.add(reference.where().error("unit column '" + reference.column() + "' is a "
                            + UnitType.describe(type) + ": unit ids are strings or integers"));
                }
            }
            case TIMESTAMP -> {
                if (!(type instanceof ArrowType.Timestamp || type instanceof ArrowType.Date)) {
                    errors.add(reference.where().error("column '" + reference.column() + "' is a "
                            + UnitType.describe(type) + ", not a timestamp or a date"));
                }
            }
            default -> {
            }
        }
    }

    private Optional<UnitType> unitType(Source source) {
        return Optional.ofNullable(schemas.get(source.id())).map(columns -> columns.get(source.unit())).flatMap(UnitType::of);
    }

    /** Sources used together in a declared experiment must agree on their unit type. */
    private void checkUnitTypes(ExperimentPlan plan, MetricRepository metrics) {
        Assignment assignment = plan.experiment().requireAssignment();
        Optional<UnitType> expected = unitType(assignment.source());
        if (expected.isEmpty()) {
            return;
        }
        String units = "assignment '" + assignment.id() + "' has " + expected.get().label() + " units (source '"
                + assignment.source().id() + "', column '" + assignment.source().unit() + "')";
        plan.metricMentions().forEach((metricId, where) -> {
            Source source = metrics.byId(metricId).source();
            unitType(source).filter(type -> type != expected.get()).ifPresent(type -> errors.add(where.error("metric '"
                    + metricId + "' counts " + type.label() + " units (source '" + source.id() + "', column '"
                    + source.unit() + "'), but " + units)));
        });
        plan.segmentMentions().forEach((dimensionId, where) -> {
            Source source = compiled.project().dimension(dimensionId).source();
            unitType(source).filter(type -> type != expected.get()).ifPresent(type -> errors.add(where.error("dimension '"
                    + dimensionId + "' has " + type.label() + " units (source '" + source.id() + "', column '"
                    + source.unit() + "'), but " + units)));
        });
    }

    private CheckReport report(Project project) {
        List<CheckReport.SourceReport> sources = new ArrayList<>();
        for (Source source : sources(project).values()) {
            Condition hasUnit = Source.hasUnit(source.unitColumn()); // units are the ids that name one, as in populations
            var query = warehouse.dsl().select(count().cast(SQLDataType.BIGINT).as(ROWS),
                            countDistinct(source.unitColumn()).filterWhere(hasUnit).cast(SQLDataType.BIGINT).as(UNITS),
                            count().filterWhere(hasUnit.not()).cast(SQLDataType.BIGINT).as(WITHOUT_UNIT))
                    .from(source.events());
            ArrowRows.Row row = warehouse.query(query, allocator, ArrowRows::read).getFirst();
            String table = source.relation() instanceof Source.TableRelation relation ? "table " + relation.name() : "sql";
            sources.add(new CheckReport.SourceReport(source.id(), row.longValue(ROWS), row.longValue(UNITS),
                    unitType(source).orElseThrow(), row.longValue(WITHOUT_UNIT), table + ", column " + source.unit()));
        }
        Set<String> declared = compiled.plans().stream().map(plan -> plan.experiment().id()).collect(Collectors.toSet());
        List<CheckReport.ExperimentReport> experiments = new ArrayList<>();
        for (Experiment experiment : project.experiments().list(warehouse, allocator)) {
            List<ArrowRows.Row> rows = warehouse.query(PopulationQuery.summary(warehouse.dsl(), experiment), allocator,
                    ArrowRows::read);
            experiments.add(new CheckReport.ExperimentReport(experiment.id(), experiment.requireAssignment().id(),
                    declared.contains(experiment.id()), experiment.startDate(), experiment.endDate(),
                    PopulationQuery.read(experiment, rows)));
        }
        return new CheckReport(sources, experiments);
    }
}
