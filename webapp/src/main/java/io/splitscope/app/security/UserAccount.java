package io.splitscope.app.security;

import java.util.Objects;

/**
 * One user who may sign in.
 *
 * @param name     the user name
 * @param password the password as Spring Security stores it, with its encoding:
 *                 {@code {bcrypt}$2a$10$...} or {@code {noop}plain-text}
 * @param role     what the user may do
 */
public record UserAccount(String name, String password, Role role) {

    public UserAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
    }

    /** Without the password. */
    @Override
    public String toString() {
        return name + " (" + role + ")";
    }
}
