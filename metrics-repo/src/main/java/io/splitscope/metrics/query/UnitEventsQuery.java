package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.stats.arrow.MomentColumns;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.SQLDataType;

/**
 * The event-level values that quantile metrics need, clustered by unit: one row per event in the
 * window of each analysed unit whose window has elapsed (of every unit with {@code eligibility: all}),
 * and one row with a null value for such a unit without events (it still counts as a unit).
 * Ordered by segment, variant and unit, as the columns of
 * {@link MomentColumns} describe, and by value within a unit, so that every engine gives the same
 * order. Quantile metrics over the same value and window share one query.
 */
public final class UnitEventsQuery {

    private UnitEventsQuery() {
    }

    /**
     * @param segmentBy slice by this member dimension, or null for one segment
     */
    public static ResultQuery<?> build(DSLContext dsl, ExposedUnits exposed, Metric metric, Dimension segmentBy) {
        if (!(metric.measure() instanceof Measure.Quantile quantile)) {
            throw new IllegalArgumentException("metric " + metric.id() + " is not a quantile");
        }
        Source source = metric.source();
        Field<LocalDateTime> eventTime = source.timestampColumn().orElse(null);
        var units = PopulationQuery.units(exposed, segmentBy);
        return dsl.with(units)
                .select(PopulationQuery.SEGMENT.as(MomentColumns.SEGMENT),
                        PopulationQuery.VARIANT.as(MomentColumns.VARIANT),
                        PopulationQuery.UNIT_ID.as(MomentColumns.UNIT_ID),
                        quantile.eventValue().cast(SQLDataType.DOUBLE).as(MomentColumns.VALUE))
                .from(units)
                .leftJoin(source.events())
                .on(source.unitColumn().eq(PopulationQuery.UNIT_ID)
                        .and(MetricWindows.inWindow(eventTime, metric, exposed.experiment()))
                        .and(metric.filter()))
                .where(MetricWindows.complete(PopulationQuery.FIRST_EXPOSED_AT, exposed.experiment(), metric))
                // Every engine returns the same rows in the same order, so a seeded bootstrap gives the same result.
                .orderBy(field(name(MomentColumns.SEGMENT)), field(name(MomentColumns.VARIANT)),
                        field(name(MomentColumns.UNIT_ID)), field(name(MomentColumns.VALUE)));
    }

    /** Whether two quantile metrics read the same events of the same units, so that one query serves both. */
    public static boolean sameEvents(Metric a, Metric b) {
        return a.measure() instanceof Measure.Quantile qa && b.measure() instanceof Measure.Quantile qb
                && a.source().equals(b.source()) && java.util.Objects.equals(a.window(), b.window()) && a.filter().equals(b.filter())
                && a.eligibility() == b.eligibility()
                && qa.eventValue().equals(qb.eventValue());
    }

}
