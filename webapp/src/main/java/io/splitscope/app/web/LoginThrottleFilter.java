package io.splitscope.app.web;

import io.splitscope.app.api.ApiError;
import io.splitscope.app.security.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that the {@link LoginThrottle} holds back, before the password is looked at:
 * an HTTP Basic request gets 429 with {@code Retry-After} and a JSON error ({@link ApiError}); a
 * post of the log-in form is sent back to the log-in page with {@code ?wait=SECONDS}, which says
 * how long to wait. Every other request passes.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** The log-in page's query parameter with the seconds to wait. */
    static final String WAIT_PARAMETER = "wait";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isFormLogIn(request);
        Optional<String> user = form ? Optional.ofNullable(request.getParameter("username")) : basicUser(request);
        Optional<LoginThrottle.Refusal> refusal = user.flatMap(name -> throttle.check(name, request.getRemoteAddr()));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
        } else if (form) {
            response.sendRedirect(request.getContextPath() + "/login?" + WAIT_PARAMETER + "=" + refusal.get().retryAfterSeconds());
        } else {
            response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            ApiError.write(response, 429, refusal.get().message());
        }
    }

    private static boolean isFormLogIn(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    /** The user name of {@code Authorization: Basic …}; empty without one or when it cannot be decoded (then Spring refuses it). */
    private static Optional<String> basicUser(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
