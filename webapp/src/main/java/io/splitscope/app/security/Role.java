package io.splitscope.app.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do. An analyst may do everything a viewer may, so an analyst holds both
 * authorities ({@code ROLE_VIEWER} and {@code ROLE_ANALYST}); views that any signed-in user may
 * open are annotated {@code @PermitAll}, analyst-only ones {@code @RolesAllowed(Role.ANALYST_NAME)}.
 */
public enum Role {

    /** Reads experiments, scorecards, plots and exports. */
    VIEWER,
    /** Also starts analyses and re-runs them. */
    ANALYST;

    /** {@link #VIEWER}'s name, for {@code @RolesAllowed}. */
    public static final String VIEWER_NAME = "VIEWER";
    /** {@link #ANALYST}'s name, for {@code @RolesAllowed}. */
    public static final String ANALYST_NAME = "ANALYST";

    /** The Spring Security authority of this role alone ({@code ROLE_ANALYST}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The authorities a user with this role holds: the role and the roles it includes. */
    public List<GrantedAuthority> authorities() {
        return switch (this) {
            case VIEWER -> List.of(new SimpleGrantedAuthority(VIEWER.authority()));
            case ANALYST -> List.of(new SimpleGrantedAuthority(VIEWER.authority()), new SimpleGrantedAuthority(ANALYST.authority()));
        };
    }

    /** The role of a configuration value ({@code analyst} or {@code ANALYST}), if it names one. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(" or "));
    }
}
