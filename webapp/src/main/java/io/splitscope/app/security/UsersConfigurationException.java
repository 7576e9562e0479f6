package io.splitscope.app.security;

/**
 * The users to sign in with are missing or misconfigured; the message is one line that says what
 * is wrong and how to configure users. {@code serve} refuses to start with it.
 */
public final class UsersConfigurationException extends IllegalArgumentException {

    UsersConfigurationException(String message) {
        super(message);
    }
}
