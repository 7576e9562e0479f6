package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve --project} on the unseen project ({@link UnseenProject}), over real HTTP: the API
 * lists its declared and discovered experiments, serves their scorecards as the R reference has
 * them, slices by a dimension the project declares, exports CSV, and keeps results in the store.
 */
class ProjectRestApiIT {

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = SplitscopeWebApplication.run(ServeSettings.of(UnseenProject.project()).withPort(0).withDemoUsers(true)
                .withResultsLocation(results.toString()));
        http = TestHttp.to(TestHttp.base(app));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void listsDeclaredAndDiscoveredExperiments() {
        JsonNode list = JSON.readTree(http.get("/api/experiments", "viewer", "viewer").body());

        List<String> ids = new ArrayList<>();
        list.forEach(experiment -> ids.add(experiment.get("id").asString()));
        assertThat(ids).containsExactly("banner_test", "checkout_v2", "pricing_page");
        assertThat(list.get(2).get("start_date").isNull()).isTrue();
        assertThat(list.get(1).get("variants").toString()).contains("\"name\":\"one page\",\"weight\":0.25");
    }

    @Test
    void servesTheReferenceScorecardsAndKeepsThem() throws IOException {
        for (String experiment : List.of("checkout_v2", "pricing_page")) {
            HttpResponse<String> first = http.get("/api/experiments/" + experiment + "/scorecard", "viewer", "viewer");
            HttpResponse<String> again = http.get("/api/experiments/" + experiment + "/scorecard", "viewer", "viewer");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode expected = JSON.readTree(Files.readString(UnseenProject.expected(experiment + ".json")));
            ReferenceScorecards.assertReproduces(JSON.readTree(first.body()), expected);
            // the second answer comes from the results store: the same document
            assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        }
    }

    @Test
    void slicesByADeclaredDimensionAndRefusesAnUnknownOne() {
        HttpResponse<String> sliced = http.get("/api/experiments/checkout_v2/scorecard?segment=country&metrics=purchase_rate",
                "analyst", "analyst"); // a viewer may compute the default scorecard only
        HttpResponse<String> unknown = http.get("/api/experiments/checkout_v2/scorecard?segment=device", "viewer", "viewer");

        assertThat(sliced.statusCode()).as(sliced.body()).isEqualTo(200);
        List<String> segments = new ArrayList<>();
        JSON.readTree(sliced.body()).get("results").forEach(row -> segments.add(row.get("segment").asString()));
        assertThat(segments).contains("unknown").hasSizeGreaterThan(3);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown segment dimension 'device' (known: country, plan)");
    }

    @Test
    void exportsCsvWithStringVariantNames() {
        HttpResponse<String> csv = http.get("/api/experiments/checkout_v2/scorecard.csv?metrics=revenue", "analyst", "analyst");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(3).anyMatch(line -> line.contains("revenue,") && line.contains("one page"));
    }
}
