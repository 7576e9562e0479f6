package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.sum;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.stats.arrow.MomentColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;

/**
 * Compiles all mean, proportion and ratio metrics of one {@link Source} into a single query:
 * one scan of the source joined to the analysed units, aggregated by the engine down to one row
 * per variant of sufficient statistics (the columns of {@link MomentColumns}); no per-unit row
 * leaves the engine.
 *
 * <p>On an engine that aggregates lists ({@link Dialects#aggregatesEventLists}: DuckDB), quantile
 * metrics of the source join the same scan: their events reach the JVM as two lists per variant
 * (every event value, unit after unit in the order of unit ids and sorted within a unit; and each
 * unit's number of events), the very arrays an event-level query ({@link UnitEventsQuery}) would
 * give, without scanning the source a second time. Pass one quantile metric per distinct events
 * ({@link UnitEventsQuery#sameEvents}); the others read its columns.
 *
 * <pre>
 * WITH units AS (population rules, over the exposed units: staged once per analysis or computed here),
 *      unit_totals AS (SELECT unit, y(m1), x(m1), y(m2), …
 *                      FROM units JOIN source ON unit AND time within the widest window
 *                      (with funnels: the source's rows with their step columns, FunnelSteps)
 *                      GROUP BY unit),
 *      per_unit AS (SELECT unit, variant, first_exposed_at, coalesce(y(m1), 0), …
 *                   FROM units LEFT JOIN unit_totals USING (unit))
 * SELECT segment, variant, per metric: n, Σy, Σy² (Σx, Σx², Σxy; or the six sums of a ratio;
 *        or a quantile's flatten(list(events order by unit)), list(event count order by unit))
 *        over the units whose window has elapsed and that pass its unit filter; the units the
 *        filter drops; the percentile caps it used
 * FROM per_unit [CROSS JOIN caps]
 * GROUP BY segment, variant
 * </pre>
 */
public final class FusedMetricQuery {

    private FusedMetricQuery() {
    }

    /**
     * @param withCovariates also compute each mean and proportion metric's value over the
     *                       pre-exposure window ({@link MetricWindows#PRE_EXPOSURE_DAYS} days), for CUPED
     * @param segmentBy      slice the statistics by these dimensions' cross product (at most two), or empty (null) for one segment
     * @throws IllegalArgumentException for a quantile metric when the dialect does not
     *                                  {@linkplain Dialects#aggregatesEventLists aggregate event lists}
     */
    public static ResultQuery<?> build(DSLContext dsl, ExposedUnits exposed, Source source, List<Metric> metrics,
                                       boolean withCovariates, List<Dimension> segmentBy) {
        PerUnitTable table = PerUnitTable.build(dsl, exposed, source, metrics, withCovariates, segmentBy);
        List<SelectField<?>> moments = new ArrayList<>();
        moments.add(table.segment().as(MomentColumns.SEGMENT));
        moments.add(table.variant().as(MomentColumns.VARIANT));
        for (Metric metric : metrics) {
            Condition complete = table.complete(metric);
            Function<Field<Double>, Field<Double>> total = value -> sum(value).filterWhere(complete).cast(SQLDataType.DOUBLE);
            if (metric.unitFilter() != null) {
                moments.add(count().filterWhere(table.filteredOut(metric)).cast(SQLDataType.BIGINT)
                        .as(MomentColumns.filteredOut(metric.id())));
            }
            if (metric.measure() instanceof Measure.Quantile) {
                requireEventLists(dsl, metric);
                moments.add(function("flatten", Double[].class,
                        arrayAgg(table.events(metric)).orderBy(table.unitId()).filterWhere(complete))
                        .as(MomentColumns.events(metric.id())));
                moments.add(arrayAgg(table.eventCount(metric)).orderBy(table.unitId()).filterWhere(complete)
                        .as(MomentColumns.unitEvents(metric.id())));
                continue;
            }
            moments.add(count().filterWhere(complete).cast(SQLDataType.BIGINT).as(MomentColumns.n(metric.id())));
            if (metric.measure() instanceof Measure.Ratio) {
                Field<Double> numerator = table.numerator(metric);
                Field<Double> denominator = table.denominator(metric);
                moments.add(total.apply(numerator).as(MomentColumns.numeratorSum(metric.id())));
                moments.add(total.apply(numerator.times(numerator)).as(MomentColumns.numeratorSumSquares(metric.id())));
                moments.add(total.apply(denominator).as(MomentColumns.denominatorSum(metric.id())));
                moments.add(total.apply(denominator.times(denominator)).as(MomentColumns.denominatorSumSquares(metric.id())));
                moments.add(total.apply(numerator.times(denominator)).as(MomentColumns.numeratorDenominatorSum(metric.id())));
                continue;
            }
            Field<Double> y = table.value(metric);
            moments.addAll(Capping.capsUsed(metric, metric.id()));
            moments.add(total.apply(y).as(MomentColumns.sum(metric.id())));
            moments.add(total.apply(y.times(y)).as(MomentColumns.sumSquares(metric.id())));
            if (withCovariates) {
                Field<Double> x = table.covariate(metric);
                moments.add(total.apply(x).as(MomentColumns.covariateSum(metric.id())));
                moments.add(total.apply(x.times(x)).as(MomentColumns.covariateSumSquares(metric.id())));
                moments.add(total.apply(x.times(y)).as(MomentColumns.sumProduct(metric.id())));
            }
        }
        return table.select(dsl, moments).groupBy(table.segment(), table.variant());
    }

    private static void requireEventLists(DSLContext dsl, Metric metric) {
        if (!Dialects.aggregatesEventLists(dsl.dialect())) {
            throw new IllegalArgumentException("metric " + metric.id() + " is a quantile: on "
                    + Dialects.nameOf(dsl.dialect()) + " its events come from UnitEventsQuery");
        }
    }
}
