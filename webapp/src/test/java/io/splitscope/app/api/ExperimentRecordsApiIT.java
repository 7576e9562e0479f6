package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team's record over HTTP, on the golden warehouse: an analyst's browser session writes it with
 * its CSRF token (and is refused without), a viewer is refused, a rule broken is a 400 in one line,
 * and everyone reads it back — from {@code …/record} and in {@code GET /api/experiments}.
 */
class ExperimentRecordsApiIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String RECORD = "/api/experiments/exp_price/record";

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString()).withPort(0).withDemoUsers(true)
                .withResultsLocation(results.toString()));
        base = TestHttp.base(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAnalystWritesWithTheCsrfTokenAViewerIsRefusedAndEveryoneReadsItBack() {
        TestHttp analyst = TestHttp.signedIn(base, "analyst", "analyst");
        String body = """
                {"status": "decided", "conclusion": {"decision": "no_ship", "text": "Revenue up, churn up more."},
                 "tags": ["pricing", "q2"]}""";
        assertThat(put(analyst, RECORD, body, null).statusCode()).as("no CSRF token").isEqualTo(403);
        String token = analyst.csrfToken("/");

        HttpResponse<String> undecidable = put(analyst, RECORD, "{\"status\": \"decided\"}", token);
        assertThat(undecidable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(undecidable.body()).get("message").asString())
                .isEqualTo("the status of exp_price can be decided only with a conclusion: write the decision taken first");

        HttpResponse<String> written = put(analyst, RECORD, body, token);
        assertThat(written.statusCode()).isEqualTo(200);
        HttpResponse<String> noted = analyst.send(HttpRequest.newBuilder(analyst.uri(RECORD + "/notes"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Checked with finance\"}")));
        assertThat(noted.statusCode()).isEqualTo(201);

        TestHttp viewer = TestHttp.to(base);
        HttpResponse<String> refused = viewer.send(HttpRequest.newBuilder(viewer.uri(RECORD))
                .header("Authorization", TestHttp.basic("viewer", "viewer")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"running\"}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asString()).isEqualTo("forbidden: only analysts may write an experiment's record");

        JsonNode record = JSON.readTree(viewer.get(RECORD, "viewer", "viewer").body());
        assertThat(record.get("status").asString()).isEqualTo("decided");
        assertThat(record.get("status_source").asString()).isEqualTo("team");
        assertThat(record.get("status_set_by").asString()).isEqualTo("analyst");
        assertThat(record.get("conclusion").get("decision").asString()).isEqualTo("no_ship");
        assertThat(record.get("conclusion").get("headline").asString()).isEqualTo("Don't ship");
        assertThat(record.get("conclusion").get("text").asString()).isEqualTo("Revenue up, churn up more.");
        assertThat(record.get("tags").toString()).isEqualTo("[\"pricing\",\"q2\"]");
        assertThat(record.get("notes").get(0).get("text").asString()).isEqualTo("Checked with finance");
        assertThat(record.get("notes").get(0).get("written_by").asString()).isEqualTo("analyst");

        JsonNode list = JSON.readTree(viewer.get("/api/experiments", "viewer", "viewer").body());
        for (JsonNode experiment : list) {
            if (experiment.get("id").asString().equals("exp_price")) {
                assertThat(experiment.get("record")).isEqualTo(record);
            } else {
                assertThat(experiment.get("record").get("status_source").asString()).isEqualTo("dates");
            }
        }
    }

    @Test
    void aBadTagOrAnUnknownExperimentIsRefusedInOneLine() {
        TestHttp analyst = TestHttp.to(base);
        HttpResponse<String> badTag = analyst.send(HttpRequest.newBuilder(analyst.uri(RECORD))
                .header("Authorization", TestHttp.basic("analyst", "analyst")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"tags\": [\"<b>\"]}")));
        assertThat(badTag.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTag.body()).get("message").asString())
                .isEqualTo("tag '<b>' may have only letters, digits, spaces and - _ . / (starting and ending with a letter or digit)");
        HttpResponse<String> unknown = analyst.get("/api/experiments/exp_nope/record", "analyst", "analyst");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asString()).isEqualTo("unknown experiment 'exp_nope'");
    }

    private static HttpResponse<String> put(TestHttp session, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return session.send(request);
    }
}
