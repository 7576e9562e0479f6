package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.ScorecardComparison;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The unseen project ({@link UnseenProject}: string unit ids, columns named {@code group} and
 * {@code timestamp}, variants with spaces, three arms, tables without timestamps, an {@code sql:}
 * source) loaded into another engine ({@link CsvFolderLoader}, with the types DuckDB detects in
 * the CSV files) and opened there with {@code Project.withWarehouse} gives each experiment the
 * scorecard the embedded DuckDB gives on the CSV folder, under the rule of
 * {@link ScorecardComparison} (the {@code bootstrap_quantile} row of {@code order_value_p90}
 * exactly: the event-level query returns the same units in the same order), and lists the same
 * experiments ({@code banner_test} discovered from the log). The engine's IT supplies the server
 * (one for the class) and the loading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnseenProjectOnAnEngine {

    private final String urlPrefix;
    private final Function<String, String> createDatabase;
    private final BiFunction<Path, String, Map<String, Long>> loader;
    private AnalysisService duckdb;
    private AnalysisService engine;

    /**
     * @param urlPrefix      how the engine's JDBC URLs start, e.g. {@code jdbc:postgresql:}
     * @param createDatabase makes a fresh database or schema of that name on the engine; returns its JDBC URL
     * @param loader         loads every CSV file of a folder into the database at a JDBC URL; returns the rows per table
     */
    UnseenProjectOnAnEngine(String urlPrefix, Function<String, String> createDatabase,
                            BiFunction<Path, String, Map<String, Long>> loader) {
        this.urlPrefix = urlPrefix;
        this.createDatabase = createDatabase;
        this.loader = loader;
    }

    /** Loads every CSV file of {@code data} into a fresh database or schema of the engine; returns its JDBC URL. */
    private String load(Path data) {
        String url = createDatabase.apply("unseen");
        Map<String, Long> rows = loader.apply(data, url);
        assertThat(rows).hasSize(6).containsEntry("assignment_log", 1381L);
        return url;
    }

    @BeforeAll
    final void openTheProjectOnBothEngines() {
        Project project = UnseenProject.project();
        long start = System.nanoTime();
        String url = load(Path.of(project.warehouse()));
        System.err.printf("%s: loaded the unseen project's tables in %.1f s%n", getClass().getSimpleName(),
                (System.nanoTime() - start) / 1e9);
        duckdb = AnalysisService.open(project);
        engine = AnalysisService.open(project.withWarehouse(url));
    }

    @AfterAll
    final void close() {
        if (engine != null) {
            engine.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @Test
    void listsTheEmbeddedEnginesExperiments() {
        List<Experiment> experiments = engine.experiments();

        assertThat(experiments).extracting(Experiment::id).contains("checkout_v2", "banner_test", "pricing_page");
        assertThat(describe(experiments)).isEqualTo(describe(duckdb.experiments()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkout_v2", "banner_test", "pricing_page"})
    void givesTheEmbeddedEnginesScorecard(String experiment) {
        assertSameScorecard(engine, duckdb, experiment);
    }

    /** Asserts that {@code onEngine} gives {@code experiment} the scorecard {@code onDuckDb} gives it. */
    final void assertSameScorecard(AnalysisService onEngine, AnalysisService onDuckDb, String experiment) {
        AnalysisRequest request = AnalysisRequest.of(experiment);
        JsonNode expected = ScorecardJson.tree(onDuckDb.analyze(request));
        JsonNode actual = ScorecardJson.tree(onEngine.analyze(request));

        assertThat(actual.get("warehouse").asString()).startsWith(urlPrefix);
        assertThat(expected.get("results").size()).isGreaterThanOrEqualTo(2);
        assertThat(ScorecardComparison.differences(actual, expected))
                .as("where the scorecard of %s on %s differs from DuckDB's", experiment, urlPrefix).isEmpty();
    }

    /** What an experiments list says of each experiment (not its assignment's objects), to compare engines. */
    private static List<String> describe(List<Experiment> experiments) {
        return experiments.stream().map(e -> e.id() + " \"" + e.name() + "\" key=" + e.key() + " " + e.startDate()
                + ".." + e.endDate() + " control=" + e.controlVariant() + " variants=" + e.variants()
                + " metrics=" + e.metricIds()).toList();
    }
}
