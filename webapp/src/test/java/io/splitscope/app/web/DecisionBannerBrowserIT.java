package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.api.TestHttp;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decisions of the shop demo ({@code generate --shop}, {@value #USERS} users, seed {@value #SEED},
 * Parquet: the generator plants a clear outcome in each experiment) in a real browser: the banner at the top
 * of each scorecard says what the rule decided per treatment — the decision and reasons of the
 * scorecard's JSON (the REST API's) — in a product manager's words; the experiments list and its
 * JSON carry them too. A viewer reads the plan; an analyst edits it (a mistake is refused, one line,
 * nothing stored), the edit is stored with who and when, and the banner is recomputed by the new plan.
 * Leaves {@code target/screenshots/decision-banner.png} (the top of new_checkout's scorecard).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionBannerBrowserIT {

    /** The demo's size: the generator plants its outcomes for it (sql's test resource demo-decisions/decisions.json). */
    private static final long USERS = 200_000;
    private static final long SEED = 42;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    static Path folder;

    private static ConfigurableApplicationContext app;
    private static WebDriver driver;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        Path shop = folder.resolve("shop");
        new ShopGenerator().generate(ShopSettings.of(USERS, SEED, "parquet"), shop);
        app = SplitscopeWebApplication.run(ServeSettings.of(ProjectFile.load(shop.resolve(ShopGenerator.PROJECT_FILE)))
                .withPort(0).withDemoUsers(true).withResultsLocation(folder.resolve("results").toString()));
        baseUrl = TestHttp.base(app) + "/";
        driver = Browser.open(folder.resolve("chromium"), 1440);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, app);
    }

    /** The scorecard JSON of the REST API, as {@code user}. */
    private static JsonNode scorecardJson(String experiment, String user) {
        HttpResponse<String> response = TestHttp.to(baseUrl).get("/api/experiments/" + experiment + "/scorecard", user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The JSON's decisions by variant. */
    private static Map<String, JsonNode> decisions(JsonNode scorecard) {
        Map<String, JsonNode> byVariant = new LinkedHashMap<>();
        scorecard.get("decisions").forEach(d -> byVariant.put(d.get("variant").asString(), d));
        return byVariant;
    }

    /** Opens the scorecard and waits for its banners; returns them by variant. */
    private static Map<String, WebElement> openBanners(String experiment) {
        driver.get(baseUrl + "experiments/" + experiment);
        return banners();
    }

    private static Map<String, WebElement> banners() {
        List<WebElement> shown = new WebDriverWait(driver, PATIENCE).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".ss-decisions .ss-decision"));
            return found.isEmpty() ? null : found;
        });
        Map<String, WebElement> byVariant = new LinkedHashMap<>();
        shown.forEach(b -> byVariant.put(b.getAttribute("data-variant"), b));
        return byVariant;
    }

    private static String text(WebElement banner, String part) {
        return banner.findElement(By.cssSelector(part)).getText().strip();
    }

    /** Opens a banner's details and reads its reasons. */
    private static List<String> reasons(WebElement banner) {
        banner.findElement(By.cssSelector("vaadin-details.ss-decision-details vaadin-details-summary")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> banner.findElement(By.cssSelector(".ss-decision-reasons")).isDisplayed());
        return banner.findElements(By.cssSelector(".ss-decision-reasons li")).stream().map(li -> li.getText().strip()).toList();
    }

    /** The banner of each variant says what the JSON decided, with the same reasons. */
    private static void assertBannersMatch(Map<String, WebElement> banners, JsonNode scorecard) {
        Map<String, JsonNode> expected = decisions(scorecard);
        assertThat(banners.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((variant, decision) -> {
            WebElement banner = banners.get(variant);
            assertThat(banner.getAttribute("data-decision")).isEqualTo(decision.get("decision").asString());
            List<String> reasons = new ArrayList<>();
            decision.get("reasons").forEach(r -> reasons.add(r.asString()));
            assertThat(reasons(banner)).containsExactlyElementsOf(reasons);
        });
    }

    @Test
    @Order(1)
    void newCheckoutShipsBecauseConversionIsUpAndNoGuardrailGotWorse() throws IOException {
        Map<String, WebElement> banners = openBanners("new_checkout");
        WebElement banner = banners.get("new checkout");

        assertThat(banner.getAttribute("data-decision")).isEqualTo("ship");
        assertThat(text(banner, ".ss-decision-headline")).isEqualTo("Ship it");
        assertThat(text(banner, ".ss-decision-why")).startsWith("Conversion").endsWith("is up and no guardrail got worse.");
        assertThat(banner.getAttribute("class")).contains("ss-decision-ship");
        screenshot();
        assertBannersMatch(banners, scorecardJson("new_checkout", "viewer"));
        // the numbers: each test the rule ran, the success metric's superiority significant
        List<WebElement> superiority = banner.findElements(By.cssSelector("tr[data-kind='superiority']"));
        assertThat(superiority).isNotEmpty();
        assertThat(superiority.getFirst().getText()).endsWith("yes");
    }

    @Test
    @Order(2)
    void freeShippingShipsTheBannerAndRollsBackFreeShippingOver50() {
        Map<String, WebElement> banners = openBanners("free_shipping");

        assertThat(banners.get("banner").getAttribute("data-decision")).isEqualTo("ship");
        assertThat(banners.get("free shipping over 50").getAttribute("data-decision")).isEqualTo("roll_back");
        assertThat(text(banners.get("free shipping over 50"), ".ss-decision-headline")).isEqualTo("Roll back");
        assertThat(text(banners.get("free shipping over 50"), ".ss-decision-why")).isEqualTo("Refund rate (refunded orders per order) got worse.");
        assertBannersMatch(banners, scorecardJson("free_shipping", "viewer"));
    }

    @Test
    @Order(3)
    void recommendationsSaysToFixTheDataFirst() {
        Map<String, WebElement> banners = openBanners("recommendations");
        WebElement banner = banners.get("personalised");

        assertThat(banner.getAttribute("data-decision")).isEqualTo("unhealthy");
        assertThat(text(banner, ".ss-decision-headline")).isEqualTo("Fix the data first");
        assertBannersMatch(banners, scorecardJson("recommendations", "viewer"));
    }

    @Test
    @Order(4)
    void theListAndItsJsonCarryEachExperimentsDecisionAndAViewerReadsThePlanOnly() {
        driver.get(baseUrl);
        List<List<String>> rows = new WebDriverWait(driver, PATIENCE).until(d -> {
            List<List<String>> grid = Browser.grid(d, "vaadin-grid.ss-experiments");
            return grid.size() == 3 ? grid : null;
        });
        Map<String, String> decisionCells = new LinkedHashMap<>();
        rows.forEach(row -> decisionCells.put(row.get(0), row.get(5)));
        assertThat(decisionCells).hasEntrySatisfying(key(decisionCells, "new_checkout"), cell -> assertThat(cell).isEqualTo("Ship it"));
        assertThat(decisionCells).hasEntrySatisfying(key(decisionCells, "free_shipping"),
                cell -> assertThat(cell).contains("banner Ship it", "free shipping over 50 Roll back"));
        assertThat(decisionCells).hasEntrySatisfying(key(decisionCells, "recommendations"),
                cell -> assertThat(cell).isEqualTo("Fix the data first"));

        HttpResponse<String> list = TestHttp.to(baseUrl).get("/api/experiments", "viewer", "viewer");
        Map<String, String> json = new LinkedHashMap<>();
        JSON.readTree(list.body()).forEach(e -> json.put(e.get("id").asString(), e.get("decision").toString()));
        assertThat(json).containsEntry("new_checkout", "{\"new checkout\":\"ship\"}")
                .containsEntry("free_shipping", "{\"banner\":\"ship\",\"free shipping over 50\":\"roll_back\"}")
                .containsEntry("recommendations", "{\"personalised\":\"unhealthy\"}");

        openBanners("new_checkout");
        assertThat(driver.findElement(By.cssSelector(".ss-plan")).getText()).contains("Success", "Guardrails", "Refund rate");
        assertThat(driver.findElements(By.cssSelector("vaadin-button.ss-plan-edit"))).isEmpty();
    }

    private static String key(Map<String, String> cells, String experimentId) {
        return cells.keySet().stream().filter(name -> name.contains(experimentId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + experimentId + " in " + cells.keySet()));
    }

    @Test
    @Order(5)
    void anAnalystsEditIsCheckedStoredWithWhoAndWhenAndTheBannerDecidesByIt() {
        LoginFlow.signOut(driver, baseUrl);
        LoginFlow.signIn(driver, baseUrl, "analyst", "analyst");
        driver.get(baseUrl + "experiments/new_checkout");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.until(d -> last(d, "vaadin-button.ss-plan-edit")).click();
        assertThat(driver.findElement(By.cssSelector(".ss-plan")).getText()).doesNotContain("edited by");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-button.ss-plan-add-guardrail")).isEmpty());
        int guardrails = driver.findElements(By.cssSelector("vaadin-combo-box.ss-plan-guardrail-metric")).size();
        driver.findElement(By.cssSelector("vaadin-button.ss-plan-add-guardrail")).click();
        // the new row's field, once it is there (the plan's own guardrails come first)
        WebElement metric = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box.ss-plan-guardrail-metric")).size() > guardrails
                ? last(d, "vaadin-combo-box.ss-plan-guardrail-metric input") : null);
        metric.sendKeys("orders_per_user");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().contains("(orders_per_user)")));
        metric.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> metric.getAttribute("value").contains("(orders_per_user)"));
        WebElement margin = last(driver, "vaadin-text-field.ss-plan-guardrail-margin input");
        // orders per user should stay high: a margin that allows it to rise is a mistake
        margin.sendKeys("+5%");
        driver.findElement(By.cssSelector("vaadin-button.ss-plan-save")).click();
        List<String> mistakes = wait.until(d -> {
            List<String> lines = d.findElements(By.cssSelector(".ss-plan-mistakes li")).stream().map(WebElement::getText).toList();
            return lines.isEmpty() ? null : lines;
        });
        assertThat(mistakes).hasSize(1);
        assertThat(mistakes.getFirst()).contains("orders_per_user", "-");

        margin.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-5%");
        driver.findElement(By.cssSelector("vaadin-button.ss-plan-save")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-button.ss-plan-save")).isEmpty());
        String plan = wait.until(d -> {
            String text = d.findElement(By.cssSelector(".ss-plan")).getText();
            return text.contains("edited by analyst on") ? text : null;
        });
        assertThat(plan).contains("Orders per user (any status, 14 days) -5%");

        // the banner is recomputed by the new plan: it tests the new guardrail, as the new JSON does
        WebElement banner = wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(".ss-decision[data-variant='new checkout']"
                    + " tr[data-metric='orders_per_user'][data-kind='non_inferiority']"));
            return rows.isEmpty() ? null : d.findElement(By.cssSelector(".ss-decision[data-variant='new checkout']"));
        });
        assertThat(banner).isNotNull();
        JsonNode scorecard = scorecardJson("new_checkout", "analyst");
        assertBannersMatch(banners(), scorecard);

        driver.navigate().refresh();
        String reloaded = wait.until(d -> {
            String text = d.findElements(By.cssSelector(".ss-plan")).stream().map(WebElement::getText).findFirst().orElse("");
            return text.contains("edited by analyst on") ? text : null;
        });
        assertThat(reloaded).as("stored: still there on a new page").contains("Orders per user");
    }

    private static WebElement last(WebDriver d, String selector) {
        List<WebElement> found = d.findElements(By.cssSelector(selector));
        return found.isEmpty() ? null : found.getLast();
    }

    /** The top of the scorecard — header, decision banner, plan — in target/screenshots/decision-banner.png. */
    private static void screenshot() throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Rectangle header = driver.findElement(By.cssSelector(".ss-header")).getRect();
        Rectangle plan = driver.findElement(By.cssSelector(".ss-plan")).getRect();
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
        int top = Math.max(0, header.getY() - 16);
        int bottom = Math.min(page.getHeight(), plan.getY() + plan.getHeight() + 16);
        int left = Math.max(0, header.getX() - 16);
        int right = Math.min(page.getWidth(), header.getX() + header.getWidth() + 16);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(page.getSubimage(left, top, right - left, bottom - top), "png", dir.resolve("decision-banner.png").toFile());
    }
}
