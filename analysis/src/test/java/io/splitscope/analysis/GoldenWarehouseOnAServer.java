package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}) loaded into a real,
 * throwaway server engine gives the scorecards the embedded DuckDB gives, for the whole catalog,
 * default and CUPED (and sliced by device): counts and strings exactly, every number of a
 * deterministic row to a relative 1e-9 (the engines may sum in another order), and every number
 * of a {@code bootstrap_quantile} row exactly (intervals and p-values too; not its adjusted
 * p-value, which depends on the other rows): the event-level query returns the same events in the
 * same order on both engines, and the bootstrap is seeded. AnalyzeCommandTest checks the
 * DuckDB scorecards against the reference ones. The engine's IT supplies the server (one for the
 * class) and the loading, and may add scorecards and checks of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoldenWarehouseOnAServer {

    private final String engineName;
    private final String urlPrefix;
    private final Function<String, String> createDatabase;
    private final BiFunction<Path, String, Map<String, Long>> loader;
    /** The embedded engine on the golden folder. */
    AnalysisService duckdb;
    /** The server engine on the same tables. */
    AnalysisService server;

    /**
     * @param engineName the engine's name in the failure messages, e.g. {@code PostgreSQL}
     * @param urlPrefix      how the engine's JDBC URLs start, e.g. {@code jdbc:postgresql://127.0.0.1:}
     * @param createDatabase makes a fresh database or schema of that name on the server; returns its JDBC URL
     * @param loader         loads the tables of a folder into the database at a JDBC URL; returns the rows per table
     */
    GoldenWarehouseOnAServer(String engineName, String urlPrefix, Function<String, String> createDatabase,
                             BiFunction<Path, String, Map<String, Long>> loader) {
        this.engineName = engineName;
        this.urlPrefix = urlPrefix;
        this.createDatabase = createDatabase;
        this.loader = loader;
    }

    @BeforeAll
    final void loadTheGoldenWarehouse() {
        Path golden = GoldenWarehouse.folder();
        String url = createDatabase.apply("golden");
        assertThat(loader.apply(golden, url).get("playback")).isEqualTo(95541);
        duckdb = AnalysisService.open(golden.toString());
        server = AnalysisService.open(url);
    }

    @AfterAll
    final void close() {
        for (AnalysisService service : new AnalysisService[] {server, duckdb}) {
            if (service != null) {
                service.close();
            }
        }
    }

    /** Experiment, method and segmentation of each scorecard to compare (no segmentation: null). */
    Stream<Arguments> scorecards() {
        return Stream.of(Arguments.of("exp_autoplay", "welch_t", null), Arguments.of("exp_price", "welch_t", null),
                Arguments.of("exp_autoplay", "cuped", null), Arguments.of("exp_price", "cuped", null),
                Arguments.of("exp_price", "welch_t", "device"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("scorecards")
    void givesTheEmbeddedEnginesScorecard(String experiment, MeanMethod method, String segmentBy) {
        ScorecardComparison.assertSameScorecard(server, engineName, urlPrefix, duckdb,
                new AnalysisRequest(experiment, List.of(), method, segmentBy));
    }
}
