package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.impl.SQLDataType;

/**
 * The per-unit values of the metrics of one {@link Source}: the {@value #PER_UNIT} table (one
 * row per analysed unit, one scan of the source joined to the units) and, over it, each metric's
 * value as the final query reads it (capped when the metric is), with the condition that the
 * unit's window has elapsed. For a quantile metric, a unit's value is the sorted list of its
 * events' values and their number (engines that aggregate lists only, see
 * {@link io.splitscope.sql.dialect.Dialects#aggregatesEventLists}). The fused per-variant query
 * and the unit-level query both select from it.
 */
final class PerUnitTable {

    private static final String PER_UNIT = "per_unit";
    private static final String COVARIATE = "__x";
    private static final String NUMERATOR = "__num";
    private static final String DENOMINATOR = "__den";
    private static final String EVENTS = "__events";
    private static final String EVENT_COUNT = "__event_count";

    private final Experiment experiment;
    private final CommonTableExpression<?> units;
    private final CommonTableExpression<?> perUnit;
    private final CommonTableExpression<?> caps;

    private PerUnitTable(Experiment experiment, CommonTableExpression<?> units, CommonTableExpression<?> perUnit,
                         CommonTableExpression<?> caps) {
        this.experiment = experiment;
        this.units = units;
        this.perUnit = perUnit;
        this.caps = caps;
    }

    /**
     * @param withCovariates also compute each mean and proportion metric's value over the
     *                       pre-exposure window, for CUPED
     * @param segmentBy      the member dimension the units are sliced by, or null
     */
    static PerUnitTable build(DSLContext dsl, Experiment experiment, Source source, List<Metric> metrics,
                              boolean withCovariates, Dimension segmentBy) {
        requireSameSource(source, metrics);
        Field<LocalDateTime> eventTime = source.timestampColumn().orElse(null);
        List<SelectField<?>> columns = new ArrayList<>(List.of(
                PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT, PopulationQuery.SEGMENT));
        for (Metric metric : metrics) {
            Condition inWindow = MetricWindows.inWindow(eventTime, metric.window()).and(metric.filter());
            switch (metric.measure()) {
                case Measure.Mean mean ->
                        columns.addAll(valueAndCovariate(metric, mean.value(), inWindow, eventTime, withCovariates));
                case Measure.Proportion proportion ->
                        columns.addAll(valueAndCovariate(metric, proportion.value(), inWindow, eventTime, withCovariates));
                case Measure.Ratio ratio -> {
                    columns.add(ratio.numerator().aggregate(inWindow).as(metric.id() + NUMERATOR));
                    columns.add(ratio.denominator().aggregate(inWindow).as(metric.id() + DENOMINATOR));
                }
                case Measure.Quantile quantile -> {
                    Field<Double> value = quantile.eventValue().cast(SQLDataType.DOUBLE);
                    columns.add(arrayAgg(value).orderBy(value).filterWhere(inWindow.and(value.isNotNull()))
                            .as(metric.id() + EVENTS));
                    columns.add(count(value).filterWhere(inWindow).cast(SQLDataType.BIGINT).as(metric.id() + EVENT_COUNT));
                }
            }
        }
        var units = PopulationQuery.units(experiment, segmentBy);
        var perUnit = name(PER_UNIT).as(dsl
                .select(columns)
                .from(units)
                .leftJoin(source.events())
                .on(source.unitColumn().eq(PopulationQuery.UNIT_ID)
                        .and(MetricWindows.joinRange(eventTime, metrics, withCovariates)))
                .groupBy(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT,
                        PopulationQuery.SEGMENT));

        PerUnitTable withoutCaps = new PerUnitTable(experiment, units, perUnit, null);
        List<SelectField<?>> capsColumns = new ArrayList<>();
        for (Metric metric : metrics) {
            if (metric.measure() instanceof Measure.Ratio || metric.measure() instanceof Measure.Quantile) {
                continue;
            }
            Condition complete = withoutCaps.complete(metric);
            capsColumns.addAll(Capping.capsColumns(metric, metric.id(), column(metric.id()), complete));
            if (withCovariates) {
                capsColumns.addAll(Capping.capsColumns(metric, metric.id() + COVARIATE, column(metric.id() + COVARIATE), complete));
            }
        }
        return capsColumns.isEmpty() ? withoutCaps
                : new PerUnitTable(experiment, units, perUnit, name(Capping.CAPS).as(dsl.select(capsColumns).from(perUnit)));
    }

