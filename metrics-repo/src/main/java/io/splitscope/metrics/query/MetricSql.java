package io.splitscope.metrics.query;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.sql.dialect.Dialects;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * The SQL a metric compiles to, for people: the query that computes it alone for an example
 * experiment ({@value #EXAMPLE_ID}, two variants, March 2026), in a given dialect. Analyses fuse
 * it with the other metrics of its source into one query.
 */
public final class MetricSql {

    /** The id of the example experiment the SQL is shown for. */
    public static final String EXAMPLE_ID = "example_experiment";

    private MetricSql() {
    }

    /**
     * The metric's query for the example experiment, whose exposures are in {@code assignment}
     * (March 2026 when they have a time), rendered with inlined values; a funnel's is the query of
     * all its rows ({@link Metric#scorecardMetrics()}).
     */
    public static String render(Metric metric, Assignment assignment, SQLDialect dialect, boolean withCovariate) {
        boolean timed = assignment.timed();
        Experiment example = new Experiment(EXAMPLE_ID, "Example", null, "you",
                timed ? LocalDate.of(2026, 3, 1) : null, timed ? LocalDate.of(2026, 3, 31) : null, "control",
                List.of(new VariantWeight("control", 0.5), new VariantWeight("treatment", 0.5)), assignment, null, List.of());
        DSLContext dsl = Dialects.using(dialect);
        ResultQuery<?> query = metric.type() == MetricType.QUANTILE
                ? UnitEventsQuery.build(dsl, ExposedUnits.of(example), metric, null)
                : FusedMetricQuery.build(dsl, ExposedUnits.of(example), metric.source(), metric.scorecardMetrics(), withCovariate,
                null);
        return dsl.renderInlined(query);
    }
}
