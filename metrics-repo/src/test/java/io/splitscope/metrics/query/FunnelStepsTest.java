package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.sql.dialect.Dialects;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The funnel steps join the one scan of their source; their results are checked against the
 * independent reference in {@link MetricTypesReferenceTest}.
 */
class FunnelStepsTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void twoFunnelsAndEveryOtherTypeReadTheSourceOnce(SQLDialect dialect) {
        String sql = render(dialect, MetricTypesReference.ROWS);

        assertThat(occurrences(sql, "\"events\"")).isEqualTo(1);
        assertThat(sql).contains("\"checkout__step3\"", "\"quick__step2\"", "row_number() over");
    }

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void withoutAFunnelTheSourceIsJoinedAsItIs(SQLDialect dialect) {
        List<Metric> noFunnel = MetricTypesReference.ROWS.stream().filter(metric -> !metric.id().contains(".step")).toList();

        String sql = render(dialect, noFunnel);

        assertThat(occurrences(sql, "\"events\"")).isEqualTo(1);
        assertThat(sql).doesNotContain("__funnel", "row_number()");
    }

    private static String render(SQLDialect dialect, List<Metric> metrics) {
        DSLContext dsl = Dialects.using(dialect);
        return dsl.renderInlined(FusedMetricQuery.build(dsl, ExposedUnits.of(MetricTypesReference.EXPERIMENT),
                MetricTypesReference.EVENTS, metrics, true, null));
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
