package io.splitscope.metrics.population;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The population rules of {@link PopulationQuery} day by day, for the health of an experiment over
 * time ({@link DailyPopulation}): one query over the experiment's {@link ExposedUnits} (a unit
 * counts on the day of its first valid exposure, in its variant, or as a crossover) and its
 * invalid exposure rows (on the day they were logged). Days are UTC calendar days
 * ({@code cast(t as date)}, the same on DuckDB, PostgreSQL and Trino).
 */
public final class DailyPopulationQuery {

    private static final String DAY = "day";
    private static final String VARIANT = "variant";
    private static final String UNITS = "units";
    private static final String CROSSOVERS = "crossover_units";
    private static final String INVALID = "invalid_exposures";

    private DailyPopulationQuery() {
    }

    /**
     * {@code (day, variant, units, crossover_units, invalid_exposures)}: a row per day and variant
     * with its new units, a row per day with a NULL variant for its new crossovers, and a row per
     * day with a NULL variant for its invalid rows; read them with {@link #read}.
     *
     * @throws IllegalArgumentException when the experiment's exposures have no time (there are no days)
     */
    public static ResultQuery<?> build(DSLContext dsl, ExposedUnits exposed) {
        Experiment experiment = exposed.experiment();
        if (!experiment.timed()) {
            throw new IllegalArgumentException("experiment " + experiment.id()
                    + ": its exposures have no time, so there is nothing to count per day");
        }
        Field<String> first = ExposedUnits.FIRST_VARIANT;
        Field<String> last = ExposedUnits.LAST_VARIANT;
        Condition oneVariant = first.eq(last);
        Field<String> variant = when(oneVariant, first);
        Field<LocalDate> day = ExposedUnits.FIRST_EXPOSED_AT.cast(SQLDataType.LOCALDATE);
        var units = DSL.select(day.as(DAY), variant.as(VARIANT),
                        count().filterWhere(oneVariant).cast(SQLDataType.BIGINT).as(UNITS),
                        count().filterWhere(first.ne(last)).cast(SQLDataType.BIGINT).as(CROSSOVERS),
                        inline(0L).cast(SQLDataType.BIGINT).as(INVALID))
                .from(exposed.table())
                .where(ExposedUnits.FIRST_EXPOSED_AT.isNotNull())
                // the expressions, not their aliases: Trino cannot group by an output column's name
                .groupBy(day, variant);
        var invalid = exposed.invalidRowsPerDay(DAY, INVALID).asTable("invalid_per_day");
        var invalidRows = DSL.select(invalid.field(DAY, LocalDate.class).as(DAY),
                        DSL.castNull(SQLDataType.VARCHAR).as(VARIANT),
                        inline(0L).cast(SQLDataType.BIGINT).as(UNITS),
                        inline(0L).cast(SQLDataType.BIGINT).as(CROSSOVERS),
                        invalid.field(INVALID, Long.class).as(INVALID))
                .from(invalid);
        var all = units.unionAll(invalidRows).asTable("daily");
        return dsl.select(all.fields()).from(all);
    }

    /**
     * The days from the rows of {@link #build}, in date order, each with every variant of the
     * experiment (0 for a variant without units that day); a day without any row is absent.
     */
    public static List<DailyPopulation> read(Experiment experiment, List<Row> rows) {
        Map<LocalDate, Counts> days = new TreeMap<>();
        for (Row row : rows) {
            Counts counts = days.computeIfAbsent(row.date(DAY), d -> new Counts(experiment));
            String variant = row.string(VARIANT);
            if (variant != null) {
                counts.units.merge(variant, row.longValue(UNITS), Long::sum);
            }
            counts.crossovers += row.longValue(CROSSOVERS);
            counts.invalid += row.longValue(INVALID);
        }
        List<DailyPopulation> result = new ArrayList<>();
        days.forEach((date, counts) -> result.add(new DailyPopulation(date, counts.units, counts.crossovers, counts.invalid)));
        return result;
    }

    /** One day's counts while the rows are read. */
    private static final class Counts {
        final Map<String, Long> units = new LinkedHashMap<>();
        long crossovers;
        long invalid;

        Counts(Experiment experiment) {
            experiment.variantNames().forEach(v -> units.put(v, 0L));
        }
    }
}
