package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.api.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team's record of an experiment in a real browser, on the shared streaming demo
 * ({@link DemoServer}; exp_price only, other classes read exp_autoplay): an analyst sets the status,
 * writes a conclusion, a note and two tags (decided without a conclusion is refused first, in one
 * line); the page, the list (with its tag filter) and the REST API show them; a viewer reads them
 * with no edit button. The copy-link button copies the page's address with its method, segment and
 * tab; the print style sheet hides navigation and controls and prints one page; unknown addresses
 * get the Splitscope page (signed in) or the log-in page (signed out); at 390 px the list and the
 * scorecard page do not overflow sideways. Leaves screenshots in {@code target/screenshots/record-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentRecordBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = new JsonMapper();
    private static final String EXPERIMENT = "exp_price";

    private static String baseUrl;
    private static WebDriver driver;

    @BeforeAll
    static void start() {
        baseUrl = DemoServer.baseUrl();
        driver = Browser.open(DemoServer.browserProfile("ExperimentRecordBrowserIT"), 1440);
        LoginFlow.signIn(driver, baseUrl, "analyst", "analyst");
    }

    @AfterAll
    static void stop() {
        Browser.quitThenClose(driver, null);
    }

    @Test
    @Order(1)
    void anAnalystWritesTheRecordAndThePageAndTheApiShowIt() throws IOException {
        openScorecard("");
        assertThat(attribute(".ss-record .ss-status", "class")).contains("ss-status-by-dates");
        driver.findElement(By.cssSelector(".ss-record-edit")).click();
        until(d -> !d.findElements(By.cssSelector("vaadin-select.ss-record-status-field")).isEmpty());

        choose("vaadin-select.ss-record-status-field", "Decided");
        driver.findElement(By.cssSelector("vaadin-button.ss-record-save")).click();
        until(d -> !text(".ss-record-error").isEmpty());
        assertThat(text(".ss-record-error"))
                .isEqualTo("the status of exp_price can be decided only with a conclusion: write the decision taken first");

        choose("vaadin-select.ss-record-decision-field", "Ship it");
        type("vaadin-text-area.ss-record-conclusion-field textarea", "Revenue per member up, churn within its margin.");
        type("vaadin-text-field.ss-record-tags-field input", "pricing, q2 2026");
        type("vaadin-text-area.ss-record-note-field textarea", "Finance agreed on the new price.");
        driver.findElement(By.cssSelector("vaadin-button.ss-record-save")).click();
        until(d -> d.findElements(By.cssSelector("vaadin-button.ss-record-save")).isEmpty()
                && !d.findElements(By.cssSelector(".ss-record .ss-record-decision")).isEmpty());

        JsonNode record = JSON.readTree(TestHttp.to(baseUrl).get("/api/experiments/" + EXPERIMENT + "/record", "viewer", "viewer").body());
        assertThat(record.get("status").asString()).isEqualTo("decided");
        assertThat(record.get("status_set_by").asString()).isEqualTo("analyst");
        assertThat(record.get("conclusion").get("decision").asString()).isEqualTo("ship");
        assertThat(record.get("notes").get(0).get("text").asString()).isEqualTo("Finance agreed on the new price.");
        assertThat(attribute(".ss-record .ss-status", "data-status")).isEqualTo("decided");
        assertThat(text(".ss-record-status-source")).startsWith("set by analyst on ");
        assertThat(text(".ss-record .ss-record-decision")).isEqualTo(record.get("conclusion").get("headline").asString())
                .startsWith("Ship ");
        assertThat(text(".ss-record-conclusion-text")).isEqualTo("Revenue per member up, churn within its margin.");
        assertThat(texts(".ss-record .ss-record-tag")).containsExactly("pricing", "q2 2026");
        assertThat(text(".ss-record-note-text")).isEqualTo("Finance agreed on the new price.");
        screenshotTop("record-scorecard-1440.png");
    }

    @Test
    @Order(2)
    void theListShowsTheStatusAndTagsAndFiltersByTag() throws IOException {
        driver.get(baseUrl);
        until(d -> Browser.grid(d, "vaadin-grid.ss-experiments").size() >= 2);
        List<List<String>> rows = Browser.grid(driver, "vaadin-grid.ss-experiments");
        List<String> price = rows.stream().filter(row -> row.getFirst().contains(EXPERIMENT)).findFirst().orElseThrow();
        assertThat(price.getFirst()).contains("pricing", "q2 2026");
        assertThat(price.get(1)).isEqualTo("Decided");
        screenshot("record-list-1440.png");

        choose("vaadin-select.ss-tag-filter", "pricing");
        until(d -> Browser.grid(d, "vaadin-grid.ss-experiments").size() == 1);
        assertThat(Browser.grid(driver, "vaadin-grid.ss-experiments").getFirst().getFirst()).contains(EXPERIMENT);
    }

    @Test
    @Order(3)
    void copyLinkCopiesTheAddressWithMethodSegmentAndTab() {
        openScorecard("?method=cuped&segment=country&tab=segments");
        ((ChromeDriver) driver).executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl.replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        String address = driver.getCurrentUrl();
        assertThat(address).contains("method=cuped", "segment=country", "tab=segments");
        driver.findElement(By.cssSelector("vaadin-button.ss-copy-link")).click();
        until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().startsWith("Link copied")));
        assertThat(driver.findElements(By.cssSelector("vaadin-notification-card")).stream().map(WebElement::getText))
                .contains("Link copied: " + address);
        Object clipboard = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
        assertThat(clipboard).isEqualTo(address);
    }

    @Test
    @Order(4)
    void thePrintStyleSheetMakesAOnePageReport() throws IOException {
        openScorecard("");
        until(d -> !d.findElements(By.cssSelector(".ss-panel-table table")).isEmpty());
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of(".ss-topbar", ".ss-controls", ".ss-tabs > vaadin-tabs", ".ss-record-edit", ".ss-copy-link",
                    ".ss-print-report", ".ss-back")) {
                assertThat(display(hidden)).as(hidden).isEqualTo("none");
            }
            for (String shown : List.of(".ss-header", ".ss-record", ".ss-decisions", ".ss-panel-table table")) {
                assertThat(display(shown)).as(shown).isNotEqualTo("none");
            }
            screenshotWhole("record-print.png");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(new PrintOptions()).getContent());
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("record-report.pdf"), pdf);
        assertThat(pages(pdf)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aViewerReadsTheRecordButCannotEditIt() {
        LoginFlow.signOut(driver, baseUrl);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
        openScorecard("");
        assertThat(attribute(".ss-record .ss-status", "data-status")).isEqualTo("decided");
        assertThat(texts(".ss-record .ss-record-tag")).containsExactly("pricing", "q2 2026");
        assertThat(text(".ss-record-note-text")).isEqualTo("Finance agreed on the new price.");
        assertThat(driver.findElements(By.cssSelector(".ss-record-edit"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("vaadin-button.ss-copy-link"))).hasSize(1);
    }

    @Test
    @Order(6)
    void anUnknownAddressShowsTheNotFoundPageSignedInAndTheLogInPageSignedOut() {
        for (String path : List.of("no-such-page", "foo/bar.txt", "images/nope.png")) {
            driver.get(baseUrl + path);
            until(d -> bodyText().contains("Page not found"));
            assertThat(bodyText()).as(path).contains("There is nothing at /" + path).doesNotContain("HTTP ERROR");
        }
        driver.get(baseUrl + "VAADIN/no-such-file.js"); // a file the router never sees: Spring Boot's error page, in the app's words
        assertThat(driver.getTitle()).isEqualTo("Page not found · Splitscope");
        assertThat(bodyText()).contains("Page not found").doesNotContain("Whitelabel");
        driver.get(baseUrl); // signing out needs a page of the app (its CSRF token)
        LoginFlow.signOut(driver, baseUrl);
        for (String path : List.of("no-such-page", "foo/bar.txt")) {
            driver.get(baseUrl + path);
            until(d -> d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector("vaadin-login-form")).isEmpty());
            assertThat(bodyText()).as(path).doesNotContain("HTTP ERROR");
        }
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer");
    }

    @Test
    @Order(7)
    void atPhoneWidthNeitherTheListNorTheScorecardPageOverflows() throws IOException {
        WebDriver desktop = driver;
        driver = Browser.open(DemoServer.browserProfile("ExperimentRecordBrowserIT-phone"), 390);
        try {
            LoginFlow.signIn(driver, baseUrl, "analyst", "analyst");
            driver.get(baseUrl);
            until(d -> Browser.grid(d, "vaadin-grid.ss-experiments").size() >= 2);
            assertThat(scrollWidth()).as("the list's width").isLessThanOrEqualTo(390);
            screenshot("record-list-390.png");
            openScorecard("");
            until(d -> !d.findElements(By.cssSelector(".ss-panel-table table")).isEmpty());
            assertThat(scrollWidth()).as("the scorecard page's width").isLessThanOrEqualTo(390);
            screenshotTop("record-scorecard-390.png");
        } finally {
            driver.quit();
            driver = desktop;
        }
    }

    private static void openScorecard(String query) {
        driver.get(baseUrl + "experiments/" + EXPERIMENT + query);
        until(d -> !d.findElements(By.cssSelector(".ss-record .ss-status")).isEmpty());
    }

    /** The number of pages of a PDF as Chromium writes it: one {@code /Type /Page} object each. */
    private static long pages(byte[] pdf) {
        return Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
    }

    private static long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    private static String display(String selector) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'absent';", selector);
    }

    private static void choose(String select, String label) {
        Browser.choose(driver, select, label);
    }

    private static void type(String selector, String text) {
        WebElement field = driver.findElement(By.cssSelector(selector));
        field.clear();
        field.sendKeys(text);
    }

    private static String text(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    private static List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private static String attribute(String selector, String name) {
        return driver.findElement(By.cssSelector(selector)).getAttribute(name);
    }

    private static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, as tall as it is, at a printed page's width (Letter less its margins: 740 px). */
    private static void screenshotWhole(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 740, "height", 980, "deviceScaleFactor", 1,
                "mobile", false));
        try {
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true));
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The top of the scorecard page, from its header to the end of the controls (the decision, the record, the plan between). */
    private static void screenshotTop(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Rectangle header = driver.findElement(By.cssSelector(".ss-header")).getRect();
        Rectangle record = driver.findElement(By.cssSelector(".ss-controls")).getRect();
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
        int top = Math.max(0, header.getY() - 8);
        int bottom = Math.min(page.getHeight(), record.getY() + record.getHeight() + 8);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(page.getSubimage(0, top, page.getWidth(), bottom - top), "png", dir.resolve(name).toFile());
    }
}