    /** {@code WITH units, per_unit[, caps] SELECT columns FROM per_unit [CROSS JOIN caps]}. */
    SelectJoinStep<?> select(DSLContext dsl, List<? extends SelectField<?>> selected) {
        if (caps == null) {
            return dsl.with(units).with(perUnit).select(selected).from(perUnit);
        }
        return dsl.with(units).with(perUnit).with(caps).select(selected).from(perUnit.crossJoin(caps));
    }

    Field<String> segment() {
        return column(PopulationQuery.SEGMENT.getName(), SQLDataType.VARCHAR);
    }

    Field<String> variant() {
        return column(PopulationQuery.VARIANT.getName(), SQLDataType.VARCHAR);
    }

    Field<Object> unitId() {
        return field(name(PER_UNIT, PopulationQuery.UNIT_ID.getName()));
    }

    /** The unit's window for {@code metric} has fully elapsed. */
    Condition complete(Metric metric) {
        return MetricWindows.complete(column(PopulationQuery.FIRST_EXPOSED_AT.getName(), SQLDataType.LOCALDATETIME),
                experiment, metric.window());
    }

    /** A mean or proportion metric's per-unit value, capped as the metric says. */
    Field<Double> value(Metric metric) {
        return Capping.apply(metric, metric.id(), column(metric.id()));
    }

    /** Its pre-exposure covariate (only when built with covariates), capped alike. */
    Field<Double> covariate(Metric metric) {
        return Capping.apply(metric, metric.id() + COVARIATE, column(metric.id() + COVARIATE));
    }

    /** A ratio metric's per-unit numerator. */
    Field<Double> numerator(Metric metric) {
        return column(metric.id() + NUMERATOR);
    }

    /** A ratio metric's per-unit denominator. */
    Field<Double> denominator(Metric metric) {
        return column(metric.id() + DENOMINATOR);
    }

    /** A quantile metric's per-unit list of event values, sorted. */
    Field<Double[]> events(Metric metric) {
        return column(metric.id() + EVENTS, SQLDataType.DOUBLE.array());
    }

    /** A quantile metric's per-unit number of events. */
    Field<Long> eventCount(Metric metric) {
        return column(metric.id() + EVENT_COUNT, SQLDataType.BIGINT);
    }

    private static Field<Double> column(String name) {
        return column(name, SQLDataType.DOUBLE);
    }

    private static <T> Field<T> column(String name, DataType<T> type) {
        return field(name(PER_UNIT, name), type);
    }

    /**
     * The value over the metric's window ({@code inWindow}, filter included) and, for CUPED, over the
     * pre-exposure window; a metric without a window has no pre-exposure value, and its covariate is
     * 0 for every unit, so that CUPED leaves it as it is ({@code θ = 0}).
     */
    private static List<Field<Double>> valueAndCovariate(Metric metric, UnitValue value, Condition inWindow,
                                                         Field<LocalDateTime> eventTime, boolean withCovariates) {
        List<Field<Double>> columns = new ArrayList<>();
        columns.add(value.aggregate(inWindow).as(metric.id()));
        if (withCovariates) {
            Field<Double> covariate = metric.windowed()
                    ? value.aggregate(MetricWindows.inPreExposureWindow(eventTime).and(metric.filter()))
                    : org.jooq.impl.DSL.inline(0.0);
            columns.add(covariate.as(metric.id() + COVARIATE));
        }
        return columns;
    }

    private static void requireSameSource(Source source, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to compute over " + source.id());
        }
        for (Metric metric : metrics) {
            if (!metric.source().equals(source)) {
                throw new IllegalArgumentException("metric " + metric.id() + " reads " + metric.source().id() + ", not " + source.id());
            }
        }
    }
}
