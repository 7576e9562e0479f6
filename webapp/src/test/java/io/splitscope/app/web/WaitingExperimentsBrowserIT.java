package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.WaitingProject;
import io.splitscope.app.api.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Experiments that cannot be compared yet ({@link WaitingProject}, a real folder warehouse) in a
 * real browser: the list's badges say what each waits for instead of "Checking…" forever, and the
 * scorecard page says it instead of "Something went wrong".
 */
class WaitingExperimentsBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    private static ConfigurableApplicationContext app;
    private static WebDriver driver;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        app = WaitingProjectServer.start(folder);
        baseUrl = TestHttp.base(app) + "/";
        driver = Browser.open(folder.resolve("chromium"), 1400);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, app);
    }

    private static String body(WebDriver d) {
        return d.findElement(By.tagName("body")).getText();
    }

    @Test
    void theListSaysWhatEachExperimentWaitsFor() {
        driver.get(baseUrl);
        List<List<String>> rows = new WebDriverWait(driver, PATIENCE).until(d -> {
            List<List<String>> grid = Browser.grid(d, "vaadin-grid.ss-experiments");
            return grid.size() == 3 && grid.stream().noneMatch(row -> String.join(" ", row).contains("Checking")) ? grid : null;
        });

        assertThat(rows).map(row -> String.join(" ", row)).anySatisfy(row -> assertThat(row)
                        .contains("no_exposures", "No exposures yet"))
                .anySatisfy(row -> assertThat(row).contains("one_arm", "Only one variant (control) has units"))
                .anySatisfy(row -> assertThat(row).contains("single", "Only one variant (control) has units"));
    }

    @Test
    void theScorecardPageSaysWhatItWaitsFor() {
        driver.get(baseUrl + "experiments/no_exposures");

        String text = new WebDriverWait(driver, PATIENCE).until(d -> body(d).contains("Nothing to compare yet") ? body(d) : null);

        assertThat(text).contains("Nothing to compare yet: no exposures yet between 2026-05-01 and 2026-05-28.")
                .contains("Not tested").doesNotContain("Something went wrong");
    }
}
