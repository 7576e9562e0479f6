package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.preset.StreamingPreset;
import java.time.Duration;
import java.util.List;
import org.jooq.impl.SQLDataType;
import io.splitscope.metrics.catalog.MetricRepository;
import org.junit.jupiter.api.Test;

class MetricTextsTest {

    private static final MetricRepository CATALOG = StreamingPreset.project(null).metrics();

    @Test
    void readsAMetricsWindowEventsAndDirection() {
        for (Metric metric : CATALOG.all()) {
            assertThat(MetricTexts.window(metric)).startsWith(io.splitscope.metrics.Window.words(metric.window().length()) + " from first exposure");
            assertThat(MetricTexts.window(metric).contains(", opening ")).isEqualTo(!metric.window().delay().isZero());
            assertThat(MetricTexts.betterWhen(metric)).isIn("higher", "lower");
            assertThat(MetricTexts.filter(metric)).isNotBlank();
        }
        assertThat(CATALOG.all()).extracting(MetricTexts::filter).contains("all");
        assertThat(CATALOG.all()).extracting(MetricTexts::betterWhen).contains("higher", "lower");
    }

    @Test
    void saysWhichUnitsAWindowedMetricCountsInWords() {
        Window day7 = Window.between(Duration.ofDays(7), Duration.ofDays(8));

        assertThat(MetricTexts.eligibility(Eligibility.ELAPSED, day7)).isEqualTo("units at least 8 days past first exposure");
        assertThat(MetricTexts.eligibility(Eligibility.ELAPSED, Window.hours(36))).isEqualTo("units at least 36 hours past first exposure");
        assertThat(MetricTexts.eligibility(Eligibility.ELAPSED, null)).as("a stored row whose metric is gone")
                .isEqualTo("units whose window has elapsed");
        assertThat(MetricTexts.eligibility(Eligibility.ALL, day7)).isEqualTo("all exposed units; days not reached count as 0");
        assertThat(MetricTexts.eligibility(null, day7)).isNull();
        Metric hours = CATALOG.byId("streaming_hours");
        assertThat(MetricTexts.eligibility(hours)).isEqualTo("units at least " + io.splitscope.metrics.Window.words(java.time.Duration.ofHours(hours.window().endHours())) + " past first exposure");
    }

    @Test
    void namesTheKindAndAFunnelsSteps() {
        Source pageViews = new Source("page_views", new Source.TableRelation("page_views"), "user_key", "viewed_at");
        var page = pageViews.column("page", SQLDataType.VARCHAR);
        Measure.Funnel funnel = new Measure.Funnel(List.of(Measure.Funnel.Step.of("browse", page.eq("product")),
                Measure.Funnel.Step.of("cart", page.eq("cart"))));

        assertThat(MetricTexts.kind(MetricKind.RETENTION)).isEqualTo("retention");
        assertThat(MetricTexts.kind(MetricKind.COUNT_DISTINCT)).isEqualTo("count distinct");
        assertThat(MetricTexts.kind(MetricKind.FUNNEL_CONVERSION)).isEqualTo("step-to-step conversion");
        assertThat(MetricTexts.steps(funnel)).isEqualTo("1 browse (\"e\".\"page\" = 'product') → 2 cart (\"e\".\"page\" = 'cart')");
    }
}
