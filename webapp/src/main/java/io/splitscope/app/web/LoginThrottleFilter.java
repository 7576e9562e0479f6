package io.splitscope.app.web;

import io.splitscope.app.api.ApiError;
import io.splitscope.app.security.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
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

    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

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
        try {
            return Optional.ofNullable(BASIC.convert(request)).map(UsernamePasswordAuthenticationToken::getName);
        } catch (BadCredentialsException e) {
            return Optional.empty();
        }
    }
}
