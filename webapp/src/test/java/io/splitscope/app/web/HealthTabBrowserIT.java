package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The health tab of the experiment page in a real browser, on the streaming demo ({@link DemoServer}):
 * {@code exp_search}, whose log loses a quarter of its {@code ranked} units from 2 April 2026 on
 * (the generator's planted sample-ratio mismatch), fails the per-day check from that day and not
 * before, and fails overall; {@code exp_autoplay}'s split passes. The threshold is stated, and the
 * windowed metrics' left-out shares are listed.
 */
class HealthTabBrowserIT {

    /** The first analysis of an experiment of 200,000 members and its health report, on 2 shared cores. */
    private static final Duration PATIENCE = Duration.ofSeconds(240);
    /** The day the generator's logging bug starts (SyntheticExperiment.SEARCH_LOSS_FROM). */
    private static final String LOSS_FROM = "2026-04-02";
    /** Plotly's fill of a point below the threshold: Figures.WORSE, #d93025. */
    private static final String RED = "rgb(217, 48, 37)";

    private static WebDriver driver;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        baseUrl = DemoServer.baseUrl();
        driver = Browser.open(DemoServer.browserProfile("HealthTabBrowserIT"), 1440);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, null);
    }

    @Test
    void thePlantedMismatchShowsFromItsDayOn() throws IOException {
        openHealth("exp_search");

        assertThat(text(".ss-health-overall")).startsWith("Sample ratio mismatch overall").contains("< 0.001 threshold");
        List<List<String>> days = days();
        List<String> failing = days.stream().filter(d -> d.get(1).equals("fail")).map(List::getFirst).toList();
        assertThat(failing).as("days failing the per-day check").isNotEmpty().allMatch(d -> d.compareTo(LOSS_FROM) >= 0);
        assertThat(failing.getFirst()).isEqualTo(LOSS_FROM);
        long after = days.stream().filter(d -> d.getFirst().compareTo(LOSS_FROM) >= 0).count();
        assertThat(failing.size()).as("most days from the loss on fail").isGreaterThan((int) (after / 2));
        assertThat(text(".ss-health-days-summary")).isEqualTo(failing.size() + " of " + days.size()
                + " days fail the check, the first on 2 Apr 2026.");
        // the chart: the same days in red, the threshold drawn and named
        List<String> fills = strings("return [...document.querySelectorAll('.ss-health-srm-days path.point')]"
                + ".map(p => p.style.fill)");
        assertThat(fills).hasSameSizeAs(days);
        for (int i = 0; i < days.size(); i++) {
            assertThat(fills.get(i).equals(RED)).as(days.get(i).getFirst()).isEqualTo(days.get(i).get(1).equals("fail"));
        }
        assertThat(svgText(".ss-health-srm-days")).contains("threshold 0.001");
        assertThat(svgText(".ss-health-exposures")).contains("control", "ranked");
        // every windowed metric with its share of the analysed units left out
        Map<String, String> shares = rows(".ss-health-windows");
        assertThat(shares).isNotEmpty().allSatisfy((metric, share) -> assertThat(share).matches("[0-9.]+ ?%"));
        assertThat(text(".ss-health-segments")).contains("device", "tv", "mobile");
        screenshotOfTheTab();
    }

    /** The health tab at 1440 px, whole, into {@code target/screenshots/health-tab.png} (docs/screenshots has a copy). */
    private static void screenshotOfTheTab() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number height = (Number) js.executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(1440, Math.min(6000, height.intValue() + 200)));
        try {
            js.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
            WebElement tab = driver.findElement(By.cssSelector(".ss-panel-health"));
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve("health-tab.png"), tab.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
    }

    @Test
    void aPlannedSplitPasses() {
        openHealth("exp_autoplay");

        assertThat(text(".ss-health-overall")).startsWith("Split as planned overall").contains("≥ 0.001 threshold");
        assertThat(driver.findElements(By.cssSelector(".ss-health-segments tr.ss-health-fail"))).isEmpty();
    }

    private static void openHealth(String experiment) {
        driver.get(baseUrl + "experiments/" + experiment + "?tab=health");
        new WebDriverWait(driver, PATIENCE).until(d ->
                !d.findElements(By.cssSelector(".ss-health-srm-days[data-rendered] svg.main-svg")).isEmpty());
    }

    /** The per-day table: date and "fail" or "pass" per row. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> days() {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('table.ss-health-days tbody tr')]"
                        + ".map(r => [r.dataset.date, r.classList.contains('ss-health-fail') ? 'fail' : 'pass'])");
    }

    /** The first and last cell of each row of a table, by its class. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> rows(String selector) {
        return (Map<String, String>) ((JavascriptExecutor) driver).executeScript(
                "return Object.fromEntries([...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                        + ".map(r => [r.cells[0].textContent, r.cells[r.cells.length - 1].textContent]))", selector);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    private static String svgText(String selector) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' svg text')].map(t => t.textContent).join('|')",
                selector);
    }
}
