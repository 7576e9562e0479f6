package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import io.splitscope.metrics.Covariate;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.metrics.population.UnitAttributes;
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
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The per-unit values of the metrics of one {@link Source}: the {@value #PER_UNIT} table (one
 * row per analysed unit: one scan of the source joined to the units and aggregated per unit, then
 * joined back to every unit, 0 for a unit without events) and, over it, each metric's
 * value as the final query reads it (capped when the metric is), with the condition that the
 * unit counts for it: its window has elapsed (any unit with {@code eligibility: all}) and it passes
 * the metric's unit filter (its attributes joined per unit as
 * {@value io.splitscope.metrics.UnitFilter#ATTRIBUTES}). For a quantile metric, a unit's value is the sorted list of its
 * events' values and their number (engines that aggregate lists only, see
 * {@link io.splitscope.sql.dialect.Dialects#aggregatesEventLists}). A funnel's rows read the step
 * columns that {@link FunnelSteps} adds to the source's rows in the same scan; an active-day share
 * is divided here by the dates its window touches, where the unit's first exposure is known. The
 * fused per-variant query and the unit-level query both select from it.
 */
final class PerUnitTable {

    private static final String PER_UNIT = "per_unit";
    private static final String COVARIATE = "__x";
    private static final String NUMERATOR = "__num";
    private static final String DENOMINATOR = "__den";
    private static final String EVENTS = "__events";
    private static final String EVENT_COUNT = "__event_count";
    /** 1 when the unit passes the metric's unit filter, else 0 (a NULL attribute fails). */
    private static final String KEPT = "__kept";
    /** Each unit's aggregates over its events, for the units that have some. */
    private static final String EVENT_TOTALS = "unit_totals";

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
     * @param segmentBy      the dimensions the units are sliced by (at most two), or empty (null)
     */
    static PerUnitTable build(DSLContext dsl, ExposedUnits exposed, Source source, List<Metric> metrics,
                              boolean withCovariates, List<Dimension> segmentBy) {
        requireSameSource(source, metrics);
        Experiment experiment = exposed.experiment();
        Field<LocalDateTime> eventTime = source.timestampColumn().orElse(null);
        List<UnitColumn> columns = new ArrayList<>();
        List<UnitCovariate> unitCovariates = new ArrayList<>();
        for (Metric metric : metrics) {
            Condition inWindow = MetricWindows.inWindow(eventTime, metric, experiment).and(metric.filter());
            switch (metric.measure()) {
                case Measure.Mean mean -> columns.addAll(
                        valueAndCovariate(metric, mean.value(), inWindow, experiment, withCovariates, unitCovariates));
                case Measure.Proportion proportion -> columns.addAll(
                        valueAndCovariate(metric, proportion.value(), inWindow, experiment, withCovariates, unitCovariates));
                case Measure.Ratio ratio -> {
                    columns.add(UnitColumn.zeroWithoutEvents(metric.id() + NUMERATOR, ratio.numerator().aggregate(inWindow)));
                    columns.add(UnitColumn.zeroWithoutEvents(metric.id() + DENOMINATOR, ratio.denominator().aggregate(inWindow)));
                }
                case Measure.Quantile quantile -> {
                    Field<Double> value = quantile.eventValue().cast(SQLDataType.DOUBLE);
                    columns.add(UnitColumn.ofEvents(metric.id() + EVENTS,
                            arrayAgg(value).orderBy(value).filterWhere(inWindow.and(value.isNotNull())), null));
                    columns.add(UnitColumn.ofEvents(metric.id() + EVENT_COUNT,
                            count(value).filterWhere(inWindow).cast(SQLDataType.BIGINT), inline(0L)));
                }
                case Measure.Funnel funnel -> throw new IllegalArgumentException("metric " + metric.id()
                        + " is a funnel: compute its rows (Metric.scorecardMetrics()), not the funnel itself");
            }
            if (metric.unitFilter() != null) {
                columns.add(new UnitColumn(metric.id() + KEPT,
                        when(metric.unitFilter().condition(), inline(1)).otherwise(inline(0)), null, false, null));
            }
        }
        var units = PopulationQuery.units(exposed, segmentBy);
        List<CommonTableExpression<?>> tables = new ArrayList<>(List.of(units));

        // Each unit's aggregates over its events (an inner join: units without events have no row)...
        List<SelectField<?>> aggregates = new ArrayList<>(List.of(PopulationQuery.UNIT_ID));
        columns.stream().filter(UnitColumn::fromEvents).forEach(column -> aggregates.add(column.perUnit().as(column.name())));
        Condition joinRange = MetricWindows.joinRange(eventTime, metrics, withCovariates);
        var eventTotals = name(EVENT_TOTALS).as(dsl.select(aggregates)
                .from(units)
                .join(FunnelSteps.events(source, metrics, experiment, units, joinRange))
                .on(source.unitColumn().eq(PopulationQuery.UNIT_ID).and(joinRange))
                .groupBy(PopulationQuery.UNIT_ID));
        tables.add(eventTotals);

        // ...joined back to every unit, with the value of a unit without events; cheaper on DuckDB
        // than aggregating the outer join of units and events (page views at 1M: a quarter less)
        Table<?> joined = units.leftJoin(eventTotals)
                .on(field(name(EVENT_TOTALS, PopulationQuery.UNIT_ID.getName())).eq(PopulationQuery.UNIT_ID));
        for (UnitCovariate covariate : unitCovariates) {
            CommonTableExpression<?> table = covariate.table(dsl);
            tables.add(table);
            joined = joined.leftJoin(table).on(covariate.unitId().eq(PopulationQuery.UNIT_ID));
        }
        List<Dimension> filtered = filterDimensions(metrics);
        if (!filtered.isEmpty()) {
            CommonTableExpression<?> attributes = new UnitAttributes(filtered).table(dsl, units);
            tables.add(attributes);
            joined = joined.leftJoin(attributes).on(UnitAttributes.unitId().eq(PopulationQuery.UNIT_ID));
        }
        List<SelectField<?>> perUnitColumns = new ArrayList<>(List.of(
                PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, PopulationQuery.FIRST_EXPOSED_AT, PopulationQuery.SEGMENT));
        for (UnitColumn column : columns) {
            Field<?> value = column.fromEvents() ? field(name(EVENT_TOTALS, column.name())) : column.perUnit();
            value = column.withoutEvents() == null ? value : coalesce(value, column.withoutEvents());
            perUnitColumns.add((column.perDate() == null ? value : perDate(value, column.perDate())).as(column.name()));
        }
        var perUnit = name(PER_UNIT).as(dsl.select(perUnitColumns).from(joined));
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

    /** The unit's window for {@code metric} has fully elapsed, and the unit passes the metric's unit filter. */
    Condition complete(Metric metric) {
        return MetricWindows.complete(column(PopulationQuery.FIRST_EXPOSED_AT.getName(), SQLDataType.LOCALDATETIME),
                experiment, metric).and(metric.unitFilter() == null ? noCondition() : kept(metric).eq(inline(1)));
    }

    /** The unit fails the metric's unit filter (never, for a metric without one). */
    Condition filteredOut(Metric metric) {
        return metric.unitFilter() == null ? falseCondition() : kept(metric).eq(inline(0));
    }

    private static Field<Integer> kept(Metric metric) {
        return column(metric.id() + KEPT, SQLDataType.INTEGER);
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
     * no covariate, so that CUPED leaves it as it is ({@code θ = 0}). An active-day share is divided
     * by the UTC dates its window touches (the covariate's: the pre-exposure window's).
     */
    private static List<UnitColumn> valueAndCovariate(Metric metric, UnitValue value, Condition inWindow,
                                                      Experiment experiment, boolean withCovariates,
                                                      List<UnitCovariate> unitCovariates) {
        boolean share = value instanceof UnitValue.DistinctDays days && days.perEligibleDay();
        List<UnitColumn> columns = new ArrayList<>();
        columns.add(new UnitColumn(metric.id(), value.aggregate(inWindow), inline(0.0), true,
                share ? MetricWindows.datesTouched(metric, experiment) : null));
        if (withCovariates) {
            String name = metric.id() + COVARIATE;
            Field<LocalDateTime> eventTime = metric.source().timestampColumn().orElse(null);
            columns.add(switch (metric.cupedCovariate().orElse(null)) {
                case Covariate.PrePeriod prePeriod -> new UnitColumn(name,
                        value.aggregate(MetricWindows.inPreExposureWindow(eventTime).and(metric.filter())), inline(0.0), true,
                        share ? MetricWindows.preExposureDatesTouched() : null);
                case Covariate.UnitLevel unitLevel -> {
                    UnitCovariate joined = new UnitCovariate(name, unitLevel);
                    unitCovariates.add(joined);
                    yield new UnitColumn(name, joined.value(), inline(0.0), false, null);
                }
                case null -> new UnitColumn(name, inline(0.0), null, false, null);
            });
        }
        return columns;
    }

    /** {@code value / dates}, 0 for a unit whose window touches no date yet (with {@code eligibility: all}). */
    private static Field<Double> perDate(Field<?> value, Field<Integer> dates) {
        return when(dates.gt(inline(0)), value.cast(SQLDataType.DOUBLE).div(dates.cast(SQLDataType.DOUBLE)))
                .otherwise(inline(0.0));
    }

    /**
     * One column of {@value #PER_UNIT}: {@code perUnit}, an aggregate over the unit's events when
     * {@code fromEvents} (else a value of the unit's own row), and the value of a unit without
     * events or without a row in a joined table ({@code withoutEvents}, null to leave it NULL),
     * divided by {@code perDate} (the dates a window touches, per unit) unless that is null.
     * Every {@link UnitValue} is 0 over no events ({@code spec/metrics.md}).
     */
    private record UnitColumn(String name, Field<?> perUnit, Field<?> withoutEvents, boolean fromEvents,
                              Field<Integer> perDate) {

        static UnitColumn ofEvents(String name, Field<?> aggregate, Field<?> withoutEvents) {
            return new UnitColumn(name, aggregate, withoutEvents, true, null);
        }

        static UnitColumn zeroWithoutEvents(String name, Field<Double> aggregate) {
            return ofEvents(name, aggregate, inline(0.0));
        }
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

    /** The dimensions the metrics' unit filters read, each once. */
    private static List<Dimension> filterDimensions(List<Metric> metrics) {
        return metrics.stream().filter(metric -> metric.unitFilter() != null)
                .flatMap(metric -> metric.unitFilter().dimensions().stream()).distinct().toList();
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
