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
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The population rules of {@code spec/warehouse.md} as SQL, over the rows of an experiment's
 * assignment ({@code spec/project.md}: the rows of its key when the assignment names experiments;
 * {@code exposed_at} is the assignment source's timestamp):
 * <ol>
 *   <li>assignment rows of the experiment with {@code exposed_at} in {@code [start_date, end_date + 1 day)}
 *       (every row when the assignment has no timestamp);</li>
 *   <li>rows whose variant is not one of the experiment's (NULL included) are dropped and counted as
 *       invalid exposures;</li>
 *   <li>a unit whose remaining rows name more than one variant is a crossover and is excluded;</li>
 *   <li>every other unit is analysed in its variant from its earliest exposure (no first exposure
 *       without a timestamp).</li>
 * </ol>
 */
public final class PopulationQuery {

    /** Name of the common table expression that holds the analysed units. */
    public static final String UNITS = "units";
    /** Columns of {@link #UNITS}; the unit id is a string or an integer, as the assignment's unit column is. */
    public static final Field<Object> UNIT_ID = field(name(UNITS, "unit_id"));
    public static final Field<String> VARIANT = field(name(UNITS, "variant"), SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> FIRST_EXPOSED_AT =
            field(name(UNITS, "first_exposed_at"), SQLDataType.LOCALDATETIME);
    /** The unit's segment of the dimension results are sliced by, or {@value #ALL} when they are not. */
    public static final Field<String> SEGMENT = field(name(UNITS, "segment"), SQLDataType.VARCHAR);
    /** The one segment of an analysis that is not sliced. */
    public static final String ALL = "all";

    /** The most dimensions results are sliced by at once (their cross product). */
    public static final int MAX_SEGMENT_DIMENSIONS = 2;
    /** Between the values of a segment of two dimensions: {@code DE × mobile}. */
    public static final String SEGMENT_SEPARATOR = " × ";
    private static final String UNITS_COLUMN = "units";
    private static final String CROSSOVERS_COLUMN = "crossover_units";
    private static final String INVALID_COLUMN = "invalid_exposures";
    private static final String ROWS_COLUMN = "exposure_rows";
    private static final String RECENT_COLUMN = "recent_units";

    private PopulationQuery() {
    }

    /** The first instant after the analysis: {@code end_date + 1 day 00:00}. */
    public static LocalDateTime analysisEnd(Experiment experiment) {
        return experiment.endDate().plusDays(1).atStartOfDay();
    }

    /**
     * {@code units(unit_id, variant, first_exposed_at, segment)}: the analysed population, one row
     * per unit whose valid exposures name one variant, with its segment of {@code segmentBy}
     * (the unit's value of each dimension, in the order given, joined by {@value #SEGMENT_SEPARATOR}:
     * {@code DE × mobile}; {@value Dimension#UNKNOWN} for a value the unit has no row for), or
     * {@value #ALL} when {@code segmentBy} is empty or null.
     *
     * @throws IllegalArgumentException for more than {@value #MAX_SEGMENT_DIMENSIONS} dimensions or a repeated one
     */
    public static CommonTableExpression<Record4<Object, String, LocalDateTime, String>> units(ExposedUnits exposed,
                                                                                            List<Dimension> segmentBy) {
        segmentBy = segmentBy == null ? List.of() : segmentBy;
        requireSegmentable(segmentBy);
        Table<?> rows = exposed.table();
        // one variant: the smallest and the largest valid variant agree
        Condition oneVariant = ExposedUnits.FIRST_VARIANT.eq(ExposedUnits.LAST_VARIANT);
        UnitAttributes attributes = new UnitAttributes(segmentBy);
        var columns = DSL.select(ExposedUnits.UNIT_ID, ExposedUnits.FIRST_VARIANT, ExposedUnits.FIRST_EXPOSED_AT,
                segment(attributes));
        var units = segmentBy.isEmpty() ? columns.from(rows).where(oneVariant) : columns
                .from(attributes.joinedTo(rows, ExposedUnits.UNIT_ID))
                .where(oneVariant)
                .groupBy(ExposedUnits.UNIT_ID, ExposedUnits.FIRST_VARIANT, ExposedUnits.FIRST_EXPOSED_AT);
        return name(UNITS).fields(UNIT_ID.getName(), VARIANT.getName(), FIRST_EXPOSED_AT.getName(), SEGMENT.getName())
                .as(units);
    }

    /** {@link #units(ExposedUnits, List)} of units computed in the query, unsliced. */
    public static CommonTableExpression<Record4<Object, String, LocalDateTime, String>> units(Experiment experiment) {
        return units(ExposedUnits.of(experiment), List.of());
    }

    /**
     * @throws IllegalArgumentException for more than {@value #MAX_SEGMENT_DIMENSIONS} dimensions or a repeated one
     */
    public static void requireSegmentable(List<Dimension> segmentBy) {
        if (segmentBy.size() > MAX_SEGMENT_DIMENSIONS) {
            throw new IllegalArgumentException("segments by " + segmentBy.stream().map(Dimension::id).toList()
                    + ": at most " + MAX_SEGMENT_DIMENSIONS + " dimensions at once");
        }
        if (segmentBy.stream().map(Dimension::id).distinct().count() < segmentBy.size()) {
            throw new IllegalArgumentException("segments by " + segmentBy.stream().map(Dimension::id).toList()
                    + ": a dimension is named twice");
        }
    }

    private static Field<String> segment(UnitAttributes attributes) {
        if (attributes.dimensions().isEmpty()) {
            return inline(ALL);
        }
        Field<String> label = null;
        for (Dimension dimension : attributes.dimensions()) {
            Field<String> part = coalesce(min(attributes.column(dimension).cast(SQLDataType.VARCHAR)), inline(Dimension.UNKNOWN));
            label = label == null ? part : label.concat(inline(SEGMENT_SEPARATOR), part);
        }
        return label;
    }

    /** Units per segment and variant: {@code (segment, variant, units)}. */
    public static ResultQuery<?> unitCounts(DSLContext dsl, ExposedUnits exposed, List<Dimension> segmentBy) {
        var units = units(exposed, segmentBy);
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
     * One row per variant with its unit count, plus totals of crossover units, invalid exposure rows
     * and all exposure rows; read it with {@link #read}. No intake: see {@link #summary(DSLContext,
     * ExposedUnits, LocalDateTime, LocalDateTime)}.
     */
    public static ResultQuery<?> summary(DSLContext dsl, ExposedUnits exposed) {
        return summary(dsl, exposed, null, null);
    }

    /**
     * {@link #summary(DSLContext, ExposedUnits)} with each variant's units first exposed in
     * {@code [intakeFrom, intakeTo)} as well (its {@code recent_units}), for the intake per day.
     *
     * @param intakeFrom the start of the intake period, or null for none (then {@code intakeTo} is ignored)
     */
    public static ResultQuery<?> summary(DSLContext dsl, ExposedUnits exposed, LocalDateTime intakeFrom,
                                         LocalDateTime intakeTo) {
        // A unit's valid exposures name one variant when their min and max agree, several when not
        // (neither without a valid exposure): cheaper than count(distinct variant).
        Field<String> first = ExposedUnits.FIRST_VARIANT;
        Field<String> last = ExposedUnits.LAST_VARIANT;
        Condition oneVariant = first.eq(last);
        Field<String> variant = when(oneVariant, first);
        Field<Long> recent = intakeFrom == null ? inline(0L)
                : count().filterWhere(oneVariant.and(ExposedUnits.FIRST_EXPOSED_AT.ge(inline(intakeFrom)))
                        .and(ExposedUnits.FIRST_EXPOSED_AT.lt(inline(intakeTo)))).cast(SQLDataType.BIGINT);
        return dsl.select(variant.as(VARIANT.getName()),
                        count().filterWhere(oneVariant).cast(SQLDataType.BIGINT).as(UNITS_COLUMN),
                        count().filterWhere(first.ne(last)).cast(SQLDataType.BIGINT).as(CROSSOVERS_COLUMN),
                        sum(ExposedUnits.INVALID_ROWS).cast(SQLDataType.BIGINT).as(INVALID_COLUMN),
                        sum(ExposedUnits.EXPOSURE_ROWS).cast(SQLDataType.BIGINT).as(ROWS_COLUMN),
                        recent.as(RECENT_COLUMN))
                .from(exposed.table())
                // the expression, not its alias: Trino cannot group by an output column's name
                .groupBy(variant);
    }

    /** {@link #summary(DSLContext, ExposedUnits)} of units computed in the query. */
    public static ResultQuery<?> summary(DSLContext dsl, Experiment experiment) {
        return summary(dsl, ExposedUnits.of(experiment));
    }

    /** The population from the rows of {@link #summary(DSLContext, ExposedUnits)}; a planned variant without units counts 0. */
    public static Population read(Experiment experiment, List<Row> rows) {
        return read(experiment, rows, null, null);
    }

    /**
     * The population from the rows of {@link #summary(DSLContext, ExposedUnits, LocalDateTime,
     * LocalDateTime)} with the same intake period (none when {@code intakeFrom} is null).
     */
    public static Population read(Experiment experiment, List<Row> rows, LocalDateTime intakeFrom,
                                  LocalDateTime intakeTo) {
        Map<String, Long> units = new LinkedHashMap<>();
        Map<String, Long> recent = new LinkedHashMap<>();
        experiment.variantNames().forEach(v -> {
            units.put(v, 0L);
            recent.put(v, 0L);
        });
        long crossovers = 0;
        long invalid = 0;
        long exposureRows = 0;
        for (Row row : rows) {
            String variant = row.string(VARIANT.getName());
            if (variant != null) {
                units.put(variant, row.longValue(UNITS_COLUMN));
                recent.put(variant, row.longValue(RECENT_COLUMN));
            }
            crossovers += row.longValue(CROSSOVERS_COLUMN);
            invalid += row.longValue(INVALID_COLUMN);
            exposureRows += row.longValue(ROWS_COLUMN);
        }
        Population.Intake intake = intakeFrom == null ? null : new Population.Intake(intakeFrom, intakeTo, recent);
        return new Population(units, crossovers, invalid, exposureRows, intake);
    }
}
