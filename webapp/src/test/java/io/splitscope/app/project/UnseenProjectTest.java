package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.app.cli.CommandLineRun;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.query.SeriesAxis;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project over tables the code has never seen ({@link UnseenProject}) on the embedded DuckDB:
 * {@code analyze --project} reproduces the reference scorecards of an independent R implementation
 * (R 4.2.2, {@code reference.R}; tolerances of {@link ReferenceScorecards}) for a declared
 * experiment with three arms, one discovered in the assignment log, and one whose assignment has
 * no timestamps.
 */
class UnseenProjectTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = AnalysisService.open(UnseenProject.project());
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkout_v2", "banner_test", "pricing_page"})
    void reproducesTheReferenceScorecard(String experiment) throws IOException {
        CommandLineRun run = CommandLineRun.of("analyze", "--project", UnseenProject.file().toString(),
                "--experiment", experiment, "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode expected = JSON.readTree(Files.readString(UnseenProject.expected(experiment + ".json")));
        ReferenceScorecards.assertReproduces(JSON.readTree(run.stdout()), expected);
    }

    @Test
    void showsTheFixedCapOfACappedMetricInTheTableAndTheJson() {
        CommandLineRun table = CommandLineRun.of("analyze", "--project", UnseenProject.file().toString(),
                "--experiment", "checkout_v2", "--metrics", "revenue");
        CommandLineRun json = CommandLineRun.of("analyze", "--project", UnseenProject.file().toString(),
                "--experiment", "checkout_v2", "--metrics", "revenue", "--format", "json");

        assertThat(table.status()).as(table.stderr()).isZero();
        assertThat(table.stdout()).contains("revenue: capped at 250\n");
        // splitscope.yaml: revenue has cap: {value: 250}
        assertThat(JSON.readTree(json.stdout()).get("results").get(0).get("cap").toString()).isEqualTo("{\"upper\":250.0}");
    }

    @Test
    void runsMethodsWrittenInROnStringUnitIds() throws IOException {
        CommandLineRun run = CommandLineRun.of("analyze", "--project", UnseenProject.file().toString(),
                "--experiment", "pricing_page", "--metrics", "nps", "--method", "r_welch_t", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode row = JSON.readTree(run.stdout()).get("results").get(0);
        JsonNode expected = JSON.readTree(Files.readString(UnseenProject.expected("pricing_page.json"))).get("results").get(0);
        assertThat(row.get("method").asString()).isEqualTo("r_welch_t");
        // reference.R's welch_t row of nps (R's own t.test); R and Java agree to 1e-8 (RParity)
        for (String field : List.of("treatment_value", "absolute_ci_low", "absolute_ci_high", "p_value")) {
            ReferenceScorecards.assertRelativelyClose(field, row.get(field), expected.get(field), 1e-8);
        }
    }

    @Test
    void listsDeclaredAndDiscoveredExperiments() {
        List<Experiment> experiments = service.experiments();

        // the most recently started first, experiments without dates last; reference.R: banner_test's dates
        // are those of its first and last exposure, pricing_page has none
        assertThat(experiments).extracting(Experiment::id).containsExactly("banner_test", "checkout_v2", "pricing_page");
        Experiment banner = experiments.get(0);
        assertThat(banner.variantNames()).containsExactly("control", "treatment");
        assertThat(List.of(banner.startDate(), banner.endDate()))
                .containsExactly(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 26));
        assertThat(experiments.get(1).variantNames()).containsExactly("control", "one page", "two pages");
        assertThat(experiments.get(2).timed()).isFalse();
    }

    @Test
    void slicesByADeclaredDimension() {
        var whole = service.analyze(new AnalysisRequest("checkout_v2", List.of("purchase_rate"), MeanMethod.WELCH_T, null));
        var sliced = service.analyze(new AnalysisRequest("checkout_v2", List.of("purchase_rate"), MeanMethod.WELCH_T,
                "country"));

        // The segments partition the analysed units of each arm (whose counts the reference test checks);
        // users missing from users.csv read "unknown".
        for (var row : whole.rows()) {
            var segments = sliced.rows().stream().filter(r -> r.variant().equals(row.variant())).toList();
            assertThat(segments.stream().mapToLong(r -> r.nControl()).sum()).as(row.variant()).isEqualTo(row.nControl());
            assertThat(segments.stream().mapToLong(r -> r.nTreatment()).sum()).as(row.variant()).isEqualTo(row.nTreatment());
            assertThat(segments).extracting(r -> r.segment()).contains("unknown");
        }
    }

    @Test
    void saysWhySeriesNeedTimestamps() {
        Assertions.assertThatThrownBy(() -> service.series("pricing_page", "nps", SeriesAxis.DAYS_SINCE_EXPOSURE))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("metric nps has no day-by-day series: source survey has no timestamps; series follow mean and proportion metrics over whole days, on all exposed units");
    }

    @Test
    void refusesAWindowedMetricInAnExperimentWithoutTimestamps() {
        Assertions.assertThatThrownBy(() -> service.analyze(new AnalysisRequest("pricing_page", List.of("purchase_rate"),
                        MeanMethod.WELCH_T, null)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("metric purchase_rate has a window, but experiment pricing_page has no exposure times "
                        + "(its assignment static has no timestamp)");
    }
}
