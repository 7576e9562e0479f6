package io.splitscope.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.json.ScorecardJson;
import io.splitscope.metrics.Dimension;
import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

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

    private static final double RELATIVE_TOLERANCE = 1e-9;
    /** Where the two scorecards may differ: what the numbers were computed from, when and how. */
    private static final Set<String> PROVENANCE = Set.of("warehouse", "computed_at", "queries");

    private static AnalysisService duckdb;
    private static AnalysisService postgres;

    @BeforeAll
    static void loadTheGoldenWarehouse() throws URISyntaxException {
        Path golden = Path.of(PostgresGoldenIT.class.getResource("/golden/streaming-small").toURI());
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
            "exp_price,welch_t,DEVICE"})
    void givesTheEmbeddedEnginesScorecard(String experiment, MeanMethod method, Dimension segmentBy) {
        AnalysisRequest request = new AnalysisRequest(experiment, List.of(), method, segmentBy);
        JsonNode expected = ScorecardJson.tree(duckdb.analyze(request));
        JsonNode actual = ScorecardJson.tree(postgres.analyze(request));

        assertThat(actual.get("warehouse").asString()).startsWith("jdbc:postgresql://127.0.0.1:");
        assertThat(expected.get("results").size()).isGreaterThanOrEqualTo(9);
        List<String> differences = new ArrayList<>();
        compare("", actual, expected, false, differences);
        assertThat(differences).as("where PostgreSQL's scorecard differs from DuckDB's").isEmpty();
    }

    /** Walks both trees; numbers in a bootstrap row must match exactly, others to the tolerance. */
    private static void compare(String path, JsonNode actual, JsonNode expected, boolean exact, List<String> differences) {
        if (expected.isObject()) {
            boolean bootstrap = exact || (expected.has("method") && "bootstrap_quantile".equals(expected.get("method").asString()));
            if (!actual.isObject()) {
                differences.add(path + ": " + actual + " instead of an object");
                return;
            }
            Iterator<String> names = expected.propertyNames().iterator();
            while (names.hasNext()) {
                String name = names.next();
                if (path.isEmpty() && PROVENANCE.contains(name)) {
                    continue;
                }
                if (!actual.has(name)) {
                    differences.add(path + "." + name + " is missing");
                    continue;
                }
                // The adjusted p-value depends on every row's p-value, the deterministic rows' too.
                boolean exactField = bootstrap && !name.equals("p_value_adjusted");
                compare(path + "." + name, actual.get(name), expected.get(name), exactField, differences);
            }
        } else if (expected.isArray()) {
            if (actual.size() != expected.size()) {
                differences.add(path + ": " + actual.size() + " elements instead of " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i), exact, differences);
            }
        } else if (expected.isFloatingPointNumber() && actual.isNumber()) {
            double want = expected.asDouble();
            double got = actual.asDouble();
            boolean same = exact ? Double.compare(want, got) == 0
                    : Math.abs(want - got) <= RELATIVE_TOLERANCE * Math.max(Math.abs(want), Math.abs(got));
            if (!same) {
                differences.add(path + ": " + got + " instead of " + want + (exact ? " (exactly)" : ""));
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": " + actual + " instead of " + expected);
        }
    }
}
