package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.ResultsLocation;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * What a client that repeats its requests costs a real Splitscope (golden warehouse, HTTP Basic):
 * its password is checked once, not on every request — the check is a bcrypt hash, about 70 ms
 * of CPU by design, which capped the app at 28 requests per second on 2 cores. Counted by the
 * authentication events Spring Security publishes for every check of a password.
 */
class RepeatedRequestsIT {

    private static ConfigurableApplicationContext app;
    private static TestHttp http;
    private static final List<AbstractAuthenticationEvent> CHECKS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString()).withPort(0).withDemoUsers(true)
                .withResultsLocation(ResultsLocation.MEMORY));
        app.addApplicationListener(event -> {
            if (event instanceof AbstractAuthenticationEvent check) {
                CHECKS.add(check);
            }
        });
        http = TestHttp.to("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRepeatedRequestChecksThePasswordOnceAndAWrongPasswordIsAlwaysChecked() {
        CHECKS.clear();
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/experiments/exp_autoplay/scorecard", "viewer", "viewer").statusCode()).isEqualTo(200);
        }
        assertThat(CHECKS).singleElement().isInstanceOf(AuthenticationSuccessEvent.class)
                .extracting(check -> check.getAuthentication().getName()).isEqualTo("viewer");

        // a wrong password is never taken for the remembered right one
        assertThat(http.get("/api/experiments", "viewer", "viewer ").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/experiments", "viewer", "Viewer").statusCode()).isEqualTo(401);
        assertThat(CHECKS).hasSize(3).last().isInstanceOf(AbstractAuthenticationFailureEvent.class);

        // another user is checked on its own; the viewer stays remembered
        assertThat(http.get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        assertThat(CHECKS).hasSize(4).last().isInstanceOf(AuthenticationSuccessEvent.class)
                .extracting(check -> check.getAuthentication().getName()).isEqualTo("analyst");
    }
}
