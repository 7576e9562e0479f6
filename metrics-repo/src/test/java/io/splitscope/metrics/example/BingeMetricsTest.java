package io.splitscope.metrics.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.query.FusedMetricQuery;
import io.splitscope.stats.Moments;
import io.splitscope.stats.arrow.VariantStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Add a metric" example: it loads through the SPI, computes, and the README shows this very code. */
class BingeMetricsTest {

    @Test
    void isFoundThroughTheCatalogSpiBesideTheStandardMetrics() {
        MetricRepository repository = StreamingPreset.project("unused").metrics();

        assertThat(repository.byId("long_sessions_per_member")).isSameAs(BingeMetrics.LONG_SESSIONS);
        assertThat(repository.byId("streaming_hours")).isNotNull();
    }

    @Test
    void countsOnlyTheEventsItsFilterKeeps() {
        // By hand from tiny/playback.csv, complete windows only: unit 1 has sessions of 1800 and 3600 s
        // in its window (one long), unit 3 one of 7200 s (long), unit 9 none; treatment unit 2 two of 900 s.
        try (TinyWarehouse tiny = new TinyWarehouse()) {
            VariantStatistics statistics = tiny.warehouse.query(FusedMetricQuery.build(tiny.warehouse.dsl(),
                    ExposedUnits.of(tiny.experiment("exp_t")), StreamingPreset.PLAYBACK, List.of(BingeMetrics.LONG_SESSIONS), false, null),
                    tiny.allocator, VariantStatistics::read);

            assertThat(statistics.moments("long_sessions_per_member", "control")).isEqualTo(new Moments(3, 2, 2));
            assertThat(statistics.moments("long_sessions_per_member", "treatment")).isEqualTo(new Moments(1, 0, 0));
        }
    }

    @Test
    void isTheExampleTheReadmeShows() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/splitscope/metrics/example/BingeMetrics.java"));
        String example = source.substring(source.indexOf("public final class BingeMetrics"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains(example);
    }
}
