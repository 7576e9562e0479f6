package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.api.TestHttp;
import io.splitscope.app.web.common.Formats;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scorecard table on the streaming demo ({@link DemoServer}: 200,000 members, seed 42) in a real
 * browser: interval bars wide enough to read that stay inside their cells, a cut interval's arrow,
 * the numbers on hover, the Bayesian view's own columns in each metric's direction (against the
 * scorecard's JSON), units, and no sideways scrolling of the page at 390 pixels. Leaves
 * {@code target/screenshots/scorecard-table-{1440,bayesian-1440,390}.png}.
 */
class ScorecardTableBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = new JsonMapper();

    private static WebDriver driver;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        baseUrl = DemoServer.baseUrl();
        driver = Browser.open(DemoServer.browserProfile("ScorecardTableBrowserIT"), 1440);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, null);
    }

    /** Opens a scorecard page and waits for its table. */
    private static void open(WebDriver browser, String pathAndQuery) {
        browser.get(baseUrl + pathAndQuery);
        new WebDriverWait(browser, PATIENCE).until(d -> !d.findElements(By.cssSelector("table.ss-results-table tr.ss-result")).isEmpty());
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** A row of the scorecard JSON of the REST API (extras as fields of the row), as an analyst (who may compute it). */
    private static JsonNode jsonRow(String experiment, String query, String metric) {
        HttpResponse<String> response = TestHttp.to(baseUrl).get("/api/experiments/" + experiment + "/scorecard" + query,
                "analyst", "analyst");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(response.body()).get("results")) {
            if (row.get("metric").asString().equals(metric) && !row.has("segment")) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric + " in " + response.body());
    }

    @Test
    void intervalBarsAreWideAndDrawnInsideTheirCellsACutOneWithItsArrow() throws IOException {
        open(driver, "experiments/exp_autoplay");

        // per bar: its width, and whether it and every part of it lie inside its table cell
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bars = (List<Map<String, Object>>) js(driver, """
                return [...document.querySelectorAll('tr.ss-result td.ss-col-bar')].map(td => {
                  const cell = td.getBoundingClientRect();
                  const parts = [td.querySelector('.ss-cibar'), ...td.querySelectorAll('.ss-cibar *')];
                  const inside = parts.every(p => { const r = p.getBoundingClientRect();
                    return r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5; });
                  return {width: td.querySelector('.ss-cibar').getBoundingClientRect().width, inside: inside,
                    cutLow: !!td.querySelector('.ss-cibar-cut-low'), cutHigh: !!td.querySelector('.ss-cibar-cut-high'),
                    arrowLow: !!td.querySelector('.ss-cibar-arrow-low'), arrowHigh: !!td.querySelector('.ss-cibar-arrow-high')};
                });""");

        assertThat(bars).isNotEmpty().allSatisfy(bar -> {
            assertThat(((Number) bar.get("width")).doubleValue()).isGreaterThan(200);
            assertThat(bar.get("inside")).as("drawn inside its cell: %s", bar).isEqualTo(true);
            assertThat(bar.get("arrowLow")).isEqualTo(bar.get("cutLow"));
            assertThat(bar.get("arrowHigh")).isEqualTo(bar.get("cutHigh"));
        });
        // a wide interval (plays per member's in the demo) runs beyond its group's scale
        assertThat(bars).anySatisfy(bar -> assertThat(bar.get("arrowLow").equals(true) || bar.get("arrowHigh").equals(true)).isTrue());
        // each group has its own scale: tick labels in % with a zero
        List<String> axes = driver.findElements(By.cssSelector("tr.ss-axis-row .ss-cibar-axis")).stream()
                .map(WebElement::getText).toList();
        assertThat(axes).hasSizeGreaterThanOrEqualTo(2).allSatisfy(axis -> assertThat(axis).contains("0 %", "+"));
        screenshot(driver, "scorecard-table-1440.png");
    }

    @Test
    void hoveringABarShowsItsEstimateAndIntervalRelativeAndAbsolute() {
        open(driver, "experiments/exp_autoplay");
        JsonNode hours = jsonRow("exp_autoplay", "", "streaming_hours");
        WebElement bar = driver.findElement(By.cssSelector("tr[data-key='streaming_hours/previews'] .ss-cibar"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'});", bar);

        new Actions(driver).moveToElement(bar).perform();
        String shown = new WebDriverWait(driver, PATIENCE).until(d -> (String) js(d, """
                const t = [...document.querySelectorAll('vaadin-tooltip')].find(t => t.target === arguments[0]);
                return t && t.opened ? t.text : null;""", bar));

        assertThat(shown).isEqualTo("Relative effect " + Formats.relativeEffect(hours.get("relative_effect").asDouble())
                + ", 95 % interval " + Formats.relativeInterval(hours.get("relative_ci_low").asDouble(),
                hours.get("relative_ci_high").asDouble())
                + "\nAbsolute effect " + Formats.signedValue(hours.get("absolute_effect").asDouble()) + " h, 95 % interval "
                + Formats.signedValue(hours.get("absolute_ci_low").asDouble()) + " h to "
                + Formats.signedValue(hours.get("absolute_ci_high").asDouble()) + " h");
    }

    @Test
    void valuesCarryTheirMetricsUnitOrCurrency() {
        open(driver, "experiments/exp_autoplay");
        Map<String, List<String>> rows = Browser.resultRows(driver, "table.ss-results-table");
        JsonNode hours = jsonRow("exp_autoplay", "", "streaming_hours");

        assertThat(rows.get("streaming_hours/previews").get(2)).isEqualTo(Formats.value(hours.get("control_value").asDouble()) + " h");
        assertThat(rows.get("revenue_per_member/previews").get(2)).startsWith("$");
        assertThat(rows.get("startup_ms_p90/previews").get(3)).endsWith(" ms");
        assertThat(rows.get("play_rate/previews").get(2)).matches("0\\.\\d{4}"); // a share: no unit, four digits
    }

    @Test
    void theBayesianViewHasItsOwnColumnsInEachMetricsDirection() throws IOException {
        // a viewer reads stored scorecards and the default one: an analyst computes the Bayesian one
        LoginFlow.signOut(driver, baseUrl);
        LoginFlow.signIn(driver, baseUrl, "analyst", "analyst");
        try {
            bayesianView();
        } finally {
            LoginFlow.signOut(driver, baseUrl);
            LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
        }
    }

    private static void bayesianView() throws IOException {
        open(driver, "experiments/exp_price?method=bayesian");
        List<String> headers = driver.findElements(By.cssSelector("table.ss-results-table thead th")).stream()
                .map(WebElement::getText).toList();
        // cancel_rate: lower is better, so its chance to beat control is P(treatment < control) = 1 − chance_to_beat_control
        JsonNode cancels = jsonRow("exp_price", "?method=bayesian", "cancel_rate");
        Map<String, List<String>> rows = Browser.resultRows(driver, "table.ss-results-table");
        String variant = cancels.get("variant").asString();
        List<String> cells = rows.get("cancel_rate/" + variant);

        assertThat(headers).contains("95 % credible interval of the relative effect", "Chance to beat control", "Expected loss")
                .doesNotContain("p-value", "Adjusted p");
        assertThat(cancels.get("method").asString()).isEqualTo("bayesian");
        assertThat(cells.get(6)).isEqualTo(Formats.chance(1 - cancels.get("chance_to_beat_control").asDouble()));
        assertThat(cells.get(7)).isEqualTo(Formats.value(cancels.get("expected_loss_control").asDouble()));
        assertThat(driver.findElement(By.cssSelector(".ss-results-note")).getText())
                .isEqualTo("Badges follow the chance to beat control in each metric's direction: better at 95 % or more,"
                        + " worse at 5 % or less.");
        screenshot(driver, "scorecard-table-bayesian-1440.png");
    }

    @Test
    void atPhoneWidthThePageDoesNotScrollSideways() throws IOException {
        WebDriver phone = Browser.open(DemoServer.browserProfile("ScorecardTableBrowserIT-390"), 390);
        try {
            LoginFlow.signIn(phone, baseUrl, "viewer", "viewer");
            open(phone, "experiments/exp_price");

            // nothing of the scorecard tab reaches beyond the screen, but in a box of its own that scrolls
            assertThat((List<?>) js(phone, """
                    const width = document.documentElement.clientWidth;
                    const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
                    return [...document.querySelectorAll('.ss-tab-panel *')]
                      .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e))
                      .map(e => e.tagName + '.' + e.className);""")).isEmpty();
            // the rows stack: the bar takes the card's width
            assertThat(((Number) js(phone, "return document.querySelector('td .ss-cibar').getBoundingClientRect().width;"))
                    .doubleValue()).isGreaterThan(250);
            screenshot(phone, "scorecard-table-390.png");
            // and the page as a whole (the app's header is another part of issue 17)
            assertThat(((Number) js(phone, "return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);
        } finally {
            phone.quit();
        }
    }

    /** The page, the window as tall as it, in target/screenshots. */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) js(browser, "return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 140)));
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
