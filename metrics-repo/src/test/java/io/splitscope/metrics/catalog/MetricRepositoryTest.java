package io.splitscope.metrics.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.preset.StreamingPreset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRepositoryTest {

    /** A team catalog that redefines a standard metric. */
    static final class Clashing implements MetricCatalog {
        @Override
        public List<Metric> metrics() {
            return List.of(StandardMetrics.PLAY_RATE);
        }
    }

    @Test
    void holdsTheNineStandardMetricsInSpecOrderThenTheDaySevenRetention() {
        MetricRepository repository = MetricRepository.of(List.of(new StandardMetrics()));

        assertThat(repository.all()).extracting(Metric::id).containsExactly("streaming_hours", "plays_per_member",
                "active_days", "play_rate", "revenue_per_member", "cancel_rate", "rebuffer_rate", "startup_ms_p50",
                "startup_ms_p90", "retention_d7");
        assertThat(repository.byId("retention_d7")).isEqualTo(Metric.define("retention_d7").title("Day-7 retention")
                .description(StandardMetrics.RETENTION_D7.description()).from(StreamingPreset.PLAYBACK)
                .retention(java.time.Duration.ofDays(7), java.time.Duration.ofDays(8)).higherIsBetter().build());
    }

    @Test
    void failsAtLoadOnADuplicateIdNamingTheMetricAndBothCatalogs() {
        assertThatThrownBy(() -> MetricRepository.of(List.of(new StandardMetrics(), new Clashing())))
                .hasMessage("metric play_rate is defined twice: in io.splitscope.metrics.preset.StandardMetrics and in "
                        + "io.splitscope.metrics.catalog.MetricRepositoryTest$Clashing");
    }

    @Test
    void namesAnUnknownMetricAndTheKnownOnes() {
        MetricRepository repository = MetricRepository.of(List.of(new StandardMetrics()));

        assertThatThrownBy(() -> repository.resolve(List.of("play_rate", "binge_rate")))
                .isInstanceOf(MetricRepository.UnknownMetricException.class)
                .hasMessageStartingWith("unknown metric 'binge_rate' (known: streaming_hours, ");
    }
}
