package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}) loaded into a real,
 * throwaway single-node Trino 476 ({@link TrinoServer}: one server for the class, the memory
 * catalog, loaded by {@link TrinoLoader}) gives the scorecards the embedded DuckDB gives, for the
 * whole catalog, default and CUPED (and sliced by device and by country: {@link GoldenWarehouseOnAServer}), and the same cumulative
 * series: counts and strings exactly, every number of a deterministic row to a relative 1e-9 (the
 * engines may sum in another order).
 *
 * <p>Quantile metrics are not approximated on Trino: their rows ({@code bootstrap_quantile}) must
 * match exactly, intervals and p-values too (not the adjusted p-value, which depends on the other
 * rows). The percentiles and their bootstrap are computed in the JVM from the event-level query,
 * which returns the same events in the same order on every engine, and the bootstrap is seeded;
 * the only percentile Trino computes itself (a metric capped at a pooled percentile, {@code Dialects.percentileCont})
 * is exact too, interpolated from the sorted values, and checked by GoldenSqlTrinoIT.
 */
class TrinoGoldenIT extends GoldenWarehouseOnAServer {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    TrinoGoldenIT() {
        super("Trino", "jdbc:trino://127.0.0.1:", TRINO::createSchema, TrinoGoldenIT::load);
    }

    private static Map<String, Long> load(Path folder, String url) {
        long start = System.nanoTime();
        Map<String, Long> rows = TrinoLoader.load(folder, url, false);
        System.err.printf("TrinoGoldenIT: loaded %s in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        return rows;
    }

    @Override
    Stream<Arguments> scorecards() {
        return Stream.concat(super.scorecards(), Stream.of(Arguments.of("exp_autoplay", "welch_t", "country")));
    }

    @ParameterizedTest
    @EnumSource(SeriesAxis.class)
    void givesTheEmbeddedEnginesSeries(SeriesAxis axis) {
        EffectSeries expected = duckdb.series("exp_autoplay", "streaming_hours", axis);
        EffectSeries actual = server.series("exp_autoplay", "streaming_hours", axis);

        assertThat(actual.points()).hasSameSizeAs(expected.points()).isNotEmpty();
        for (int i = 0; i < expected.points().size(); i++) {
            EffectSeries.Point want = expected.points().get(i);
            EffectSeries.Point got = actual.points().get(i);
            assertThat(got.step()).isEqualTo(want.step());
            assertThat(got.date()).isEqualTo(want.date());
            assertThat(got.variant()).isEqualTo(want.variant());
            assertThat(got.nControl()).isEqualTo(want.nControl());
            assertThat(got.nTreatment()).isEqualTo(want.nTreatment());
            assertThat(got.result().status()).isEqualTo(want.result().status());
            assertClose("step " + want.step() + " effect", got.result().absoluteEffect(), want.result().absoluteEffect());
            assertClose("step " + want.step() + " p-value", got.result().pValue(), want.result().pValue());
        }
    }

    private static void assertClose(String what, Double actual, Double expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " instead of " + expected)
                    .isLessThanOrEqualTo(ScorecardComparison.RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)));
        }
    }
}
