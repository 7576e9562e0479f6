package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}) loaded into a real,
 * throwaway PostgreSQL gives the scorecards the embedded DuckDB gives, for the whole catalog,
 * default and CUPED (and one sliced by device): counts and strings exactly, every number of a
 * deterministic row to a relative 1e-9 (the engines may sum in another order), and every number
 * of a {@code bootstrap_quantile} row exactly (intervals and p-values too; not its adjusted
 * p-value, which depends on the other rows): the event-level query returns the same events in the
 * same order on both engines, and the bootstrap is seeded. AnalyzeCommandTest checks the
 * DuckDB scorecards against the reference ones.
 */
class PostgresGoldenIT {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static AnalysisService duckdb;
    private static AnalysisService postgres;

    @BeforeAll
    static void loadTheGoldenWarehouse() {
        Path golden = GoldenWarehouse.folder();
        String url = POSTGRES.createDatabase("golden");
        Map<String, Long> rows = PostgresLoader.load(golden, url, false);
        assertThat(rows.get("playback")).isEqualTo(95541);
        duckdb = AnalysisService.open(golden.toString());
        postgres = AnalysisService.open(url);
    }

    @AfterAll
    static void close() {
        if (postgres != null) {
            postgres.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"exp_autoplay,welch_t,", "exp_price,welch_t,", "exp_autoplay,cuped,", "exp_price,cuped,",
            "exp_price,welch_t,device"})
    void givesTheEmbeddedEnginesScorecard(String experiment, MeanMethod method, String segmentBy) {
        ScorecardComparison.assertSameScorecard(postgres, "PostgreSQL", "jdbc:postgresql://127.0.0.1:", duckdb,
                new AnalysisRequest(experiment, List.of(), method, segmentBy));
    }
}
