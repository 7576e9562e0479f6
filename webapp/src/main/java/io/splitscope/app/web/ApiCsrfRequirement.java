package io.splitscope.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which REST API requests must carry a CSRF token: every state-changing one (POST, PUT, PATCH,
 * DELETE) that a browser may have sent on its own.
 *
 * <p>A request that comes with the browser's session (signed in through the log-in page) needs the
 * token. So does one with HTTP Basic credentials that carries a browser's {@code Origin} header or
 * a {@code Sec-Fetch-Site} other than {@code none} — a browser re-sends cached Basic credentials to
 * a cross-site form post just as it re-sends cookies. A script or tool (curl, an HTTP client) that
 * sends its own {@code Authorization: Basic} header and no {@code Origin} cannot be forged by
 * another site and needs no token; a request with neither session nor credentials is answered 401.
 */
final class ApiCsrfRequirement implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (request.getSession(false) != null) {
            return true; // the browser's session cookie authenticates it: a page of another site can send that
        }
        // Without a session and without credentials the request is anonymous: it gets 401, not a CSRF 403.
        return hasBasicCredentials(request) && !notFromABrowserPage(request);
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean notFromABrowserPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return request.getHeader("Origin") == null && (site == null || site.equalsIgnoreCase("none"));
    }
}
