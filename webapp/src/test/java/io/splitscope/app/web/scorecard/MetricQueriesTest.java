package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.sql.log.QueryLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricQueriesTest {

    private static QueryLog.Entry entry(String sql) {
        return new QueryLog.Entry(sql, 2, 100, Duration.ofMillis(5));
    }

    private static final QueryLog.Entry POPULATION = entry("with \"exposed_units\" as (select ...) select ... \"units\"");
    private static final QueryLog.Entry PLAYBACK = entry("with \"units\"(...) as (...), \"per_unit\" as (select ... "
            + "as double), 0E0) \"streaming_hours\", cast(count(*) ...) \"plays_per_member\" ... \"streaming_hours_n\"");
    private static final QueryLog.Entry PAYMENTS = entry("select ... \"revenue_per_member\" from ...");
    private static final QueryLog.Entry EVENTS = entry("select \"units\".\"unit_id\" \"unit_id\", \"e\".\"startup_ms\" \"value\""
            + " from \"units\" left outer join \"playback\" \"e\" on (...) order by \"segment\"");
    private static final List<QueryLog.Entry> LOG = List.of(POPULATION, PLAYBACK, PAYMENTS, EVENTS);

    @Test
    void eachMetricFindsTheQueryThatComputedIt() {
        assertThat(MetricQueries.find(LOG, StandardMetrics.STREAMING_HOURS)).contains(PLAYBACK);
        assertThat(MetricQueries.find(LOG, StandardMetrics.PLAYS_PER_MEMBER)).contains(PLAYBACK);
        assertThat(MetricQueries.find(LOG, StandardMetrics.REVENUE_PER_MEMBER)).contains(PAYMENTS);
        assertThat(MetricQueries.find(LOG, StandardMetrics.STARTUP_MS_P90)).contains(EVENTS);
        assertThat(MetricQueries.find(LOG, StandardMetrics.CANCEL_RATE)).isEmpty();
    }

    @Test
    void aQuantileFindsTheFusedScanThatListsItsEvents() {
        // DuckDB: the events of startup_ms_p50 and p90 travel in playback's fused scan, under p50's name.
        QueryLog.Entry fused = entry("with \"units\"(...) as (...), \"per_unit\" as (select ... \"streaming_hours\", "
                + "array_agg(cast(\"e\".\"startup_ms\" as double) order by cast(\"e\".\"startup_ms\" as double)) filter "
                + "(where ...) \"startup_ms_p50__events\" ...");

        assertThat(MetricQueries.find(List.of(POPULATION, fused, PAYMENTS), StandardMetrics.STARTUP_MS_P90)).contains(fused);
        assertThat(MetricQueries.find(List.of(POPULATION, PLAYBACK, PAYMENTS), StandardMetrics.STARTUP_MS_P50)).isEmpty();
    }

    @Test
    void findsTheQueryTheAnalysisRecordedForEachMetric() {
        try (AnalysisService service = GoldenWarehouse.service()) {
            for (AnalysisRequest request : List.of(AnalysisRequest.of("exp_autoplay"),
                    new AnalysisRequest("exp_price", List.of(), MeanMethod.CUPED, "device"))) {
                Scorecard scorecard = service.analyze(request);
                for (Metric metric : service.metrics()) {
                    // where the search of the SQL can tell (not for ratios: their columns are id_n, id_d), the same query
                    scorecard.queryOf(metric.id()).ifPresent(recorded -> MetricQueries.find(scorecard.queries(), metric)
                            .ifPresent(found -> assertThat(found).as(metric.id()).isEqualTo(recorded)));
                }
                assertThat(MetricQueries.find(scorecard.queries(), StandardMetrics.STREAMING_HOURS))
                        .isEqualTo(scorecard.queryOf(StandardMetrics.STREAMING_HOURS.id()));
                // on DuckDB the units are staged first, from the assignment (exposures)
                assertThat(MetricQueries.stagedUnits(scorecard.queries())).get()
                        .isEqualTo(scorecard.queries().getFirst())
                        .satisfies(staged -> assertThat(staged.sql()).contains("from \"exposures\""));
            }
        }
    }

    @Test
    void anIdIsMatchedWholeNotAsAPrefix() {
        assertThat(MetricQueries.find(List.of(entry("select 1 \"play_rate_n\"")), StandardMetrics.PLAY_RATE)).isEmpty();
    }

    @Test
    void sqlIsLaidOutOneClausePerLineOutsideStrings() {
        String sql = "with \"u\" as (select a from \"x\" where b = 'select from where') select c from \"u\" left outer join"
                + " \"p\" on (c = d) group by c order by c";
        assertThat(MetricQueries.layOut(sql)).isEqualTo("""
                with "u" as (
                  select a
                  from "x"
                  where b = 'select from where')
                select c
                from "u"
                left outer join "p" on (c = d)
                group by c
                order by c""");
    }
}
