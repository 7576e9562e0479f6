package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;

import io.splitscope.metrics.Covariate;
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
    /** The units, then the unit-level covariates' tables (before {@value #PER_UNIT}, which joins them). */
    private final List<CommonTableExpression<?>> tables;
    private final CommonTableExpression<?> perUnit;
    private final CommonTableExpression<?> caps;

    private PerUnitTable(Experiment experiment, List<CommonTableExpression<?>> tables, CommonTableExpression<?> perUnit,
                         CommonTableExpression<?> caps) {
        this.experiment = experiment;
        this.tables = tables;
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
        List<UnitCovariate> unitCovariates = new ArrayList<>();
        for (Metric metric : metrics) {
            Condition inWindow = MetricWindows.inWindow(eventTime, metric.window()).and(metric.filter());
            switch (metric.measure()) {
                case Measure.Mean mean ->
                        columns.addAll(valueAndCovariate(metric, mean.value(), inWindow, eventTime, withCovariates, unitCovariates));
                case Measure.Proportion proportion -> columns.addAll(
                        valueAndCovariate(metric, proportion.value(), inWindow, eventTime, withCovariates, unitCovariates));
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
        List<CommonTableExpression<?>> tables = new ArrayList<>(List.of(units));
        SelectJoinStep<?> joined = dsl.select(columns).from(units);
        for (UnitCovariate covariate : unitCovariates) {
            CommonTableExpression<?> table = covariate.table(dsl);
            tables.add(table);
            // one row per unit: joining it leaves the sums over the source's rows as they are
            joined = joined.leftJoin(table).on(covariate.unitId().eq(PopulationQuery.UNIT_ID));
        }
        var perUnit = name(PER_UNIT).as(joined
                .leftJoin(source.events())
                .on(source.unitColumn().eq(PopulationQuery.UNIT_ID)
                        .and(MetricWindows.joinRange(eventTime, metrics, withCovariates)))
                .groupBy(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT,
                        PopulationQuery.SEGMENT));

        PerUnitTable withoutCaps = new PerUnitTable(experiment, List.copyOf(tables), perUnit, null);
        List<SelectField<?>> capsColumns = new ArrayList<>();
        for (Metric metric : metrics) {
            if (metric.measure() instanceof Measure.Ratio || metric.measure() instanceof Measure.Quantile) {
                continue;
            }
            Condition complete = withoutCaps.complete(metric);
            capsColumns.addAll(Capping.capsColumns(metric, metric.id(), column(metric.id()), complete));
        }
        return capsColumns.isEmpty() ? withoutCaps : new PerUnitTable(experiment, withoutCaps.tables, perUnit,
                name(Capping.CAPS).as(dsl.select(capsColumns).from(perUnit)));
    }

    /** {@code WITH units[, covariates], per_unit[, caps] SELECT columns FROM per_unit [CROSS JOIN caps]}. */
    SelectJoinStep<?> select(DSLContext dsl, List<? extends SelectField<?>> selected) {
        List<CommonTableExpression<?>> all = new ArrayList<>(tables);
        all.add(perUnit);
        if (caps == null) {
            return dsl.with(all).select(selected).from(perUnit);
        }
        all.add(caps);
        return dsl.with(all).select(selected).from(perUnit.crossJoin(caps));
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

    /** Its CUPED covariate (only when built with covariates), never capped ({@code spec/project.md}). */
    Field<Double> covariate(Metric metric) {
        return column(metric.id() + COVARIATE);
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
     * The value over the metric's window ({@code inWindow}, filter included) and, for CUPED, its
     * covariate: the value over the pre-exposure window; a unit-level covariate's value, from a
     * table joined per unit (added to {@code unitCovariates}); or 0 for every unit of a metric with
     * no covariate, so that CUPED leaves it as it is ({@code θ = 0}).
     */
    private static List<Field<Double>> valueAndCovariate(Metric metric, UnitValue value, Condition inWindow,
                                                         Field<LocalDateTime> eventTime, boolean withCovariates,
                                                         List<UnitCovariate> unitCovariates) {
        List<Field<Double>> columns = new ArrayList<>();
        columns.add(value.aggregate(inWindow).as(metric.id()));
        if (withCovariates) {
            Field<Double> covariate = switch (metric.cupedCovariate().orElse(null)) {
                case Covariate.PrePeriod prePeriod ->
                        value.aggregate(MetricWindows.inPreExposureWindow(eventTime).and(metric.filter()));
                case Covariate.UnitLevel unitLevel -> {
                    UnitCovariate joined = new UnitCovariate(metric.id() + COVARIATE, unitLevel);
                    unitCovariates.add(joined);
                    // the joined table has one row per unit: max picks its value out of the unit's group
                    yield coalesce(max(joined.value()), inline(0.0));
                }
                case null -> inline(0.0);
            };
            columns.add(covariate.as(metric.id() + COVARIATE));
        }
        return columns;
    }

    /**
     * A unit-level covariate's table, named after the metric's covariate column: each unit's value
     * over all rows of the covariate's source.
     */
    private record UnitCovariate(String table, Covariate.UnitLevel covariate) {

        private static final String UNIT = "unit_id";
        private static final String VALUE = "value";

        CommonTableExpression<?> table(DSLContext dsl) {
            Source source = covariate.source();
            return name(table).fields(UNIT, VALUE).as(dsl
                    .select(source.unitColumn(), covariate.value().aggregate(noCondition()))
                    .from(source.events())
                    .groupBy(source.unitColumn()));
        }

        Field<Object> unitId() {
            return field(name(table, UNIT));
        }

        Field<Double> value() {
            return field(name(table, VALUE), SQLDataType.DOUBLE);
        }
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
