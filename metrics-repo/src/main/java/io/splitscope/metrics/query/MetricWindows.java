package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The metric windows of {@code spec/warehouse.md} as SQL conditions on a unit's first exposure. A
 * metric without a window (a source without timestamps, {@code spec/project.md}) counts every row
 * of a unit, and every unit is complete.
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

    /** The unit's window has fully elapsed: {@code first_exposed_at + delay + days <= analysis_end}. */
    static Condition complete(Field<LocalDateTime> firstExposedAt, Experiment experiment, Window window) {
        if (window == null) {
            return DSL.noCondition();
        }
        if (!experiment.timed()) {
            throw new IllegalArgumentException("experiment " + experiment.id() + " has no exposure times: "
                    + "metrics with a window cannot be analysed in it");
        }
        return firstExposedAt.le(inline(PopulationQuery.analysisEnd(experiment).minusHours(window.endHours())));
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
