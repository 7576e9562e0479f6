package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.metrics.population.UnitAttributes;
import io.splitscope.stats.arrow.MomentColumns;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The event-level values that quantile metrics need, clustered by unit: one row per event in the
 * window of each analysed unit whose window has elapsed (of every unit with {@code eligibility: all})
 * and that passes the metric's unit filter, and one row with a null value for such a unit without
 * events (it still counts as a unit). Ordered by segment, variant and unit, as the columns of
 * {@link MomentColumns} describe, and by value within a unit, so that every engine gives the same
 * order. Quantile metrics over the same value and window share one query.
 */
public final class UnitEventsQuery {

    private UnitEventsQuery() {
    }

    /**
     * @param segmentBy slice by these dimensions' cross product (at most two), or empty (null) for one segment
     */
    public static ResultQuery<?> build(DSLContext dsl, ExposedUnits exposed, Metric metric, List<Dimension> segmentBy) {
        if (!(metric.measure() instanceof Measure.Quantile quantile)) {
            throw new IllegalArgumentException("metric " + metric.id() + " is not a quantile");
        }
        Source source = metric.source();
        Field<LocalDateTime> eventTime = source.timestampColumn().orElse(null);
        var units = PopulationQuery.units(exposed, segmentBy);
        List<CommonTableExpression<?>> tables = new ArrayList<>(List.of(units));
        Table<?> analysed = units;
        Condition kept = noCondition();
        if (metric.unitFilter() != null) {
            CommonTableExpression<?> attributes = new UnitAttributes(metric.unitFilter().dimensions()).table(dsl, units);
            tables.add(attributes);
            analysed = units.leftJoin(attributes).on(UnitAttributes.unitId().eq(PopulationQuery.UNIT_ID));
            kept = metric.unitFilter().condition();
        }
        return dsl.with(tables)
                .select(PopulationQuery.SEGMENT.as(MomentColumns.SEGMENT),
                        PopulationQuery.VARIANT.as(MomentColumns.VARIANT),
                        PopulationQuery.UNIT_ID.as(MomentColumns.UNIT_ID),
                        quantile.eventValue().cast(SQLDataType.DOUBLE).as(MomentColumns.VALUE))
                .from(analysed)
                .leftJoin(source.events())
                .on(source.unitColumn().eq(PopulationQuery.UNIT_ID)
                        .and(MetricWindows.inWindow(eventTime, metric, exposed.experiment()))
                        .and(metric.filter()))
                .where(MetricWindows.complete(PopulationQuery.FIRST_EXPOSED_AT, exposed.experiment(), metric).and(kept))
                // Every engine returns the same rows in the same order, so a seeded bootstrap gives the same result.
                .orderBy(field(name(MomentColumns.SEGMENT)), field(name(MomentColumns.VARIANT)),
                        field(name(MomentColumns.UNIT_ID)), field(name(MomentColumns.VALUE)));
    }

    /** Whether two quantile metrics read the same events of the same units, so that one query serves both. */
    public static boolean sameEvents(Metric a, Metric b) {
        return a.measure() instanceof Measure.Quantile qa && b.measure() instanceof Measure.Quantile qb
                && a.source().equals(b.source()) && java.util.Objects.equals(a.window(), b.window()) && a.filter().equals(b.filter())
                && a.eligibility() == b.eligibility()
                && java.util.Objects.equals(a.unitFilter(), b.unitFilter())
                && qa.eventValue().equals(qb.eventValue());
    }

}
