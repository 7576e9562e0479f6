package io.splitscope.metrics.population;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.ResultQuery;
import org.jooq.impl.SQLDataType;

/**
 * The population rules of {@code spec/warehouse.md} as SQL:
 * <ol>
 *   <li>exposure rows of the experiment with {@code exposed_at} in {@code [start_date, end_date + 1 day)};</li>
 *   <li>rows whose variant is not one of the experiment's are dropped and counted as invalid exposures;</li>
 *   <li>a unit whose remaining rows name more than one variant is a crossover and is excluded;</li>
 *   <li>every other unit is analysed in its variant from its earliest exposure.</li>
 * </ol>
 */
public final class PopulationQuery {

    /** Name of the common table expression that holds the analysed units. */
    public static final String UNITS = "units";
    /** Columns of {@link #UNITS}. */
    public static final Field<Long> UNIT_ID = field(name(UNITS, "unit_id"), SQLDataType.BIGINT);
    public static final Field<String> VARIANT = field(name(UNITS, "variant"), SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> FIRST_EXPOSED_AT =
            field(name(UNITS, "first_exposed_at"), SQLDataType.LOCALDATETIME);
    /** The unit's segment of the dimension results are sliced by, or {@value #ALL} when they are not. */
    public static final Field<String> SEGMENT = field(name(UNITS, "segment"), SQLDataType.VARCHAR);
    /** The one segment of an analysis that is not sliced. */
    public static final String ALL = "all";

    private static final Field<String> FIRST_VARIANT = field(name("first_variant"), SQLDataType.VARCHAR);
    private static final Field<String> LAST_VARIANT = field(name("last_variant"), SQLDataType.VARCHAR);
    private static final Field<Long> INVALID_ROWS = field(name("invalid_rows"), SQLDataType.BIGINT);
    private static final String UNITS_COLUMN = "units";
    private static final String CROSSOVERS_COLUMN = "crossover_units";
    private static final String INVALID_COLUMN = "invalid_exposures";

    private PopulationQuery() {
    }

    /** The first instant after the analysis: {@code end_date + 1 day 00:00}. */
    public static LocalDateTime analysisEnd(Experiment experiment) {
        return experiment.endDate().plusDays(1).atStartOfDay();
    }

    /**
     * {@code units(unit_id, variant, first_exposed_at, segment)}: the analysed population, one row
     * per unit, with its segment of {@code dimension} ({@value Dimension#UNKNOWN} without a members
     * row), or {@value #ALL} when {@code dimension} is null.
     */
    public static CommonTableExpression<Record4<Long, String, LocalDateTime, String>> units(Experiment experiment,
                                                                                          Dimension dimension) {
        var exposures = WarehouseSchema.EXPOSURES.table().as("x");
        Field<Long> unit = WarehouseSchema.EXPOSURES.column(exposures, WarehouseSchema.UNIT_ID);
        Field<String> variant = WarehouseSchema.EXPOSURES.column(exposures, WarehouseSchema.VARIANT);
        Field<LocalDateTime> exposedAt = WarehouseSchema.EXPOSURES.column(exposures, WarehouseSchema.EXPOSED_AT);
        var select = org.jooq.impl.DSL.select(unit, min(variant), min(exposedAt), segment(dimension));
        var from = dimension == null ? select.from(exposures) : select.from(exposures).leftJoin(MEMBERS)
                .on(WarehouseSchema.MEMBERS.column(MEMBERS, WarehouseSchema.UNIT_ID).eq(unit));
        return name(UNITS).fields(UNIT_ID.getName(), VARIANT.getName(), FIRST_EXPOSED_AT.getName(), SEGMENT.getName())
                .as(from.where(inExperimentPeriod(experiment, exposures).and(validVariant(experiment, variant)))
                        .groupBy(unit)
                        // one variant: min = max, cheaper than count(distinct variant) = 1
                        .having(min(variant).eq(max(variant))));
    }

    /** {@link #units(Experiment, Dimension)} unsliced. */
    public static CommonTableExpression<Record4<Long, String, LocalDateTime, String>> units(Experiment experiment) {
        return units(experiment, null);
    }

    private static final Table<?> MEMBERS = WarehouseSchema.MEMBERS.table().as("m");

    private static Field<String> segment(Dimension dimension) {
        if (dimension == null) {
            return inline(ALL);
        }
        return coalesce(min(WarehouseSchema.MEMBERS.column(MEMBERS, dimension.column())), inline(Dimension.UNKNOWN));
    }

    /** Units per segment and variant: {@code (segment, variant, units)}. */
    public static ResultQuery<?> unitCounts(DSLContext dsl, Experiment experiment, Dimension dimension) {
        var units = units(experiment, dimension);
        return dsl.with(units)
                .select(SEGMENT.as(SEGMENT.getName()), VARIANT.as(VARIANT.getName()),
                        count().cast(SQLDataType.BIGINT).as(UNITS_COLUMN))
                .from(units)
                .groupBy(SEGMENT, VARIANT);
    }

    /** segment → variant → units, from the rows of {@link #unitCounts}. */
    public static Map<String, Map<String, Long>> readUnitCounts(List<Row> rows) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        for (Row row : rows) {
            counts.computeIfAbsent(row.string(SEGMENT.getName()), s -> new LinkedHashMap<>())
                    .put(row.string(VARIANT.getName()), row.longValue(UNITS_COLUMN));
        }
        return counts;
    }

