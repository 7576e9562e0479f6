package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.app.api.TestHttp;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop demo ({@code generate --shop}, 2,000 users, seed 7) served through its project file, in
 * a real browser 1,440 pixels wide: the {@code recommendations} scorecard draws the checkout funnel
 * per variant with the very shares the scorecard's JSON (the REST API's) gives, shows the day-7
 * retention with the units it counts, and the funnel's step-to-step rows as descriptive; the metrics
 * page gives each metric's kind, a funnel's steps and which units it counts. Leaves
 * {@code target/screenshots/shop-funnel.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopFunnelBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EXPERIMENT = "recommendations";
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    static Path folder;

    private static ConfigurableApplicationContext app;
    private static WebDriver driver;
    private static String baseUrl;
    /** The scorecard's JSON from the REST API, the numbers the page must show. */
    private static JsonNode scorecard;

    @BeforeAll
    static void start() {
        Path shop = folder.resolve("shop");
        new ShopGenerator().generate(ShopSettings.of(2_000, 7, "csv"), shop);
        app = SplitscopeWebApplication.run(ServeSettings.of(ProjectFile.load(shop.resolve(ShopGenerator.PROJECT_FILE)))
                .withPort(0).withDemoUsers(true).withResultsLocation(folder.resolve("results").toString()));
        baseUrl = TestHttp.base(app) + "/";
        HttpResponse<String> response = TestHttp.to(baseUrl).get("/api/experiments/" + EXPERIMENT + "/scorecard", "viewer", "viewer");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        scorecard = JSON.readTree(response.body());
        driver = Browser.open(folder.resolve("chromium"), 1440);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
        driver.get(baseUrl + "experiments/" + EXPERIMENT);
        new WebDriverWait(driver, PATIENCE).until(d -> !d.findElements(
                By.cssSelector(".ss-funnel-chart[data-variant='personalised'][data-rendered] svg.main-svg")).isEmpty());
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, app);
    }

    private static JsonNode row(String metric) {
        for (JsonNode row : scorecard.get("results")) {
            if (row.get("metric").asString().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric + " in " + scorecard);
    }

    /** A trace's values as Plotly holds them in the chart of {@code variant} ({@code gd.data}). */
    @SuppressWarnings("unchecked")
    private static List<Object> trace(String variant, String field) {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(\".ss-funnel-chart[data-variant='\" + arguments[0] + \"'] .ss-plot-area\")"
                        + ".data[0][arguments[1]];", variant, field);
    }

    @Test
    void theFunnelChartOfEachVariantDrawsTheScorecardsShares() throws IOException {
        List<Object> control = trace("control", "x");
        List<Object> personalised = trace("personalised", "x");

        assertThat(trace("control", "y")).containsExactly("product", "cart", "checkout");
        for (int step = 1; step <= 3; step++) {
            JsonNode row = row("checkout_funnel.step" + step);
            assertThat(row.get("kind").asString()).isEqualTo("funnel_step");
            assertThat(((Number) control.get(step - 1)).doubleValue())
                    .isCloseTo(100 * row.get("control_value").asDouble(), within(1e-9));
            assertThat(((Number) personalised.get(step - 1)).doubleValue())
                    .isCloseTo(100 * row.get("treatment_value").asDouble(), within(1e-9));
        }
        // the shares fall step by step: a unit that reached the cart reached a product page first
        assertThat(((Number) personalised.get(2)).doubleValue()).isLessThan(((Number) personalised.get(1)).doubleValue());
        // the conversion from the step before, under the step's name: the scorecard's step2_of_1 row
        String cart = (String) ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                + "\".ss-funnel-chart[data-variant='personalised'] svg .ytick text\")].map(t => t.textContent).join('|');");
        assertThat(cart).contains(io.splitscope.app.web.common.Formats.percent(
                row("checkout_funnel.step2_of_1").get("treatment_value").asDouble()) + " of the step before");
        assertThat(driver.findElements(By.cssSelector(".ss-funnel[data-funnel='checkout_funnel'] tr.ss-funnel-step"))).hasSize(3);
        screenshot();
    }

    @Test
    void theRetentionRowShowsItsValuesAndTheUnitsItCounts() {
        JsonNode retention = row("retention_d7");
        Map<String, List<String>> rows = Browser.resultRows(driver, ".ss-panel-table table.ss-results-table");

        List<String> cells = rows.get("retention_d7/personalised");
        assertThat(retention.get("kind").asString()).isEqualTo("retention");
        assertThat(retention.get("eligibility").asString()).isEqualTo("elapsed");
        assertThat(cells.get(0)).contains("Day-7 retention", "retention_d7", "1 d after 7 d")
                .endsWith("counts units at least 8 days past first exposure");
        assertThat(cells.subList(1, 4)).containsExactly("personalised",
                io.splitscope.app.web.common.Formats.value(retention.get("control_value").asDouble()),
                io.splitscope.app.web.common.Formats.value(retention.get("treatment_value").asDouble()));
    }

    @Test
    void theStepToStepRowsAreDescriptive() {
        JsonNode conversion = row("checkout_funnel.step2_of_1");
        Map<String, List<String>> rows = Browser.resultRows(driver, ".ss-panel-table table.ss-results-table");

        assertThat(conversion.get("descriptive").asBoolean()).isTrue();
        assertThat(conversion.get("p_value_adjusted").isNull()).isTrue();
        String effect = rows.get("checkout_funnel.step2_of_1/personalised").get(4);
        assertThat(effect).contains("DESCRIPTIVE", "Not tested").doesNotContain("INCONCLUSIVE", "BETTER", "WORSE");
        assertThat(driver.findElements(By.cssSelector("tr.ss-result.ss-descriptive"))).hasSize(2);
    }

    @Test
    void explainingAStepToStepRowSaysItsKindWhichUnitsItCountsAndWhyItIsNotAdjusted() {
        driver.findElement(By.cssSelector("tr[data-key='checkout_funnel.step2_of_1/personalised'] vaadin-button.ss-explain"))
                .click();
        String dialog = new WebDriverWait(driver, PATIENCE).until(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.contains("What the method read") ? body : null;
        });
        driver.findElement(By.cssSelector("vaadin-button.ss-explain-close")).click();

        assertThat(dialog).contains("ratio (step-to-step conversion)", "counts units at least 7 days past first exposure",
                "none: Not tested", "The SQL", "checkout_funnel__step2");
    }

    @Test
    @Order(Integer.MAX_VALUE) // leaves the scorecard page the other tests read
    void theMetricsPageShowsEachMetricsKindAFunnelsStepsAndWhichUnitsItCounts() {
        driver.get(baseUrl + "metrics/checkout_funnel");
        String funnel = new WebDriverWait(driver, PATIENCE).until(d -> facts(d).contains("Steps") ? facts(d) : null);

        assertThat(funnel).contains("Kind funnel", "Steps 1 product (", "→ 2 cart (", "→ 3 checkout (",
                "Counts units at least 7 days past first exposure");
        assertThat(driver.findElement(By.cssSelector("pre.ss-sql")).getText()).contains("checkout_funnel__step3");
        driver.get(baseUrl + "metrics/retention_d7");
        String retention = new WebDriverWait(driver, PATIENCE).until(d -> facts(d).contains("retention") ? facts(d) : null);
        assertThat(retention).contains("Kind retention", "Counts units at least 8 days past first exposure");
    }

    private static String facts(WebDriver d) {
        return d.findElements(By.cssSelector("table.ss-facts-table")).stream().map(t -> t.getText().replaceAll("\\s+", " "))
                .findFirst().orElse("");
    }

    /** The scorecard page with its funnel, the window as tall as the page, in target/screenshots. */
    private static void screenshot() throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 140)));
        try {
            Thread.sleep(500); // Plotly's resize after the window changed
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(shot, dir.resolve("shop-funnel.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
