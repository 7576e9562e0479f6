package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of the browser tests: Debian's headless Chromium and ChromeDriver
 * ({@code build/ensure-test-tools.sh}), with the driver path given so that Selenium Manager never
 * runs; how they read a Vaadin grid and the scorecard table; and the Content-Security-Policy violations a tab has seen.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Headless Chromium's narrowest window: a narrower width is a phone's screen, emulated. */
    private static final int MIN_WINDOW_WIDTH = 500;

    /** Reads a Vaadin grid's rows as text (cells live behind slots). */
    private static final String READ_GRID = """
            const grid = document.querySelector(arguments[0]);
            if (!grid || !grid.shadowRoot) return [];
            return [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
              .filter(tr => !tr.hidden)
              .map(tr => [...tr.querySelectorAll('td')].map(td => {
                  const slot = td.querySelector('slot');
                  const nodes = slot ? slot.assignedElements({flatten: true}) : [];
                  return nodes.map(n => n.innerText.trim().replace(/\\s+/g, ' ')).join(' ');
              }))
              .filter(cells => cells.some(c => c.length > 0));
            """;

    /** Keeps every Content-Security-Policy violation of the tab in its session storage (it outlives page loads). */
    private static final String RECORD_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', e => {
              const seen = JSON.parse(sessionStorage.getItem('ss-csp-violations') || '[]');
              seen.push(e.violatedDirective + ' ' + e.blockedURI + ' on ' + location.pathname);
              sessionStorage.setItem('ss-csp-violations', JSON.stringify(seen));
            });
            """;

    /** The scorecard table as text: per body row, its data-key and the text of each cell. */
    private static final String READ_RESULT_ROWS = """
            const table = document.querySelector(arguments[0]);
            if (!table) return [];
            return [...table.querySelectorAll('tr.ss-result')].map(tr => ({
                key: tr.dataset.key,
                continued: tr.classList.contains('ss-result-continued'),
                cells: [...tr.querySelectorAll('td')].map(td => td.innerText.trim().replace(/\\s+/g, ' '))
            }));
            """;

    private Browser() {
    }

    /**
     * The rows of the scorecard table {@code selector} by their {@code data-key}
     * ({@code metric/variant[/segment]}), each as its cells' texts; a row whose metric cell spans
     * the rows above it starts with an empty cell, so that columns line up.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> resultRows(WebDriver driver, String selector) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeScript(READ_RESULT_ROWS, selector);
        Map<String, List<String>> byKey = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            List<String> cells = new java.util.ArrayList<>((List<String>) row.get("cells"));
            if (Boolean.TRUE.equals(row.get("continued"))) { // the metric's cell spans its rows
                cells.addFirst("");
            }
            byKey.put((String) row.get("key"), cells);
        }
        return byKey;
    }

    /**
     * A headless Chromium {@code width} pixels wide with its profile in {@code userDataDir} (below
     * 500 px, a phone's screen of that width, emulated); the caller quits it. Fails the test, saying what to install, without Chromium or ChromeDriver.
     */
    public static WebDriver open(Path userDataDir, int width) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); run build/ensure-test-tools.sh");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + ",1000", "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        if (width < MIN_WINDOW_WIDTH) { // a phone: headless Chromium's window is never narrower, so emulate the screen
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver;
    }

    /** Opens the Vaadin select {@code select} and picks the item whose text starts with {@code label}. */
    public static void choose(WebDriver driver, String select, String label) {
        driver.findElement(By.cssSelector(select)).click();
        new WebDriverWait(driver, PATIENCE).withMessage(() -> "no item '" + label + "' in " + select)
                .until(d -> ((JavascriptExecutor) d).executeScript("""
                        const item = [...document.querySelectorAll('vaadin-select-item')]
                            .find(i => i.textContent.trim().startsWith(arguments[0]));
                        if (!item) return false;
                        item.click();
                        return true;
                        """, label).equals(Boolean.TRUE));
    }

    /** Quits the browser, then closes the app it tested, either of them null when it did not start. */
    public static void quitThenClose(WebDriver driver, AutoCloseable app) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (app != null) {
                try {
                    app.close();
                } catch (Exception e) {
                    throw new IllegalStateException("the app did not close: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The Content-Security-Policy violations the tab has seen since it opened, one line each. */
    @SuppressWarnings("unchecked")
    public static List<String> cspViolations(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('ss-csp-violations') || '[]');");
    }

    /** The rows of the Vaadin grid {@code selector} as text, one list of cell texts a row. */
    @SuppressWarnings("unchecked")
    public static List<List<String>> grid(WebDriver driver, String selector) {
        Object rows = ((JavascriptExecutor) driver).executeScript(READ_GRID, selector);
        return rows == null ? List.of() : (List<List<String>>) rows;
    }
}
