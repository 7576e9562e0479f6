package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}) loaded into a real,
 * throwaway single-node Trino 476 ({@link TrinoServer}: one server for the class, the memory
 * catalog, loaded by {@link TrinoLoader}) gives the scorecards the embedded DuckDB gives, for the
 * whole catalog, default and CUPED (and sliced by device and by country), and the same cumulative
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
class TrinoGoldenIT {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    private static AnalysisService duckdb;
    private static AnalysisService trino;

    @BeforeAll
    static void loadTheGoldenWarehouse() {
        Path golden = GoldenWarehouse.folder();
        String url = TRINO.createSchema("golden");
        long start = System.nanoTime();
        Map<String, Long> rows = TrinoLoader.load(golden, url, false);
        System.err.printf("TrinoGoldenIT: loaded %s in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        assertThat(rows.get("playback")).isEqualTo(95541);
        duckdb = AnalysisService.open(golden.toString());
        trino = AnalysisService.open(url);
    }

    @AfterAll
    static void close() {
        if (trino != null) {
            trino.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"exp_autoplay,welch_t,", "exp_price,welch_t,", "exp_autoplay,cuped,", "exp_price,cuped,",
            "exp_price,welch_t,device", "exp_autoplay,welch_t,country"})
    void givesTheEmbeddedEnginesScorecard(String experiment, MeanMethod method, String segmentBy) {
        ScorecardComparison.assertSameScorecard(trino, "Trino", "jdbc:trino://127.0.0.1:", duckdb,
                new AnalysisRequest(experiment, List.of(), method, segmentBy));
    }

    @ParameterizedTest
    @EnumSource(SeriesAxis.class)
    void givesTheEmbeddedEnginesSeries(SeriesAxis axis) {
        EffectSeries expected = duckdb.series("exp_autoplay", "streaming_hours", axis);
        EffectSeries actual = trino.series("exp_autoplay", "streaming_hours", axis);

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
