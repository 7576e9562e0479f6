package io.splitscope.app.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for the views (inject it) and the services: the user's name and whether
 * they may run analyses. Reads Spring Security's context of the current request — in a
 * view, the signed-in user of the browser session; in the REST API, the HTTP Basic user.
 *
 * <p>Hide or disable what a user may not do with {@link #canRunAnalyses()}; the services check
 * again ({@link #requireAnalyst()}), so a hidden button is a courtesy, not the protection.
 */
@Component
public final class CurrentUser {

    private final AuthenticationContext vaadin;

    /** Built by Spring with Vaadin's authentication context (used to sign out). */
    public CurrentUser(AuthenticationContext vaadin) {
        this.vaadin = Objects.requireNonNull(vaadin, "vaadin");
    }

    /** The signed-in user's name; empty when nobody is signed in. */
    public Optional<String> name() {
        return authentication().map(Authentication::getName);
    }

    /** Whether the signed-in user may start and re-run analyses (role {@link Role#ANALYST}). */
    public boolean canRunAnalyses() {
        return canRunAnalyses(authentication().orElse(null));
    }

    /** Signs the user out and sends the browser to the log-in page. Only from a view (a Vaadin request). */
    public void logout() {
        vaadin.logout();
    }

    /**
     * The signed-in user's name, for "computed by"; {@code "system"} when no user is signed in
     * (work the application starts by itself).
     */
    public static String nameOrSystem() {
        return authentication().map(Authentication::getName).orElse("system");
    }

    /**
     * @throws AccessDeniedException unless the current user is an analyst; the REST API answers it
     *                               with 403, a view should not have offered the action
     */
    public static void requireAnalyst() {
        requireAnalyst("run analyses");
    }

    /**
     * @param action what only analysts may do, for the message ({@code "edit decision plans"})
     * @throws AccessDeniedException unless the current user is an analyst
     */
    public static void requireAnalyst(String action) {
        Optional<Authentication> user = authentication();
        if (!canRunAnalyses(user.orElse(null))) {
            throw new AccessDeniedException(user.map(u -> "user '" + u.getName() + "' is a viewer: only analysts may " + action)
                    .orElse("sign in as an analyst to " + action));
        }
    }

    /** Whether a user is signed in who is not an analyst (work the application starts by itself has nobody signed in). */
    public static boolean isViewer() {
        return authentication().map(user -> !canRunAnalyses(user)).orElse(false);
    }

    static boolean canRunAnalyses(Authentication authentication) {
        return authentication != null && hasAuthority(authentication, Role.ANALYST.authority());
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    private static Optional<Authentication> authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication);
    }
}
