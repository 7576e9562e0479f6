package io.splitscope.analysis;

import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.stats.ComparisonResult;
import java.time.LocalDate;
import java.util.List;

/**
 * A metric's effect as a cumulative day-by-day series ({@link SeriesAxis}): how it built up with
 * days since exposure, or how it stood on each calendar day.
 *
 * @param points one per step and treatment, in step order
 */
public record EffectSeries(String experimentId, String metricId, SeriesAxis axis, List<Point> points) {

    public EffectSeries {
        points = List.copyOf(points);
    }

    /**
     * One step of the series.
     *
     * @param step   days since exposure (1 …), or days since the start date (0 …)
     * @param date   the calendar day of a {@link SeriesAxis#CALENDAR_DATE} step, else null
     * @param result the treatment compared with the control on the data up to that step
     */
    public record Point(int step, LocalDate date, String variant, long nControl, long nTreatment,
                        ComparisonResult result) {
    }
}
