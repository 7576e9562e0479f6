package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.stats.arrow.MomentColumns;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;

/**
 * Each analysed unit's value of the mean and proportion metrics of one {@link Source} (and
 * their covariates), for the methods that need unit-level data rather than sums ({@code
 * mann_whitney}, {@code r_ancova}): the same per-unit values the fused query sums, one row per
 * unit, ordered by segment, variant and unit (columns of {@link MomentColumns}). A value is null
 * where the unit's window for that metric has not elapsed or its unit filter drops the unit (then
 * its {@code m__filtered_out} is 1).
 */
public final class UnitValuesQuery {

    private UnitValuesQuery() {
    }

    public static ResultQuery<?> build(DSLContext dsl, ExposedUnits exposed, Source source, List<Metric> metrics,
                                       boolean withCovariates, List<Dimension> segmentBy) {
        for (Metric metric : metrics) {
            if (metric.measure() instanceof Measure.Ratio) {
                throw new IllegalArgumentException("metric " + metric.id() + " is a ratio: it has no single per-unit value");
            }
            if (metric.measure() instanceof Measure.Quantile) {
                throw new IllegalArgumentException("metric " + metric.id() + " is a quantile: its events come from UnitEventsQuery");
            }
        }
        PerUnitTable table = PerUnitTable.build(dsl, exposed, source, metrics, withCovariates, segmentBy);
        List<SelectField<?>> columns = new ArrayList<>(List.of(table.segment().as(MomentColumns.SEGMENT),
                table.variant().as(MomentColumns.VARIANT), table.unitId().as(MomentColumns.UNIT_ID)));
        for (Metric metric : metrics) {
            columns.add(when(table.complete(metric), table.value(metric)).as(MomentColumns.unitValue(metric.id())));
            if (withCovariates) {
                columns.add(when(table.complete(metric), table.covariate(metric)).as(MomentColumns.unitCovariate(metric.id())));
            }
            if (metric.unitFilter() != null) {
                columns.add(when(table.filteredOut(metric), inline(1L)).otherwise(inline(0L)).cast(SQLDataType.BIGINT)
                        .as(MomentColumns.filteredOut(metric.id())));
            }
        }
        return table.select(dsl, columns).orderBy(table.segment(), table.variant(), table.unitId());
    }
}
