package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Metric;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.stats.arrow.MomentColumns;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;

/**
 * Winsorisation ({@link Cap}) in SQL. Absolute caps clamp each per-unit value; percentile caps
 * first compute the pooled percentiles in a one-row {@value #CAPS} table over the per-unit values
 * of units with complete windows, which the final aggregation joins.
 */
final class Capping {

    static final String CAPS = "caps";
    private static final String LOWER = "__lower";
    private static final String UPPER = "__upper";

    private Capping() {
    }

    /**
     * The columns of the {@value #CAPS} table for one per-unit column {@code value} named
     * {@code column} of {@code metric}: its pooled lower and upper percentiles.
     */
    static List<SelectField<?>> capsColumns(Metric metric, String column, Field<Double> value, Condition complete) {
        List<SelectField<?>> columns = new ArrayList<>();
        if (metric.cap() instanceof Cap.Percentile percentile) {
            if (percentile.lowerLevel() != null) {
                columns.add(Dialects.percentileCont(value, percentile.lowerLevel(), complete).as(column + LOWER));
            }
            if (percentile.upperLevel() != null) {
                columns.add(Dialects.percentileCont(value, percentile.upperLevel(), complete).as(column + UPPER));
            }
        }
        return columns;
    }

    /**
     * The pooled percentiles of {@link #capsColumns} as columns of the final per-variant
     * aggregation ({@link MomentColumns#capLower}, {@link MomentColumns#capUpper}): the one row of
     * {@value #CAPS} is joined to every unit, so {@code max} reads its value back; none for a
     * metric without a percentile cap.
     */
    static List<SelectField<?>> capsUsed(Metric metric, String column) {
        List<SelectField<?>> columns = new ArrayList<>();
        if (metric.cap() instanceof Cap.Percentile percentile) {
            if (percentile.lowerLevel() != null) {
                columns.add(max(capsField(column + LOWER)).as(MomentColumns.capLower(metric.id())));
            }
            if (percentile.upperLevel() != null) {
                columns.add(max(capsField(column + UPPER)).as(MomentColumns.capUpper(metric.id())));
            }
        }
        return columns;
    }

    /** {@code value} clamped to the metric's cap (itself when uncapped). */
    static Field<Double> apply(Metric metric, String column, Field<Double> value) {
        return switch (metric.cap()) {
            case null -> value;
            case Cap.Absolute absolute -> clamp(value, absolute.lower() == null ? null : inline(absolute.lower()),
                    absolute.upper() == null ? null : inline(absolute.upper()));
            case Cap.Percentile percentile -> clamp(value,
                    percentile.lowerLevel() == null ? null : capsField(column + LOWER),
                    percentile.upperLevel() == null ? null : capsField(column + UPPER));
        };
    }

    private static Field<Double> clamp(Field<Double> value, Field<Double> lower, Field<Double> upper) {
        Field<Double> clamped = lower == null ? value : greatest(value, lower);
        return upper == null ? clamped : least(clamped, upper);
    }

    private static Field<Double> capsField(String column) {
        return field(name(CAPS, column), SQLDataType.DOUBLE);
    }
}
