package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.EventSource;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.stats.arrow.MomentColumns;
import java.time.LocalDateTime;
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
 * Compiles all mean, proportion and ratio metrics of one {@link EventSource} into a single query:
 * one scan of the source joined to the analysed units, aggregated by the engine down to one row
 * per variant of sufficient statistics (the columns of {@link MomentColumns}); no per-unit row
 * leaves the engine.
 *
 * <pre>
 * WITH units AS (population rules),
 *      per_unit AS (SELECT unit, variant, first_exposed_at, y(m1), x(m1), y(m2), …
 *                   FROM units LEFT JOIN source ON unit AND time within the widest window
 *                   GROUP BY unit)
 * SELECT segment, variant, per metric: n, Σy, Σy² (Σx, Σx², Σxy; or the six sums of a ratio)
 *        over the units whose window has elapsed
 * FROM per_unit GROUP BY segment, variant
 * </pre>
 */
public final class FusedMetricQuery {

    private static final String PER_UNIT = "per_unit";
    private static final String COVARIATE = "__x";
    private static final String NUMERATOR = "__num";
    private static final String DENOMINATOR = "__den";

    private FusedMetricQuery() {
    }

    /**
     * @param withCovariates also compute each mean and proportion metric's value over the
     *                       pre-exposure window ({@link MetricWindows#PRE_EXPOSURE_DAYS} days), for CUPED
     * @param segmentBy      slice the statistics by this member dimension, or null for one segment
     */
    public static ResultQuery<?> build(DSLContext dsl, Experiment experiment, EventSource source, List<Metric> metrics,
                                       boolean withCovariates, Dimension segmentBy) {
        requireAggregatable(source, metrics);
        Field<LocalDateTime> eventTime = source.column(source.timestamp());

        List<SelectField<?>> perUnitColumns = new ArrayList<>(List.of(
                PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT, PopulationQuery.SEGMENT));
        for (Metric metric : metrics) {
            Condition inWindow = MetricWindows.inWindow(eventTime, metric.window()).and(metric.filter());
            switch (metric.measure()) {
                case Measure.Mean mean -> perUnitColumns.addAll(valueAndCovariate(metric, mean.value(), eventTime, withCovariates));
                case Measure.Proportion proportion ->
                        perUnitColumns.addAll(valueAndCovariate(metric, proportion.value(), eventTime, withCovariates));
                case Measure.Ratio ratio -> {
                    perUnitColumns.add(ratio.numerator().aggregate(inWindow).as(metric.id() + NUMERATOR));
                    perUnitColumns.add(ratio.denominator().aggregate(inWindow).as(metric.id() + DENOMINATOR));
                }
                case Measure.Quantile quantile -> throw new IllegalStateException("unreachable: checked above");
            }
        }
        var units = PopulationQuery.units(experiment, segmentBy);
        var perUnit = name(PER_UNIT).as(dsl
                .select(perUnitColumns)
                .from(units)
                .leftJoin(source.events())
                .on(source.column(WarehouseSchema.UNIT_ID).eq(PopulationQuery.UNIT_ID)
                        .and(MetricWindows.joinRange(eventTime, metrics, withCovariates)))
                .groupBy(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT,
                        PopulationQuery.SEGMENT));

        Field<LocalDateTime> firstExposedAt = perUnitField(PopulationQuery.FIRST_EXPOSED_AT.getName(), SQLDataType.LOCALDATETIME);
        Field<String> variant = perUnitField(PopulationQuery.VARIANT.getName(), SQLDataType.VARCHAR);
        Field<String> segment = perUnitField(PopulationQuery.SEGMENT.getName(), SQLDataType.VARCHAR);
        List<SelectField<?>> moments = new ArrayList<>();
        moments.add(segment.as(MomentColumns.SEGMENT));
        moments.add(variant.as(MomentColumns.VARIANT));
        List<SelectField<?>> caps = new ArrayList<>();
        for (Metric metric : metrics) {
            Condition complete = MetricWindows.complete(firstExposedAt, experiment, metric.window());
            Function<Field<Double>, Field<Double>> total = value -> sum(value).filterWhere(complete).cast(SQLDataType.DOUBLE);
            moments.add(count().filterWhere(complete).cast(SQLDataType.BIGINT).as(MomentColumns.n(metric.id())));
            if (metric.measure() instanceof Measure.Ratio) {
                Field<Double> numerator = perUnitField(metric.id() + NUMERATOR, SQLDataType.DOUBLE);
                Field<Double> denominator = perUnitField(metric.id() + DENOMINATOR, SQLDataType.DOUBLE);
                moments.add(total.apply(numerator).as(MomentColumns.numeratorSum(metric.id())));
                moments.add(total.apply(numerator.times(numerator)).as(MomentColumns.numeratorSumSquares(metric.id())));
                moments.add(total.apply(denominator).as(MomentColumns.denominatorSum(metric.id())));
                moments.add(total.apply(denominator.times(denominator)).as(MomentColumns.denominatorSumSquares(metric.id())));
                moments.add(total.apply(numerator.times(denominator)).as(MomentColumns.numeratorDenominatorSum(metric.id())));
                continue;
            }
            caps.addAll(Capping.capsColumns(metric, metric.id(), perUnitField(metric.id(), SQLDataType.DOUBLE), complete));
            Field<Double> y = Capping.apply(metric, metric.id(), perUnitField(metric.id(), SQLDataType.DOUBLE));
            moments.add(total.apply(y).as(MomentColumns.sum(metric.id())));
            moments.add(total.apply(y.times(y)).as(MomentColumns.sumSquares(metric.id())));
            if (withCovariates) {
                String covariate = metric.id() + COVARIATE;
                caps.addAll(Capping.capsColumns(metric, covariate, perUnitField(covariate, SQLDataType.DOUBLE), complete));
                Field<Double> x = Capping.apply(metric, covariate, perUnitField(covariate, SQLDataType.DOUBLE));
                moments.add(total.apply(x).as(MomentColumns.covariateSum(metric.id())));
                moments.add(total.apply(x.times(x)).as(MomentColumns.covariateSumSquares(metric.id())));
                moments.add(total.apply(x.times(y)).as(MomentColumns.sumProduct(metric.id())));
            }
        }
        if (!caps.isEmpty()) {
            var capsTable = name(Capping.CAPS).as(dsl.select(caps).from(perUnit));
            return dsl.with(units).with(perUnit).with(capsTable).select(moments).from(perUnit).crossJoin(capsTable)
                    .groupBy(segment, variant);
        }
        return dsl.with(units).with(perUnit).select(moments).from(perUnit).groupBy(segment, variant);
    }

    private static List<Field<Double>> valueAndCovariate(Metric metric, io.splitscope.metrics.UnitValue value,
                                                         Field<LocalDateTime> eventTime, boolean withCovariates) {
        List<Field<Double>> columns = new ArrayList<>();
        columns.add(value.aggregate(MetricWindows.inWindow(eventTime, metric.window()).and(metric.filter())).as(metric.id()));
        if (withCovariates) {
            columns.add(value.aggregate(MetricWindows.inPreExposureWindow(eventTime).and(metric.filter()))
                    .as(metric.id() + COVARIATE));
        }
        return columns;
    }

    private static void requireAggregatable(EventSource source, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to compute over " + source.id());
        }
        for (Metric metric : metrics) {
            if (!metric.source().equals(source)) {
                throw new IllegalArgumentException("metric " + metric.id() + " reads " + metric.source().id() + ", not " + source.id());
            }
            if (metric.measure() instanceof Measure.Quantile) {
                throw new IllegalArgumentException("metric " + metric.id() + " is a quantile: its events come from UnitEventsQuery");
            }
        }
    }

    private static <T> Field<T> perUnitField(String column, org.jooq.DataType<T> type) {
        return field(name(PER_UNIT, column), type);
    }
}