    /**
     * One row per variant with its unit count, plus totals of crossover units and invalid exposure
     * rows; read it with {@link #read}.
     */
    public static ResultQuery<?> summary(DSLContext dsl, Experiment experiment) {
        Condition valid = validVariant(experiment);
        var perUnit = name("exposed_units").as(dsl
                .select(WarehouseSchema.UNIT_ID,
                        min(WarehouseSchema.VARIANT).filterWhere(valid).as(FIRST_VARIANT),
                        max(WarehouseSchema.VARIANT).filterWhere(valid).as(LAST_VARIANT),
                        count().filterWhere(valid.not()).cast(SQLDataType.BIGINT).as(INVALID_ROWS))
                .from(WarehouseSchema.EXPOSURES.table())
                .where(inExperimentPeriod(experiment))
                .groupBy(WarehouseSchema.UNIT_ID));
        // A unit's valid exposures name one variant when their min and max agree, several when not
        // (neither without a valid exposure): cheaper than count(distinct variant).
        Condition oneVariant = FIRST_VARIANT.eq(LAST_VARIANT);
        Field<String> variant = when(oneVariant, FIRST_VARIANT);
        return dsl.with(perUnit)
                .select(variant.as(VARIANT.getName()),
                        count().filterWhere(oneVariant).cast(SQLDataType.BIGINT).as(UNITS_COLUMN),
                        count().filterWhere(FIRST_VARIANT.ne(LAST_VARIANT)).cast(SQLDataType.BIGINT).as(CROSSOVERS_COLUMN),
                        sum(INVALID_ROWS).cast(SQLDataType.BIGINT).as(INVALID_COLUMN))
                .from(perUnit)
                // the expression, not its alias: Trino cannot group by an output column's name
                .groupBy(variant);
    }

    /** The population from the rows of {@link #summary}; a planned variant without units counts 0. */
    public static Population read(Experiment experiment, List<Row> rows) {
        Map<String, Long> units = new LinkedHashMap<>();
        experiment.variants().forEach(v -> units.put(v.variant(), 0L));
        long crossovers = 0;
        long invalid = 0;
        for (Row row : rows) {
            String variant = row.string(VARIANT.getName());
            if (variant != null) {
                units.put(variant, row.longValue(UNITS_COLUMN));
            }
            crossovers += row.longValue(CROSSOVERS_COLUMN);
            invalid += row.longValue(INVALID_COLUMN);
        }
        return new Population(units, crossovers, invalid);
    }

    private static Condition inExperimentPeriod(Experiment experiment) {
        return inExperimentPeriod(experiment, WarehouseSchema.EXPOSURES.table());
    }

    private static Condition inExperimentPeriod(Experiment experiment, Table<?> exposures) {
        Field<LocalDateTime> exposedAt = WarehouseSchema.EXPOSURES.column(exposures, WarehouseSchema.EXPOSED_AT);
        return WarehouseSchema.EXPOSURES.column(exposures, WarehouseSchema.EXPERIMENT_ID).eq(inline(experiment.id()))
                .and(exposedAt.ge(inline(experiment.startDate().atStartOfDay())))
                .and(exposedAt.lt(inline(analysisEnd(experiment))));
    }

    private static Condition validVariant(Experiment experiment) {
        return validVariant(experiment, WarehouseSchema.VARIANT);
    }

    private static Condition validVariant(Experiment experiment, Field<String> variant) {
        List<Field<String>> variants = experiment.variants().stream().map(v -> (Field<String>) inline(v.variant())).toList();
        return variant.isNotNull().and(variant.in(variants));
    }
}
