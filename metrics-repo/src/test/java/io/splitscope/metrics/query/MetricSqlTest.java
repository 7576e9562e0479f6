package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Metric;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** The SQL shown for one metric. */
class MetricSqlTest {

    @Test
    void showsAFunnelAsTheQueryOfAllItsRows() {
        Metric funnel = MetricTypesReference.METRICS.stream().filter(m -> m.id().equals("checkout")).findFirst().orElseThrow();

        String sql = MetricSql.render(funnel, MetricTypesReference.EXPERIMENT.assignment(), SQLDialect.DUCKDB, true);

        assertThat(sql).contains("\"checkout__step3\"", "\"checkout.step1__n\"", "\"checkout.step3_of_2__num_sum\"");
    }
}
