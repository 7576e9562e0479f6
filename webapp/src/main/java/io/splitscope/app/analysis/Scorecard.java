package io.splitscope.app.analysis;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.health.SrmResult;
import java.time.Instant;
import java.util.List;

/**
 * What one analysis of one experiment produces: the population, the sample-ratio check and one
 * row per metric and non-control variant ({@code spec/scorecard.md}).
 *
 * @param warehouse  the warehouse the numbers were computed from
 * @param computedAt when the analysis ran
 * @param queries    the queries the analysis ran, with the rows and bytes each brought into the JVM
 */
public record Scorecard(Experiment experiment, Population population, SrmResult srm, List<ScorecardRow> rows,
                        String warehouse, Instant computedAt, List<QueryLog.Entry> queries) {

    public Scorecard {
        rows = List.copyOf(rows);
        queries = List.copyOf(queries);
    }
}
