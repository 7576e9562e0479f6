package io.splitscope.app.security;

import io.splitscope.app.audit.AuditAction;
import io.splitscope.app.audit.AuditLog;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's sign-in events, told to the {@link LoginThrottle} and the {@link AuditLog}:
 * every failure (form or HTTP Basic) is counted and audited, every success resets the account, and
 * a sign-in through the log-in form is audited. An HTTP Basic success is not: the API
 * authenticates every request, and the audit log is not an access log.
 */
@Component
final class LoginEvents {

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginEvents(LoginThrottle throttle, AuditLog audit) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String client = client(attempt);
        Duration wait = throttle.failed(attempt.getName(), client);
        audit.record(AuditAction.LOGIN_FAILED, attempt.getName(), client, "wrong user name or password"
                + (wait.isZero() ? "" : "; the next attempt waits " + LoginThrottle.seconds(wait) + " s"));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.record(AuditAction.LOGIN, event.getAuthentication().getName(), client(event.getAuthentication()), "log-in form");
    }

    private static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "-";
    }
}
