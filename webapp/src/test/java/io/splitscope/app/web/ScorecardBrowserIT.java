package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The walking skeleton end to end, in a real browser: the web app on the golden warehouse, the
 * experiments list, a click on an experiment, its scorecard with the golden numbers. Takes the
 * screenshots of {@code docs/screenshots/} (see {@link #screenshotDirs(String)}).
 *
 * <p>Uses Debian's Chromium and ChromeDriver ({@code build/ensure-test-tools.sh} installs them),
 * with the driver path given so that Selenium Manager never runs (it would try to download one).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScorecardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Reads the scorecard grid as text, row by row, cell by cell (cells live behind slots). */
    private static final String READ_GRID = """
            const grid = document.querySelector(arguments[0]);
            if (!grid || !grid.shadowRoot) return [];
            return [...grid.shadowRoot.querySelectorAll('tbody tr')]
              .filter(tr => !tr.hidden)
              .map(tr => [...tr.querySelectorAll('td')].map(td => {
                  const slot = td.querySelector('slot');
                  const nodes = slot ? slot.assignedElements({flatten: true}) : [];
                  return nodes.map(n => n.innerText.trim().replace(/\\s+/g, ' ')).join(' ');
              }))
              .filter(cells => cells.some(c => c.length > 0));
            """;

    private static ConfigurableApplicationContext app;
    private static WebDriver driver;
    private static Path userDataDir;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); run build/ensure-test-tools.sh");
        }
        app = SplitscopeWebApplication.run(goldenWarehouse().toString(), 0);
        baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/";

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        userDataDir = Files.createTempDirectory("splitscope-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        LoginFlow.signIn(driver, baseUrl, "viewer", "viewer"); // run(String, int) has the demo users
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            try {
                if (app != null) {
                    app.close();
                }
            } finally {
                deleteRecursively(userDataDir);
            }
        }
    }

    @Test
    @Order(1)
    void experimentsListLeadsToAScorecardWithTheGoldenNumbers() throws IOException {
        driver.get(baseUrl);
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.withMessage(() -> "the page shows: " + driver.findElement(By.tagName("body")).getText());
        wait.until(d -> !grid("vaadin-grid.ss-experiments").isEmpty());
        List<List<String>> experiments = grid("vaadin-grid.ss-experiments");
        assertThat(experiments).anySatisfy(row -> assertThat(String.join(" ", row))
                .contains("Autoplay previews on the home page", "exp_autoplay", "ui-discovery", "control 50 %"));
        assertThat(experiments).anySatisfy(row -> assertThat(String.join(" ", row)).contains("exp_price"));
        screenshot("experiments.png");

        driver.findElement(By.xpath("//vaadin-grid[contains(@class,'ss-experiments')]"
                + "//span[normalize-space(.)='Autoplay previews on the home page']")).click();
        wait.until(ExpectedConditions.urlContains("/experiments/exp_autoplay"));
        wait.until(d -> grid("vaadin-grid.ss-scorecard").stream().anyMatch(r -> r.get(0).contains("streaming_hours")));

        List<String> streamingHours = grid("vaadin-grid.ss-scorecard").stream()
                .filter(r -> r.get(0).contains("streaming_hours")).findFirst().orElseThrow();
        // golden exp_autoplay.json: control 3.1990929251963434, treatment 3.5483241979437632,
        // relative effect 0.1091657169433382, p 0.089445813084142178, n 863 / 897
        assertThat(streamingHours.get(1)).isEqualTo("previews");
        assertThat(streamingHours.get(2)).isEqualTo("3.199");
        assertThat(streamingHours.get(3)).isEqualTo("3.548");
        assertThat(streamingHours.get(5)).startsWith("+10.9 %");
        assertThat(streamingHours.get(6)).isEqualTo("0.089");
        assertThat(streamingHours.get(8)).isEqualTo("863 / 897");

        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Autoplay previews on the home page", "Split as planned", "Crossover units",
                "Invalid exposures", "← Experiments");
        assertThat(page).doesNotContain("Sample ratio mismatch");
        screenshot("scorecard.png");
    }

    @Test
    @Order(2)
    void anUnknownExperimentGetsAFriendlyPage() {
        driver.get(baseUrl + "experiments/no_such_experiment");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("No experiment"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("No experiment “no_such_experiment” here", "See all experiments");
        assertThat(page).doesNotContain("Exception", "\tat ");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> grid(String selector) {
        Object rows = ((JavascriptExecutor) driver).executeScript(READ_GRID, selector);
        return rows == null ? List.of() : (List<List<String>>) rows;
    }

    /** Whether Vaadin has no request in flight and its loading bar has faded out. */
    private static boolean vaadinIdle(WebDriver d) {
        return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                const busy = !clients || Object.values(clients).some(c => c.isActive && c.isActive());
                const bar = [...document.querySelectorAll('.v-loading-indicator')].some(e => {
                    const style = getComputedStyle(e);
                    return style.display !== 'none' && Number(style.opacity) > 0;
                });
                return !busy && !bar;
                """));
    }

    /** A screenshot of the page's content, the window fitted to its height (at least 640 px). */
    private static void screenshot(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, PATIENCE).until(ScorecardBrowserIT::vaadinIdle);
        Number contentBottom = (Number) js.executeScript("""
                const main = document.querySelector('.ss-content');
                const page = main && main.lastElementChild;
                return Math.ceil(page ? page.getBoundingClientRect().bottom + window.scrollY : 0);
                """);
        Number viewport = (Number) js.executeScript("return window.innerHeight;");
        Dimension before = driver.manage().window().getSize();
        int chrome = Math.max(0, before.getHeight() - viewport.intValue());
        int wanted = Math.min(4000, Math.max(640, contentBottom.intValue() + 72 + chrome));
        driver.manage().window().setSize(new Dimension(before.getWidth(), wanted));
        try {
            js.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
            new WebDriverWait(driver, PATIENCE).until(ScorecardBrowserIT::vaadinIdle);
            Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            for (Path dir : screenshotDirs(name)) {
                Files.createDirectories(dir);
                Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * Where a screenshot goes: always {@code target/screenshots}; also the committed
     * {@code docs/screenshots} at the repository root when it has none yet or when
     * {@code -Dsplitscope.screenshots.update=true} asks for it (every run would otherwise change the
     * committed pictures: the scorecard shows when it was computed).
     */
    private static List<Path> screenshotDirs(String name) {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path build = module.resolve("target").resolve("screenshots");
        Path docs = module.resolveSibling("docs").resolve("screenshots");
        boolean update = Boolean.getBoolean("splitscope.screenshots.update") || !Files.exists(docs.resolve(name));
        return update ? List.of(build, docs) : List.of(build);
    }

    private static Path goldenWarehouse() throws URISyntaxException {
        URL marker = ScorecardBrowserIT.class.getResource("/golden/streaming-small/experiments.csv");
        if (marker == null) {
            throw new IllegalStateException("the golden warehouse is not on the test classpath");
        }
        return Path.of(marker.toURI()).getParent();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
