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

    /** A funnel {@code plays} and a metric with the id of its first row. */
    static final class FunnelRowClash implements MetricCatalog {
        @Override
        public List<Metric> metrics() {
            var playback = io.splitscope.metrics.preset.StreamingPreset.PLAYBACK;
            var title = playback.column("title_id", org.jooq.impl.SQLDataType.VARCHAR);
            Metric funnel = Metric.define("plays").title("Plays").description("D").from(playback)
                    .funnel(io.splitscope.metrics.Measure.Funnel.Step.of("a", title.eq("a")),
                            io.splitscope.metrics.Measure.Funnel.Step.of("b", title.eq("b")))
                    .window(io.splitscope.metrics.Window.days(7)).higherIsBetter().build();
            Metric clash = Metric.define("plays.step1").title("P").description("D").from(playback)
                    .proportionWithAnyEvent().window(io.splitscope.metrics.Window.days(7)).higherIsBetter().build();
            return List.of(funnel, clash);
        }
    }

    @Test
    void failsAtLoadOnAMetricWithTheIdOfAFunnelsRow() {
        String catalog = "io.splitscope.metrics.catalog.MetricRepositoryTest$FunnelRowClash";
        assertThatThrownBy(() -> MetricRepository.of(List.of(new FunnelRowClash()))).hasMessage("metric plays.step1 (in "
                + catalog + ") has the id of a row of funnel plays (in " + catalog + "): rename one of them");
    }

    @Test
    void namesAnUnknownMetricAndTheKnownOnes() {
        MetricRepository repository = MetricRepository.of(List.of(new StandardMetrics()));

        assertThatThrownBy(() -> repository.resolve(List.of("play_rate", "binge_rate")))
                .isInstanceOf(MetricRepository.UnknownMetricException.class)
                .hasMessageStartingWith("unknown metric 'binge_rate' (known: streaming_hours, ");
    }
}
