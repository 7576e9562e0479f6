package io.splitscope.metrics.population;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Source;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * An experiment's assignment rows condensed to one row per unit, the input of every population
 * rule ({@link PopulationQuery}): {@code (unit_id, first_variant, last_variant, first_exposed_at,
 * invalid_rows, exposure_rows)}, the smallest and largest of the unit's valid variants (equal for a unit in one
 * variant, different for a crossover, NULL without a valid row), its earliest valid exposure, and
 * its rows whose variant is not one of the experiment's, and all its rows.
 *
 * <p>Rows without a unit id (NULL, or empty as text: {@link Source#hasUnit}) are left out: they
 * name nobody, and would otherwise count as one more unit.
 *
 * <p>Every query of an analysis starts from these rows. They are computed inside each query
 * ({@link #of}), or read from a table that the analysis filled once with {@link #select()}
 * ({@link #readFrom}; {@code Warehouse.stage} on DuckDB), which saves a pass over the assignment
 * in every query after the first.
 *
 * @param staged the table holding {@link #select()}'s rows, or null to compute them in each query
 */
public record ExposedUnits(Experiment experiment, Table<?> staged) {

    /** The alias the rows go by in the queries that read them. */
    static final String ALIAS = "exposed_units";
    static final Field<Object> UNIT_ID = field(name(ALIAS, "unit_id"));
    static final Field<String> FIRST_VARIANT = field(name(ALIAS, "first_variant"), SQLDataType.VARCHAR);
    static final Field<String> LAST_VARIANT = field(name(ALIAS, "last_variant"), SQLDataType.VARCHAR);
    static final Field<LocalDateTime> FIRST_EXPOSED_AT = field(name(ALIAS, "first_exposed_at"), SQLDataType.LOCALDATETIME);
    static final Field<Long> INVALID_ROWS = field(name(ALIAS, "invalid_rows"), SQLDataType.BIGINT);
    static final Field<Long> EXPOSURE_ROWS = field(name(ALIAS, "exposure_rows"), SQLDataType.BIGINT);

    /** The alias of the assignment's rows. */
    private static final String EXPOSURES = "x";

    /** The experiment's exposed units, computed inside each query that reads them. */
    public static ExposedUnits of(Experiment experiment) {
        return new ExposedUnits(experiment, null);
    }

    /** The same units, read from {@code table}, which holds the rows of {@link #select()}. */
    public ExposedUnits readFrom(Table<?> table) {
        return new ExposedUnits(experiment, table);
    }

    /** The rows, one per unit with an assignment row of the experiment (in its dates when timed). */
    public Select<?> select() {
        Rows rows = Rows.of(experiment);
        Condition valid = rows.valid(experiment);
        Field<LocalDateTime> firstExposure = rows.exposedAt == null ? DSL.castNull(SQLDataType.LOCALDATETIME)
                : min(rows.exposedAt).filterWhere(valid);
        return DSL.select(rows.unit.as(UNIT_ID.getName()),
                        min(rows.variant).filterWhere(valid).as(FIRST_VARIANT.getName()),
                        max(rows.variant).filterWhere(valid).as(LAST_VARIANT.getName()),
                        firstExposure.as(FIRST_EXPOSED_AT.getName()),
                        count().filterWhere(valid.not()).cast(SQLDataType.BIGINT).as(INVALID_ROWS.getName()),
                        count().cast(SQLDataType.BIGINT).as(EXPOSURE_ROWS.getName()))
                .from(rows.table)
                .where(rows.ofExperiment(experiment))
                .groupBy(rows.unit);
    }

    /**
     * {@code (day, invalid_exposures)}: per calendar day (UTC) of {@code exposed_at}, the rows of
     * the experiment in its period whose variant is not one of its own (NULL included): the
     * invalid exposures of {@link #select()}'s {@code invalid_rows}, by the day they were logged.
     *
     * @throws IllegalStateException when the assignment has no timestamp (there are no days)
     */
    Select<?> invalidRowsPerDay(String dayColumn, String countColumn) {
        Rows rows = Rows.of(experiment);
        if (rows.exposedAt == null) {
            throw new IllegalStateException("experiment " + experiment.id() + ": its exposures have no time, so no days");
        }
        Field<LocalDate> day = rows.exposedAt.cast(SQLDataType.LOCALDATE);
        return DSL.select(day.as(dayColumn), count().cast(SQLDataType.BIGINT).as(countColumn))
                .from(rows.table)
                .where(rows.ofExperiment(experiment).and(rows.valid(experiment).not()))
                .groupBy(day);
    }

    /** The rows under the alias {@value #ALIAS}. */
    Table<?> table() {
        return staged == null ? select().asTable(ALIAS) : staged.as(ALIAS);
    }

    /** The assignment's rows under the alias {@value #EXPOSURES}: their unit, variant (as text) and exposure time. */
    private record Rows(Assignment assignment, Table<?> table, Field<Object> unit, Field<String> variant,
                        Field<LocalDateTime> exposedAt) {

        static Rows of(Experiment experiment) {
            Assignment assignment = experiment.requireAssignment();
            var source = assignment.source();
            Field<LocalDateTime> exposedAt = source.timestamp() == null ? null
                    : field(name(EXPOSURES, source.timestamp()), SQLDataType.LOCALDATETIME);
            // the variant as text, so that variants compare with their names on every engine whatever its type
            return new Rows(assignment, source.as(EXPOSURES), field(name(EXPOSURES, source.unit())),
                    field(name(EXPOSURES, assignment.variantColumn())).cast(SQLDataType.VARCHAR), exposedAt);
        }

        /** Whether a row's variant is one of {@code experiment}'s (not NULL, not another name). */
        Condition valid(Experiment experiment) {
            return variant.isNotNull().and(variant.in(
                    experiment.variantNames().stream().map(v -> (Field<String>) inline(v)).toList()));
        }

        /** The rows of {@code experiment} that name a unit: its key, within its period when exposures have a time. */
        Condition ofExperiment(Experiment experiment) {
            Condition condition = assignment.experiment()
                    .map(column -> field(name(EXPOSURES, column)).cast(SQLDataType.VARCHAR).eq(inline(experiment.key())))
                    .orElse(DSL.noCondition())
                    .and(Source.hasUnit(unit));
            if (exposedAt != null && experiment.timed()) {
                condition = condition.and(exposedAt.ge(inline(experiment.startDate().atStartOfDay())))
                        .and(exposedAt.lt(inline(PopulationQuery.analysisEnd(experiment))));
            }
            return condition;
        }
    }
}
