package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.WaitingProject;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.web.WaitingProjectServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code serve --project} on experiments that cannot be compared yet ({@link WaitingProject}, a
 * real folder warehouse), over real HTTP: the scorecard is a 200 whose {@code status} and
 * {@code waiting_for} say what it waits for, with no rows — the same document when it is read
 * back from the results store.
 */
class WaitingProjectIT {

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    static Path folder;

    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = WaitingProjectServer.start(folder);
        http = TestHttp.to(TestHttp.base(app));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no_exposures,waiting_for_exposures,no exposures yet between 2026-05-01 and 2026-05-28",
            "one_arm,waiting_for_variants,only one variant (control) has units",
            "single,waiting_for_variants,only one variant (control) has units"})
    void theScorecardSaysWhatItWaitsFor(String experiment, String status, String waitingFor) {
        HttpResponse<String> first = http.get("/api/experiments/" + experiment + "/scorecard", "viewer", "viewer");
        HttpResponse<String> stored = http.get("/api/experiments/" + experiment + "/scorecard", "viewer", "viewer");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode scorecard = JSON.readTree(first.body());
        assertThat(scorecard.get("status").asString()).isEqualTo(status);
        assertThat(scorecard.get("waiting_for").asString()).isEqualTo(waitingFor);
        assertThat(scorecard.get("results").size()).isZero();
        assertThat(JSON.readTree(stored.body())).isEqualTo(scorecard);
    }

    /** The list names every experiment, and its scorecard link (the id encoded as a path segment) answers. */
    @Test
    void theListLinksToEachScorecard() {
        JsonNode list = JSON.readTree(http.get("/api/experiments", "viewer", "viewer").body());

        List<String> ids = new ArrayList<>();
        for (JsonNode experiment : list) {
            ids.add(experiment.get("id").asString());
            String link = experiment.get("scorecard").asString();
            assertThat(link).isEqualTo("/api/experiments/" + experiment.get("id").asString() + "/scorecard");
            assertThat(http.get(link, "viewer", "viewer").statusCode()).isEqualTo(200);
        }
        assertThat(ids).containsExactlyInAnyOrder("no_exposures", "one_arm", "single");
    }
}
