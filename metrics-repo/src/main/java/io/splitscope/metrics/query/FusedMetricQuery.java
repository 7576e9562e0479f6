package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;

import io.splitscope.metrics.EventSource;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.stats.arrow.MomentColumns;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;

/**
 * Compiles all metrics of one {@link EventSource} into a single query: one scan of the source
 * joined to the analysed units, aggregated by the engine down to one row per variant of
 * sufficient statistics (columns of {@link MomentColumns}); no per-unit row leaves the engine.
 *
 * <pre>
 * WITH units AS (population rules),
 *      per_unit AS (SELECT unit, variant, first_exposed_at, value(m1), value(m2), …
 *                   FROM units LEFT JOIN source ON unit AND time in the longest window
 *                   GROUP BY unit)
 * SELECT variant, per metric: n, Σy, Σy² over units whose window has elapsed
 * FROM per_unit GROUP BY variant
 * </pre>
 */
public final class FusedMetricQuery {

    private static final String PER_UNIT = "per_unit";

    private FusedMetricQuery() {
    }

    public static ResultQuery<?> build(DSLContext dsl, Experiment experiment, EventSource source, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to compute over " + source.id());
        }
        for (Metric metric : metrics) {
            if (!metric.source().equals(source)) {
                throw new IllegalArgumentException("metric " + metric.id() + " reads " + metric.source().id() + ", not " + source.id());
            }
        }
        Field<LocalDateTime> eventTime = source.column(source.timestamp());
        int longestWindow = metrics.stream().mapToInt(m -> m.window().days()).max().orElseThrow();

        List<SelectField<?>> perUnitColumns = new ArrayList<>(List.of(
                PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT));
        for (Metric metric : metrics) {
            perUnitColumns.add(metric.value().aggregate(inWindow(eventTime, metric.window().days())).as(metric.id()));
        }
        var units = PopulationQuery.units(experiment);
        var perUnit = name(PER_UNIT).as(dsl
                .select(perUnitColumns)
                .from(units)
                .leftJoin(source.events())
                .on(source.column(WarehouseSchema.UNIT_ID).eq(PopulationQuery.UNIT_ID)
                        .and(inWindow(eventTime, longestWindow)))
                .groupBy(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT));

        Field<LocalDateTime> firstExposedAt = field(name(PER_UNIT, PopulationQuery.FIRST_EXPOSED_AT.getName()), SQLDataType.LOCALDATETIME);
        Field<String> variant = field(name(PER_UNIT, PopulationQuery.VARIANT.getName()), SQLDataType.VARCHAR);
        List<SelectField<?>> moments = new ArrayList<>();
        moments.add(variant.as(MomentColumns.VARIANT));
        for (Metric metric : metrics) {
            Field<Double> value = field(name(PER_UNIT, metric.id()), SQLDataType.DOUBLE);
            // The unit's window has fully elapsed: first_exposed_at + W days <= analysis_end.
            Condition complete = firstExposedAt.le(inline(PopulationQuery.analysisEnd(experiment).minusDays(metric.window().days())));
            moments.add(count().filterWhere(complete).cast(SQLDataType.BIGINT).as(MomentColumns.n(metric.id())));
            moments.add(sum(value).filterWhere(complete).cast(SQLDataType.DOUBLE).as(MomentColumns.sum(metric.id())));
            moments.add(sum(value.times(value)).filterWhere(complete).cast(SQLDataType.DOUBLE)
                    .as(MomentColumns.sumSquares(metric.id())));
        }
        return dsl.with(units).with(perUnit).select(moments).from(perUnit).groupBy(variant);
    }

    /** {@code first_exposed_at <= t < first_exposed_at + days}. */
    private static Condition inWindow(Field<LocalDateTime> eventTime, int days) {
        return eventTime.ge(PopulationQuery.FIRST_EXPOSED_AT)
                .and(eventTime.lt(localDateTimeAdd(PopulationQuery.FIRST_EXPOSED_AT, days, DatePart.DAY)));
    }
}
