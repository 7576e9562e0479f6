package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.app.api.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The experiment page on the demo warehouse ({@link DemoServer}) in a real browser, issue 17's
 * points 1, 2 and 6: an experiment with no exposures says what it waits for and a running one its
 * progress toward the planned sample; badges follow the multiple-testing correction, and under a
 * decision plan its own tests, each saying which; the metric groups come from the experiment's
 * roles, which an analyst edits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentPageBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = new JsonMapper();

    private static WebDriver driver;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        baseUrl = DemoServer.baseUrl();
        driver = Browser.open(DemoServer.browserProfile("ExperimentPageBrowserIT"), 1440);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @AfterAll
    static void stop() {
        driver.quit();
    }

    private static JsonNode scorecardJson(String experiment) {
        HttpResponse<String> response = TestHttp.to(baseUrl).get("/api/experiments/" + experiment + "/scorecard", "viewer", "viewer");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode result(JsonNode scorecard, String metric, String variant) {
        for (JsonNode row : scorecard.get("results")) {
            if (row.get("metric").asString().equals(metric) && row.get("variant").asString().equals(variant)) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric + "/" + variant);
    }

    /** Opens a scorecard and waits for its table; returns its rows by key. */
    private static Map<String, List<String>> openTable(String experiment) {
        driver.get(baseUrl + "experiments/" + experiment);
        return new WebDriverWait(driver, PATIENCE).until(d -> {
            Map<String, List<String>> rows = Browser.resultRows(d, ".ss-panel-table table.ss-results-table");
            return rows.isEmpty() ? null : rows;
        });
    }

    /** The row keys of each metric group of the table shown ({@code primary}, {@code guardrail}, {@code secondary}). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> groups() {
        return (Map<String, List<String>>) ((JavascriptExecutor) driver).executeScript("""
                const groups = {};
                for (const body of document.querySelectorAll('.ss-panel-table table.ss-results-table tbody.ss-group')) {
                  const name = [...body.classList].find(c => c.startsWith('ss-group-')).substring('ss-group-'.length);
                  groups[name] = [...body.querySelectorAll('tr.ss-result')].map(tr => tr.dataset.key);
                }
                return groups;""");
    }

    private static String text(String selector) {
        return new WebDriverWait(driver, PATIENCE).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(selector));
            return found.isEmpty() || found.getFirst().getText().isBlank() ? null : found.getFirst().getText();
        });
    }

    @Test
    @Order(1)
    void anExperimentWithoutExposuresSaysWhatItWaitsForInTheListAndOnItsPage() {
        driver.get(baseUrl);
        List<List<String>> rows = new WebDriverWait(driver, PATIENCE).until(d -> {
            List<List<String>> grid = Browser.grid(d, "vaadin-grid.ss-experiments");
            return grid.stream().anyMatch(row -> String.join(" ", row).contains("exp_onboarding")
                    && !String.join(" ", row).contains("Checking")) ? grid : null;
        });
        assertThat(rows).filteredOn(row -> String.join(" ", row).contains("exp_onboarding")).singleElement()
                .satisfies(row -> assertThat(String.join(" ", row)).contains("Running", "No exposures yet"));

        driver.get(baseUrl + "experiments/exp_onboarding");
        String waiting = text(".ss-health .ss-quality");
        assertThat(waiting).contains("no exposures yet", "2026-04-15");
        assertThat(driver.findElements(By.cssSelector(".ss-panel-table table.ss-results-table"))).as("nothing to compare, no table").isEmpty();
    }

    @Test
    @Order(2)
    void aRunningExperimentShowsItsProgressTowardThePlannedSample() {
        JsonNode scorecard = scorecardJson("exp_price");
        long smallestArm = Long.MAX_VALUE;
        for (JsonNode units : scorecard.get("population").get("units")) {
            smallestArm = Math.min(smallestArm, units.asLong());
        }
        long planned = 0;
        for (JsonNode decision : scorecard.get("decisions")) {
            planned = Math.max(planned, decision.get("planned_units").asLong());
        }
        assertThat(planned).as("exp_price's plan (mde 5 %, power 80 %) gives a planned sample").isPositive();

        openTable("exp_price");
        String progress = text(".ss-progress");
        // the demo judges on 15 April 2026, exp_price's last day: 5 March to 15 April is 42 days
        assertThat(progress).contains("Progress toward the planned sample", "Day 42 of 42",
                String.format(Locale.ROOT, "%,d of %,d units in the smallest arm", smallestArm, planned));
        double shown = Double.parseDouble(driver.findElement(By.cssSelector(".ss-progress vaadin-progress-bar")).getAttribute("value"));
        assertThat(shown).isCloseTo(Math.min(1, (double) smallestArm / planned), within(1e-9));

        openTable("exp_plan_nudge");
        assertThat(driver.findElements(By.cssSelector(".ss-progress"))).as("finished on 8 April: no progress bar").isEmpty();
    }

    @Test
    @Order(3)
    void aBadgeFollowsTheAdjustedPAndSaysSo() {
        JsonNode revenue = result(scorecardJson("exp_plan_nudge"), "revenue_per_member", "nudge");
        // planted (generator: nudge charges 2 % more): significant on its own, not after Benjamini–Hochberg over 10 metrics
        assertThat(revenue.get("p_value").asDouble()).isLessThan(0.05);
        assertThat(revenue.get("p_value_adjusted").asDouble()).isGreaterThanOrEqualTo(0.05);

        Map<String, List<String>> rows = openTable("exp_plan_nudge");
        String effect = rows.get("revenue_per_member/nudge").get(4);
        assertThat(effect).contains("NOT AFTER CORRECTION", "not after the correction for multiple comparisons (Benjamini–Hochberg adjusted p "
                        + String.format(Locale.ROOT, "%.3f", revenue.get("p_value_adjusted").asDouble()) + ")");
        WebElement badge = driver.findElement(By.cssSelector("tr[data-key='revenue_per_member/nudge'] .ss-verdict"));
        assertThat(badge.getAttribute("class")).contains("ss-inconclusive").doesNotContain("ss-better");
    }

    @Test
    @Order(4)
    void underADecisionPlanTheRolesGroupTheMetricsAndTheirBadgesFollowThePlansTests() {
        Map<String, List<String>> rows = openTable("exp_autoplay");
        // StreamingExperiments.DECISION_PLANS: success streaming_hours, guardrails startup_ms_p90 and rebuffer_rate
        Map<String, List<String>> groups = groups();
        assertThat(groups.get("primary")).containsExactly("streaming_hours/previews");
        assertThat(groups.get("guardrail")).containsExactlyInAnyOrder("startup_ms_p90/previews", "rebuffer_rate/previews");
        assertThat(rows.get("streaming_hours/previews").get(4)).contains("BETTER",
                "Better by the decision plan's superiority test (one-sided, at α");
        assertThat(rows.get("rebuffer_rate/previews").get(4)).contains("by the decision plan's non-inferiority test (one-sided, at α = 0.05; bound");
        assertThat(rows.get("plays_per_member/previews").get(4)).doesNotContain("decision plan");

        openTable("exp_plan_nudge");
        assertThat(groups().get("primary")).as("no plan: the project's default primary metrics (StreamingPreset)")
                .containsExactly("streaming_hours/nudge", "revenue_per_member/nudge");
    }

    @Test
    @Order(5)
    void underASampleRatioMismatchTheRowsStopLookingTrustworthyAndEachColumnHasOneFormat() {
        openTable("exp_search"); // planted: a quarter of ranked's units unlogged from 2 April on
        assertThat(text(".ss-results-distrust")).startsWith("Sample ratio mismatch (").contains("may be biased");
        List<WebElement> rows = driver.findElements(By.cssSelector(".ss-panel-table table.ss-results-table tr.ss-result"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("class")).contains("ss-distrusted-row")
                .doesNotContain("ss-better").doesNotContain("ss-worse"));

        openTable("exp_autoplay");
        assertThat(cells(".ss-col-effect .ss-effect")).isNotEmpty().allMatch(t -> t.matches("[+−]?\\d+\\.\\d %"));
        assertThat(cells("td.ss-col-p")).isNotEmpty().allMatch(t -> t.matches("< 0\\.001|\\d\\.\\d{3}"));
    }

    private static List<String> cells(String selector) {
        return driver.findElements(By.cssSelector(".ss-panel-table table.ss-results-table " + selector)).stream()
                .map(cell -> cell.getText().strip().lines().findFirst().orElse("")).toList();
    }

    @Test
    @Order(6)
    void anAnalystGivesAnExperimentItsRolesAndTheTableFollowsThem() {
        LoginFlow.signOut(driver, baseUrl);
        LoginFlow.signIn(driver, baseUrl, "analyst", "analyst");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        openTable("exp_plan_nudge");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-button.ss-plan-edit"))).click();
        WebElement success = wait.until(d -> d.findElement(By.cssSelector("vaadin-multi-select-combo-box.ss-plan-success input")));
        success.sendKeys("retention_d7");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .anyMatch(item -> item.getText().contains("retention_d7")));
        success.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('vaadin-multi-select-combo-box.ss-plan-success').opened = false");
        driver.findElement(By.cssSelector("vaadin-button.ss-plan-save")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-button.ss-plan-save")).isEmpty());

        // recomputed with the roles: day-7 retention is the one primary metric, judged by the plan's superiority test
        Map<String, List<String>> groups = wait.until(d -> {
            Map<String, List<String>> shown = groups();
            return List.of("retention_d7/nudge").equals(shown.get("primary")) ? shown : null;
        });
        assertThat(groups.get("secondary")).contains("streaming_hours/nudge", "revenue_per_member/nudge");
        assertThat(Browser.resultRows(driver, ".ss-panel-table table.ss-results-table").get("retention_d7/nudge").get(4))
                .contains("Not shown better by the decision plan's superiority test (one-sided, at α");
        assertThat(text(".ss-plan")).contains("Success", "Day-7 retention", "edited by analyst on");
    }

    @Test
    @Order(7)
    void aRunningExperimentIsReadUpToAChosenDay() {
        // signed in as analyst (the test before): a scorecard other than the default is computed on request
        HttpResponse<String> json = TestHttp.to(baseUrl).get("/api/experiments/exp_price/scorecard?until=2026-03-20", "analyst", "analyst");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        long control = JSON.readTree(json.body()).get("population").get("units").get("control").asLong();
        long whole = scorecardJson("exp_price").get("population").get("units").get("control").asLong();
        assertThat(control).isPositive().isLessThan(whole);

        driver.get(baseUrl + "experiments/exp_price?until=2026-03-20");
        String card = text(".ss-card");
        assertThat(card).contains(String.format(Locale.ROOT, "%,d", control));
        assertThat(driver.findElement(By.cssSelector("vaadin-date-picker.ss-until")).getAttribute("value")).isEqualTo("2026-03-20");
        assertThat(driver.findElements(By.cssSelector(".ss-progress"))).as("a past day: no progress bar").isEmpty();

        // an address with a day outside the period shows the whole period
        driver.get(baseUrl + "experiments/exp_price?until=2026-05-01");
        assertThat(text(".ss-card")).contains(String.format(Locale.ROOT, "%,d", whole));
    }
}
