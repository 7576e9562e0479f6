package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the results store cannot be used — here a damaged file with no good copy to fall back
 * on — the app still serves, keeps results in memory, and every API answer says so; the damaged
 * file is left as it was. The header names are the README's.
 */
class ResultsStoreHeadersIT {

    @TempDir
    Path dir;

    @Test
    void everyAnswerSaysResultsAreNotStoredWhileTheStoreCannotBeUsed() throws IOException {
        Path store = Files.writeString(dir.resolve("results.duckdb"), "not a database: what a bad disk leaves\n",
                StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withDemoUsers(true).withResultsLocation(store.toString()))) {
            TestHttp http = TestHttp.to(TestHttp.base(app));

            for (HttpResponse<String> response : java.util.List.of(http.get("/api/experiments", "viewer", "viewer"),
                    http.get("/api/experiments/exp_autoplay/scorecard", "viewer", "viewer"))) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-Splitscope-Results-Store")).contains("unavailable");
                assertThat(response.headers().firstValue("X-Splitscope-Results-Store-Problem")).hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("cannot open the results store " + store.toAbsolutePath())
                                .contains("not a valid DuckDB database file").endsWith("; no previous good copy "
                                        + store.toAbsolutePath() + ".good to open instead"));
            }
            // answers Spring Security gives before the API runs say it too
            HttpResponse<String> refused = http.get("/api/experiments", "viewer", "wrong password");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-Splitscope-Results-Store")).contains("unavailable");
        }
        assertThat(store).hasContent("not a database: what a bad disk leaves");
    }
}
