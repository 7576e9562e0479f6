package io.splitscope.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.audit.AuditLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The running app against an attacker, over real HTTP: guessing passwords is throttled per account
 * and per client and lands in the audit log; the log-in form needs its CSRF token; every answer
 * carries the protective headers; no redirect puts the session id in the URL.
 *
 * <p>Each test uses its own account and, where it fails many log-ins, its own client address
 * (127.0.0.x are all this machine), so that the tests do not throttle each other.
 */
class SecurityConfigurationIT {

    /** Where the audit log is: beside the results store, which this test keeps in {@link #results}. */
    private static final String AUDIT_LOG = AuditLog.FILE_NAME;

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString()).withPort(0).withDemoUsers(true)
                .withResultsLocation(results.toString()));
        base = TestHttp.base(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void guessingAnAccountsPasswordIsThrottledUntilTheWaitEndsThenTheRightOneWorks() throws IOException, InterruptedException {
        TestHttp http = client(3);
        for (int guess = 1; guess <= 5; guess++) {
            assertThat(http.get("/api/experiments", "analyst", "guess-" + guess).statusCode()).isEqualTo(401);
        }

        // The sixth attempt is refused before the password is looked at, even the right one.
        HttpResponse<String> refused = http.get("/api/experiments", "analyst", "analyst");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1"); // 1 s after the 5th failure
        assertThat(refused.body()).contains("\"status\":429", "too many failed sign-ins as 'analyst'").doesNotContain("\n");

        Thread.sleep(1_100);
        assertThat(http.get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        // The success reset the account: the next wrong password is a plain 401 again.
        assertThat(http.get("/api/experiments", "analyst", "guess-6").statusCode()).isEqualTo(401);
        assertThat(auditLines()).filteredOn(line -> line.contains("user=\"analyst\"") && line.contains("client=127.0.0.3"))
                .filteredOn(line -> line.contains(" login-failed ")).hasSize(6);
    }

    @Test
    void theWaitGrowsWithEachFurtherFailure() throws InterruptedException {
        TestHttp http = client(4);
        for (int guess = 1; guess <= 5; guess++) {
            http.get("/api/experiments", "grower", "guess-" + guess);
        }
        Thread.sleep(1_100);
        assertThat(http.get("/api/experiments", "grower", "guess-6").statusCode()).isEqualTo(401);

        assertThat(http.get("/api/experiments", "grower", "guess-7").headers().firstValue("Retry-After")).contains("2");
    }

    @Test
    void oneClientGuessingManyAccountsIsThrottledAsAClient() {
        TestHttp http = client(2);
        for (int guess = 1; guess <= 20; guess++) {
            assertThat(http.get("/api/experiments", "sprayed-" + guess, "password").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = http.get("/api/experiments", "viewer", "viewer");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.body()).contains("too many failed sign-ins from 127.0.0.2");
        // Another client is not held up.
        assertThat(TestHttp.to(base).get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(200);
    }

    @Test
    void theLogInPageSaysHowLongToWait() {
        TestHttp browser = TestHttp.session(base);
        for (int guess = 1; guess <= 5; guess++) {
            assertThat(browser.logIn("formuser", "guess-" + guess).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }

        HttpResponse<String> refused = browser.logIn("formuser", "guess-6");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?wait=1"));
    }

    @Test
    void theAuditLogRecordsSignInsAndAnalysesOneLineEach() throws IOException {
        TestHttp.signedIn(base, "viewer", "viewer");
        assertThat(TestHttp.to(base).postAs("/api/experiments/exp_price/analyses?method=cuped", "analyst", "analyst").statusCode())
                .isEqualTo(202);

        assertThat(auditLines()).anySatisfy(line -> assertThat(line).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z login user=\"viewer\" client=127\\.0\\.0\\.1 detail=\"log-in form\""));
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).matches(".*Z analysis user=\"analyst\" client=127\\.0\\.0\\.1"
                + " detail=\"exp_price \\(cuped.*\\) job [0-9a-f-]{36}\""));
    }

    @Test
    void aUserNameCannotForgeAnAuditLine() throws IOException {
        TestHttp.to(base).get("/api/experiments", "mallory\n2026-01-01T00.00.00Z login user=\"admin\"", "x");

        assertThat(auditLines()).noneMatch(line -> line.startsWith("2026-01-01"))
                .anySatisfy(line -> assertThat(line).contains("user=\"mallory\\n2026-01-01T00.00.00Z login user=\\\"admin\\\"\""));
    }

    @Test
    void theLogInFormRefusesAPostWithoutTheCsrfToken() {
        TestHttp browser = TestHttp.session(base);
        browser.get("/login"); // a session, as a forged form's victim would have

        HttpResponse<String> forged = browser.postForm("/login", "username=viewer&password=viewer");

        // Refused as a request without a valid token from someone not signed in: back to the log-in page
        // (a signed-in log-in would go on to the experiments list, /).
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(browser.get("/api/experiments").statusCode()).isEqualTo(401); // not signed in
    }

    @Test
    void pagesAndTheApiCarryTheProtectiveHeaders() {
        TestHttp browser = TestHttp.signedIn(base, "viewer", "viewer");
        for (HttpResponse<String> response : List.of(TestHttp.to(base).get("/login"), browser.get("/"),
                browser.get("/experiments/exp_autoplay"), TestHttp.to(base).get("/api/experiments", "viewer", "viewer"),
                TestHttp.to(base).get("/api/experiments"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString()).contains("same-origin");
        }
    }

    @Test
    void noRedirectPutsTheSessionIdInTheUrl() {
        TestHttp browser = TestHttp.session(base);
        HttpResponse<String> toLogIn = browser.get("/experiments/exp_autoplay");
        HttpResponse<String> loggedIn = browser.logIn("viewer", "viewer");

        for (HttpResponse<String> redirect : List.of(toLogIn, loggedIn)) {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).doesNotContainIgnoringCase("jsessionid"));
        }
    }

    /** A client of its own: requests from 127.0.0.{@code last}. */
    private static TestHttp client(int last) {
        try {
            return TestHttp.from(base, InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last}));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // cannot happen: four bytes are an IPv4 address
        }
    }

    private static List<String> auditLines() throws IOException {
        return Files.readAllLines(results.resolve(AUDIT_LOG), StandardCharsets.UTF_8);
    }
}
