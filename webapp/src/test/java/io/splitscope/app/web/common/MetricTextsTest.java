package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.Metric;
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
}
