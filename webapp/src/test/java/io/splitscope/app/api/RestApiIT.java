package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.cli.CommandLine;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import io.splitscope.stats.health.SampleRatioMismatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API of a real Splitscope on the golden warehouse, over real HTTP: the scorecard is
 * exactly what {@code ./splitscope analyze --format json} prints; who may do what; errors are JSON
 * without stack traces; CSRF protects state-changing requests from a browser session.
 */
class RestApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext app;
    private static TestHttp http;
    private static String base;

    @BeforeAll
    static void start() throws URISyntaxException {
        app = SplitscopeWebApplication.run(ServeSettings.of(golden().toString()).withPort(0).withDemoUsers(true)
                .withResultsLocation(results.toString()));
        base = TestHttp.base(app);
        http = TestHttp.to(base);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "exp_autoplay|                              |--experiment exp_autoplay",
            "exp_price   |?method=cuped                 |--experiment exp_price --cuped",
            "exp_autoplay|?method=bayesian&segment=plan |--experiment exp_autoplay --method bayesian --segment plan",
            "exp_price   |?metrics=play_rate,streaming_hours&method=sequential|--experiment exp_price --metrics streaming_hours,play_rate --method sequential",
            "exp_autoplay|?confidence=90&segment=device |--experiment exp_autoplay --confidence 90 --segment device",
            "exp_autoplay|?segment=device,country        |--experiment exp_autoplay --segment device,country"})
    void theScorecardIsExactlyWhatAnalyzePrints(String experiment, String query, String options) {
        HttpResponse<String> response = http.get("/api/experiments/" + experiment + "/scorecard" + (query == null ? "" : query),
                "analyst", "analyst"); // a viewer may compute the default scorecard only

        String cli = analyze(options);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        // The same document: the same fields in the same order, the same texts and counts; the same
        // numbers but for the last bits of a sum (DuckDB adds in parallel, in no fixed order).
        assertSameScorecard("", JSON.readTree(response.body()), JSON.readTree(cli));
        assertThat(response.headers().firstValue(ExperimentsApi.STALE_HEADER)).contains("false");
    }

    /** Metrics in another order are the same scorecard, in catalog order (golden exp_price.json: streaming_hours before play_rate). */
    @Test
    void equivalentParametersShareOneStoredScorecard() {
        HttpResponse<String> first = http.get("/api/experiments/exp_price/scorecard?metrics=play_rate,streaming_hours&method=cuped",
                "analyst", "analyst");
        HttpResponse<String> second = http.get("/api/experiments/exp_price/scorecard?method=cuped&metrics=streaming_hours,play_rate",
                "viewer", "viewer");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(first.body());
        JsonNode b = JSON.readTree(second.body());
        assertThat(b.get("computed_at")).as("read from the store, not computed again").isEqualTo(a.get("computed_at"));
        List<String> metrics = new java.util.ArrayList<>();
        b.get("results").forEach(row -> metrics.add(row.get("metric").asString()));
        assertThat(metrics.stream().distinct()).containsExactly("streaming_hours", "play_rate"); // a row per arm, two arms
    }

    /** A repeated metric was a second row in the adjustment: adjusted p 0.004 became 0.012 (issue 14). */
    @Test
    void aMetricNamedTwiceIsRefused() {
        assertThat(assertError(http.get("/api/experiments/exp_price/scorecard?metrics=play_rate,play_rate", "analyst", "analyst"), 400)
                .get("message").asString()).isEqualTo("metric play_rate is asked for twice: name each metric once");
    }

    @Test
    void aViewerReadsTheDefaultScorecardButComputesNoOther() {
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?method=bayesian&segment=country", "viewer", "viewer"),
                403).get("message").asString()).isEqualTo("a viewer reads stored scorecards and the default one: computing"
                + " exp_autoplay with bayesian, by country needs an analyst");
        assertThat(http.get("/api/experiments/exp_autoplay/scorecard.csv?method=bayesian&segment=country", "viewer", "viewer")
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/api/experiments/exp_autoplay/scorecard?method=welch_t&confidence=95", "viewer", "viewer")
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/api/experiments/exp_autoplay/scorecard", "viewer", "viewer").headers()
                .firstValue("X-Splitscope-Results-Store")).as("the store is usable").isEmpty();
    }

    @Test
    void listsTheExperiments() {
        HttpResponse<String> response = http.get("/api/experiments", "viewer", "viewer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode experiments = JSON.readTree(response.body());
        assertThat(experiments.valueStream().map(e -> e.get("id").asString()).toList()).containsExactlyInAnyOrder("exp_autoplay", "exp_price");
        JsonNode autoplay = experiments.valueStream().filter(e -> e.get("id").asString().equals("exp_autoplay")).findFirst().orElseThrow();
        assertThat(autoplay.get("control_variant").asString()).isEqualTo("control");
        assertThat(autoplay.get("variants").size()).isEqualTo(2);
        assertThat(autoplay.get("scorecard").asString()).isEqualTo("/api/experiments/exp_autoplay/scorecard");
    }

    /**
     * One experiment with its health. Reference values: R 4.2.2, {@code analysis/src/test/resources/health/health-reference.R}
     * on the golden CSV files (the population rules by hand, {@code chisq.test(counts, p = weights)}); p to 1e-9.
     */
    @Test
    void oneExperimentWithItsHealth() {
        HttpResponse<String> response = http.get("/api/experiments/exp_autoplay", "viewer", "viewer");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode experiment = JSON.readTree(response.body());
        assertThat(experiment.get("name").asString()).isEqualTo("Autoplay previews on the home page");
        assertThat(experiment.get("start_date").asString()).isEqualTo("2026-03-01");
        assertThat(experiment.get("variants").get(1).get("weight").asDouble()).isEqualTo(0.5);
        assertThat(experiment.get("status").asString()).isEqualTo("stopped"); // it ended on 14 April 2026, and no one set a status
        JsonNode health = experiment.get("health");
        assertThat(health.get("status").asString()).isEqualTo("ready");
        JsonNode srm = health.get("srm");
        // R: overall 863 897 p=0.4176854972
        assertThat(srm.get("units").get("control").asLong()).isEqualTo(863);
        assertThat(srm.get("units").get("previews").asLong()).isEqualTo(897);
        assertThat(srm.get("expected_share").get("previews").asDouble()).isEqualTo(0.5);
        assertThat(srm.get("p_value").asDouble()).isCloseTo(0.4176854972, within(1e-9));
        assertThat(srm.get("threshold").asDouble()).isEqualTo(SampleRatioMismatch.THRESHOLD);
        assertThat(srm.get("mismatch").asBoolean()).isFalse();
        assertThat(health.get("crossover_units").asLong()).isEqualTo(8);
        assertThat(health.get("invalid_exposures").asLong()).isEqualTo(4);
        // R: 2026-03-03 48 38 p=0.2808875253 cross 1 invalid 0
        JsonNode third = health.get("days").get(2);
        assertThat(third.get("date").asString()).isEqualTo("2026-03-03");
        assertThat(third.get("units").get("control").asLong()).isEqualTo(48);
        assertThat(third.get("units").get("previews").asLong()).isEqualTo(38);
        assertThat(third.get("p_value").asDouble()).isCloseTo(0.2808875253, within(1e-9));
        assertThat(third.get("mismatch").asBoolean()).isFalse();
        assertThat(third.get("crossover_units").asLong()).isEqualTo(1);
        assertThat(third.get("invalid_exposures").asLong()).isZero();
        // R: tablet 72 92 p=0.1183498127
        JsonNode tablet = health.get("segments").valueStream()
                .filter(s -> s.get("dimension").asString().equals("device") && s.get("value").asString().equals("tablet"))
                .findFirst().orElseThrow();
        assertThat(tablet.get("units").get("previews").asLong()).isEqualTo(92);
        assertThat(tablet.get("p_value").asDouble()).isCloseTo(0.1183498127, within(1e-9));
        JsonNode windowed = health.get("windowed_metrics");
        assertThat(windowed.size()).isPositive();
        windowed.forEach(metric -> {
            assertThat(metric.get("units").asLong()).isEqualTo(1760);
            assertThat(metric.get("share").asDouble()).as(metric.get("metric").asString())
                    .isEqualTo((double) metric.get("units_left_out").asLong() / 1760);
        });
        assertThat(windowed.valueStream().map(m -> m.get("window").asString())).contains("28 d");
    }

    @Test
    void anUnknownExperimentIs404() {
        assertThat(assertError(http.get("/api/experiments/exp_nope", "viewer", "viewer"), 404).get("message").asString())
                .isEqualTo("unknown experiment 'exp_nope'");
    }

    @Test
    void withoutCredentialsOrWithWrongOnesTheAnswerIs401() {
        for (HttpResponse<String> response : List.of(http.get("/api/experiments"),
                http.get("/api/experiments/exp_autoplay/scorecard"), http.get("/api/experiments", "viewer", "wrong"),
                http.get("/api/experiments", "nobody", "viewer"), http.post("/api/experiments/exp_autoplay/analyses"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
            assertError(response, 401);
        }
    }

    @Test
    void aViewerMayReadButNotStartAnAnalysis() {
        HttpResponse<String> response = http.postAs("/api/experiments/exp_autoplay/analyses", "viewer", "viewer");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(assertError(response, 403).get("message").asString()).contains("only analysts");
        assertThat(http.get("/api/experiments/exp_autoplay/scorecard.csv", "viewer", "viewer").statusCode()).isEqualTo(200);
    }

    @Test
    void anAnalystStartsABackgroundRunThatReplacesTheStoredScorecard() throws InterruptedException {
        String path = "/api/experiments/exp_autoplay/scorecard?method=cuped&metrics=streaming_hours";
        Instant before = Instant.parse(JSON.readTree(http.get(path, "analyst", "analyst").body()).get("computed_at").asString());

        HttpResponse<String> started = http.postAs("/api/experiments/exp_autoplay/analyses?method=cuped&metrics=streaming_hours",
                "analyst", "analyst");

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(job.get("state").asString()).isIn("queued", "running");
        assertThat(job.get("submitted_by").asString()).isEqualTo("analyst");
        assertThat(job.get("scorecard").asString()).isEqualTo("/api/experiments/exp_autoplay/scorecard?method=cuped&metrics=streaming_hours");
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/analyses/" + job.get("id").asString());
        JsonNode done = poll(location);
        assertThat(done.get("state").asString()).isEqualTo("succeeded");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("error").isNull()).isTrue();

        Instant after = Instant.parse(JSON.readTree(http.get(path, "viewer", "viewer").body()).get("computed_at").asString());
        assertThat(after).isAfter(before);
        assertThat(http.get("/api/analyses/no-such-job", "viewer", "viewer").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownExperimentsAndBadParametersGetAJsonMessageAndNoStackTrace() {
        assertThat(assertError(http.get("/api/experiments/exp_nope/scorecard", "viewer", "viewer"), 404).get("message").asString())
                .isEqualTo("unknown experiment 'exp_nope'");
        assertError(http.get("/api/experiments/exp_nope/scorecard.csv", "viewer", "viewer"), 404);
        assertError(http.postAs("/api/experiments/exp_nope/analyses", "analyst", "analyst"), 404);
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?method=magic", "viewer", "viewer"), 400)
                .get("message").asString()).contains("unknown method 'magic'");
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?segment=planet", "viewer", "viewer"), 400)
                .get("message").asString()).contains("unknown segment dimension 'planet'");
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?segment=country,device,plan", "viewer", "viewer"), 400)
                .get("message").asString()).isEqualTo("segment 'country,device,plan' names 3 dimensions: at most 2 at once");
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?metrics=nope", "viewer", "viewer"), 400)
                .get("message").asString()).contains("unknown metric nope");
        assertError(http.get("/api/experiments/exp_autoplay/scorecard?metrics=", "viewer", "viewer"), 400);
        assertThat(assertError(http.get("/api/experiments/exp_autoplay/scorecard?confidence=100", "viewer", "viewer"), 400)
                .get("message").asString()).contains("confidence level must be a percentage from 50 to 99.9", "got 100");
        assertError(http.get("/api/no/such/thing", "viewer", "viewer"), 404);
        assertError(http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/experiments"))
                .header("Authorization", TestHttp.basic("viewer", "viewer")).DELETE()), 404);
    }

    @Test
    void exportsTheRowsAsCsv() {
        HttpResponse<String> csv = http.get("/api/experiments/exp_price/scorecard.csv?method=bayesian", "analyst", "analyst");
        JsonNode json = JSON.readTree(http.get("/api/experiments/exp_price/scorecard?method=bayesian", "analyst", "analyst").body());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment", "exp_price-bayesian.csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith(String.join(",", ScorecardCsv.COLUMNS)).contains("chance_to_beat_control");
        assertThat(lines).hasSize(json.get("results").size() + 1);
        JsonNode first = json.get("results").get(0);
        assertThat(lines.get(1)).startsWith(first.get("metric").asString() + ",").contains("," + first.get("n_control").asLong() + ",")
                .contains(Double.toString(first.get("p_value").asDouble()));
        assertThat(csv.body()).contains("\r\n");
    }

    @Test
    void aBrowserSessionMaySendStateChangingRequestsOnlyWithItsCsrfToken() {
        TestHttp browser = TestHttp.signedIn(base, "analyst", "analyst");
        assertThat(browser.get("/api/experiments").statusCode()).isEqualTo(200); // the session reads the API (export links)

        HttpResponse<String> forged = browser.post("/api/experiments/exp_price/analyses?metrics=play_rate");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(assertError(forged, 403).get("message").asString()).contains("CSRF");

        String token = browser.csrfToken("/");
        HttpResponse<String> withToken = browser.post("/api/experiments/exp_price/analyses?metrics=play_rate", "X-CSRF-TOKEN", token);
        assertThat(withToken.statusCode()).isEqualTo(202);

        // A browser re-sends cached Basic credentials to a cross-site form too: with an Origin it needs the token.
        HttpResponse<String> crossSite = http.post("/api/experiments/exp_price/analyses?metrics=play_rate",
                "Authorization", TestHttp.basic("analyst", "analyst"), "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    @Test
    void theViewsNeedALogInAndTheLogInPageIsOpen() {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(http.get("/login").statusCode()).isEqualTo(200);

        TestHttp wrong = TestHttp.to(base);
        HttpResponse<String> failed = wrong.send(java.net.http.HttpRequest.newBuilder(wrong.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=analyst&password=nope")));
        assertThat(failed.statusCode()).isIn(302, 403); // no CSRF token and wrong password: refused either way
        assertThat(failed.headers().firstValue("Location").orElse("/login?error")).contains("login");
        assertThat(TestHttp.signedIn(base, "viewer", "viewer").get("/").statusCode()).isEqualTo(200);
    }

    private static JsonNode poll(String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = JSON.readTree(http.get(location, "viewer", "viewer").body());
            if (job.get("state").asString().equals("succeeded") || job.get("state").asString().equals("failed")
                    || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    /** The response is a JSON error of that status, with a message and no trace of Java. */
    private static JsonNode assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("message").asString()).isNotBlank().doesNotContain("\n");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "java.", "trace");
        return error;
    }

    private static String analyze(String options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--warehouse", golden().toString(), "--format", "json"));
        args.addAll(List.of(options.strip().split("\\s+")));
        int status = CommandLine.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Equal JSON trees, but for {@code computed_at} and a relative 1e-12 in floating-point numbers. */
    private static void assertSameScorecard(String path, JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            assertThat(actual.propertyNames()).as(path).containsExactlyElementsOf(expected.propertyNames());
            for (String name : expected.propertyNames()) {
                if (!(path.isEmpty() && name.equals("computed_at"))) {
                    assertSameScorecard(path + "/" + name, actual.get(name), expected.get(name));
                }
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameScorecard(path + "/" + i, actual.get(i), expected.get(i));
            }
        } else if (expected.isFloatingPointNumber() && actual.isFloatingPointNumber()) {
            double e = expected.doubleValue();
            assertThat(actual.doubleValue()).as(path).isCloseTo(e, org.assertj.core.api.Assertions.within(Math.abs(e) * 1e-12 + 1e-300));
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    static Path golden() {
        return GoldenWarehouse.folder();
    }
}
