package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The metric windows of {@code spec/warehouse.md} as SQL conditions on a unit's first exposure. A
 * metric without a window (a source without timestamps, {@code spec/project.md}) counts every row
 * of a unit, and every unit is complete. With {@link Eligibility#ALL} every unit is complete too,
 * and its window is cut at the analysis end: the days it has not reached count as nothing.
 */
final class MetricWindows {

    /** Length of the pre-exposure window whose value is a metric's CUPED covariate. */
    static final int PRE_EXPOSURE_DAYS = 14;

    private MetricWindows() {
    }

    /** {@code first_exposed_at + delay <= t < first_exposed_at + delay + length}. */
    static Condition inWindow(Field<LocalDateTime> eventTime, Window window) {
        return window == null ? DSL.noCondition() : between(eventTime, window.delayHours(), window.endHours());
    }

    /**
     * The metric's window ({@link #inWindow(Field, Window)}), before the analysis end when the
     * metric counts every unit ({@link Eligibility#ALL}): rows loaded after it do not count.
     */
    static Condition inWindow(Field<LocalDateTime> eventTime, Metric metric, Experiment experiment) {
        Condition inWindow = inWindow(eventTime, metric.window());
        return metric.eligibility() == Eligibility.ALL && metric.windowed()
                ? inWindow.and(eventTime.lt(inline(PopulationQuery.analysisEnd(experiment)))) : inWindow;
    }

    /** {@code first_exposed_at - 14 days <= t < first_exposed_at}. */
    static Condition inPreExposureWindow(Field<LocalDateTime> eventTime) {
        return between(eventTime, -PRE_EXPOSURE_DAYS * 24L, 0);
    }

    /** The union of the metrics' windows (and the pre-exposure window), for the join that feeds them. */
    static Condition joinRange(Field<LocalDateTime> eventTime, List<Metric> metrics, boolean withCovariates) {
        if (eventTime == null) {
            return DSL.noCondition();
        }
        long from = metrics.stream().mapToLong(m -> m.window().delayHours()).min().orElseThrow();
        long to = metrics.stream().mapToLong(m -> m.window().endHours()).max().orElseThrow();
        return between(eventTime, withCovariates ? -PRE_EXPOSURE_DAYS * 24L : from, to);
    }

    /**
     * The unit counts for the metric: its window has fully elapsed
     * ({@code first_exposed_at + delay + length <= analysis_end}), or any unit when the metric counts
     * every unit ({@link Eligibility#ALL}) or has no window.
     */
    static Condition complete(Field<LocalDateTime> firstExposedAt, Experiment experiment, Metric metric) {
        Window window = metric.window();
        if (window == null) {
            return DSL.noCondition();
        }
        if (!experiment.timed()) {
            throw new IllegalArgumentException("experiment " + experiment.id() + " has no exposure times: "
                    + "metrics with a window cannot be analysed in it");
        }
        return metric.eligibility() == Eligibility.ALL ? DSL.noCondition()
                : firstExposedAt.le(inline(PopulationQuery.analysisEnd(experiment).minusHours(window.endHours())));
    }

    /**
     * The number of UTC dates the metric's window touches, per unit (over {@code first_exposed_at});
     * with {@link Eligibility#ALL} the window is cut at the analysis end, so it may touch none yet.
     */
    static Field<Integer> datesTouched(Metric metric, Experiment experiment) {
        Field<LocalDateTime> end = offset(metric.window().endHours());
        return datesTouched(offset(metric.window().delayHours()), metric.eligibility() == Eligibility.ALL
                ? DSL.least(end, inline(PopulationQuery.analysisEnd(experiment))) : end);
    }

    /** The number of UTC dates the pre-exposure window touches, per unit: 14, or 15 when exposed after midnight. */
    static Field<Integer> preExposureDatesTouched() {
        return datesTouched(offset(-PRE_EXPOSURE_DAYS * 24L), offset(0));
    }

    /** The dates {@code [from, to)} touches: from from's date to the date of to's last instant; 0 when empty. */
    private static Field<Integer> datesTouched(Field<LocalDateTime> from, Field<LocalDateTime> to) {
        Field<LocalDate> lastDate = to.cast(SQLDataType.LOCALDATE);
        Field<Integer> endsAfterMidnight = DSL.when(to.gt(lastDate.cast(SQLDataType.LOCALDATETIME)), inline(1)).otherwise(inline(0));
        return DSL.when(to.gt(from), DSL.localDateDiff(lastDate, from.cast(SQLDataType.LOCALDATE)).plus(endsAfterMidnight))
                .otherwise(inline(0));
    }

    private static Condition between(Field<LocalDateTime> eventTime, long fromHours, long toHours) {
        return eventTime.ge(offset(fromHours)).and(eventTime.lt(offset(toHours)));
    }

    /** {@code first_exposed_at} plus whole days where it can (the SQL most windows have), else hours. */
    private static Field<LocalDateTime> offset(long hours) {
        if (hours == 0) {
            return PopulationQuery.FIRST_EXPOSED_AT;
        }
        return hours % 24 == 0 ? localDateTimeAdd(PopulationQuery.FIRST_EXPOSED_AT, (int) (hours / 24), DatePart.DAY)
                : localDateTimeAdd(PopulationQuery.FIRST_EXPOSED_AT, (int) hours, DatePart.HOUR);
    }
}
