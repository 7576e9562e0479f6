package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.stats.arrow.MomentColumns;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.Row2;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A mean or proportion metric as a cumulative day-by-day series ({@link SeriesAxis}): one row per
 * step and variant with the metric's sufficient statistics, in one query. Each unit is paired
 * with every step, its events are cut at the step's end, and the engine aggregates; read the
 * result with {@code VariantStatistics.readBySlice(reader, SeriesQuery.STEP)}. By days since
 * exposure a unit counts at a step once the step's days have elapsed, or at every step with
 * {@code eligibility: all}. A funnel's rows and active-day shares have no series.
 */
public final class SeriesQuery {

    /** The step column: days since exposure, or days since the start date. */
    public static final String STEP = "step";

    private static final String STEPS = "steps";
    private static final String CUTOFF = "cutoff";
    private static final String PER_UNIT = "per_unit_step";
    private static final Field<Integer> STEP_FIELD = field(name(STEPS, STEP), SQLDataType.INTEGER);
    private static final Field<LocalDateTime> CUTOFF_FIELD = field(name(STEPS, CUTOFF), SQLDataType.LOCALDATETIME);

    private SeriesQuery() {
    }

    public static ResultQuery<?> build(DSLContext dsl, Experiment experiment, Metric metric, SeriesAxis axis) {
        metric.seriesRefusal().ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (!experiment.timed()) {
            throw new IllegalArgumentException("metric " + metric.id() + " in experiment " + experiment.id()
                    + ": series need timestamps, and the experiment's exposures have none");
        }
        UnitValue value = metric.measure() instanceof Measure.Mean mean ? mean.value()
                : ((Measure.Proportion) metric.measure()).value();
        var units = PopulationQuery.units(experiment);
        Table<?> steps = steps(experiment, metric, axis);
        Field<LocalDateTime> eventTime = metric.source().timestampColumn().orElseThrow();
        // Where a step cuts a unit's events: k days into its window, or the end of calendar day d.
        Field<LocalDateTime> cutoff = axis == SeriesAxis.DAYS_SINCE_EXPOSURE
                ? localDateTimeAdd(PopulationQuery.FIRST_EXPOSED_AT, STEP_FIELD.plus((int) metric.window().delay().toDays()), DatePart.DAY)
                : CUTOFF_FIELD;
        Condition inWindow = MetricWindows.inWindow(eventTime, metric, experiment)
                .and(eventTime.lt(cutoff))
                .and(metric.filter());
        // A unit counts at a step once its first k days have elapsed (by exposure; at every step when the
        // metric counts every unit), or once it is exposed (by date).
        Condition unitAtStep = axis == SeriesAxis.DAYS_SINCE_EXPOSURE
                ? (metric.eligibility() == Eligibility.ALL ? DSL.noCondition() : cutoff.le(inline(PopulationQuery.analysisEnd(experiment))))
                : PopulationQuery.FIRST_EXPOSED_AT.lt(cutoff);

        Field<Double> y = field(name(PER_UNIT, metric.id()), SQLDataType.DOUBLE);
        Field<String> variant = field(name(PER_UNIT, PopulationQuery.VARIANT.getName()), SQLDataType.VARCHAR);
        Field<Integer> step = field(name(PER_UNIT, STEP), SQLDataType.INTEGER);
        var perUnit = name(PER_UNIT).as(dsl
                .select(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, STEP_FIELD, value.aggregate(inWindow).as(metric.id()))
                .from(units)
                .join(steps).on(unitAtStep)
                .leftJoin(metric.source().events())
                .on(metric.source().unitColumn().eq(PopulationQuery.UNIT_ID).and(inWindow))
                .groupBy(PopulationQuery.UNIT_ID, PopulationQuery.VARIANT, STEP_FIELD));
        return dsl.with(units).with(perUnit)
                .select(step.as(STEP), variant.as(MomentColumns.VARIANT),
                        count().cast(SQLDataType.BIGINT).as(MomentColumns.n(metric.id())),
                        sum(y).cast(SQLDataType.DOUBLE).as(MomentColumns.sum(metric.id())),
                        sum(y.times(y)).cast(SQLDataType.DOUBLE).as(MomentColumns.sumSquares(metric.id())))
                .from(perUnit)
                .groupBy(step, variant);
    }

    /** {@code steps(step)} for days since exposure, {@code steps(step, cutoff)} for calendar days. */
    private static Table<?> steps(Experiment experiment, Metric metric, SeriesAxis axis) {
        if (axis == SeriesAxis.DAYS_SINCE_EXPOSURE) {
            List<Row1<Integer>> rows = new ArrayList<>();
            for (int k = 1; k <= metric.window().length().toDays(); k++) {
                rows.add(row(inline(k)));
            }
            return values(rows.toArray(Row1[]::new)).as(STEPS, STEP);
        }
        List<Row2<Integer, LocalDateTime>> rows = new ArrayList<>();
        LocalDateTime start = experiment.startDate().atStartOfDay();
        long days = ChronoUnit.DAYS.between(experiment.startDate(), experiment.endDate());
        for (int d = 0; d <= days; d++) {
            rows.add(row(inline(d), inline(start.plusDays(d + 1L))));
        }
        return values(rows.toArray(Row2[]::new)).as(STEPS, STEP, CUTOFF);
    }
}
