package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.ResultsLocation;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aRepeatedRequestChecksThePasswordOnceAndAWrongPasswordIsAlwaysChecked() {
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withDemoUsers(true).withResultsLocation(ResultsLocation.MEMORY))) {
            List<AbstractAuthenticationEvent> checks = new CopyOnWriteArrayList<>();
            app.addApplicationListener(event -> {
                if (event instanceof AbstractAuthenticationEvent check) {
                    checks.add(check);
                }
            });
            assertChecks(TestHttp.to(TestHttp.base(app)), checks);
        }
    }

    private static void assertChecks(TestHttp http, List<AbstractAuthenticationEvent> checks) {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/experiments/exp_autoplay/scorecard", "viewer", "viewer").statusCode()).isEqualTo(200);
        }
        assertThat(checks).singleElement().isInstanceOf(AuthenticationSuccessEvent.class)
                .extracting(check -> check.getAuthentication().getName()).isEqualTo("viewer");

        // a wrong password is never taken for the remembered right one
        assertThat(http.get("/api/experiments", "viewer", "viewer ").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/experiments", "viewer", "Viewer").statusCode()).isEqualTo(401);
        assertThat(checks).hasSize(3).last().isInstanceOf(AbstractAuthenticationFailureEvent.class);

        // another user is checked on its own; the viewer stays remembered
        assertThat(http.get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        assertThat(checks).hasSize(4).last().isInstanceOf(AuthenticationSuccessEvent.class)
                .extracting(check -> check.getAuthentication().getName()).isEqualTo("analyst");
    }
}
