package io.splitscope.app.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: when, what, who, from where, and what exactly.
 *
 * <p>{@link #line()} is {@code 2026-12-05T08:04:18.123Z login-failed user="alice" client=127.0.0.1 detail="…"};
 * the user and the detail are quoted with {@code \"}, {@code \\} and control characters escaped
 * (and the client address keeps only the characters of an address), so that a user name typed into
 * the log-in form can never start a line of its own.
 *
 * @param time   when it happened
 * @param action what happened
 * @param user   who did it (for a failed sign-in, the name that was tried)
 * @param client the client's IP address, or {@code -} for work the app started by itself
 * @param detail what exactly: how a user signed in, which analysis
 */
public record AuditEvent(Instant time, AuditAction action, String user, String client, String detail) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(detail, "detail");
    }

    /** The event as one line, without the line break. */
    public String line() {
        return time + " " + action.word() + " user=" + quoted(user) + " client=" + client.replaceAll("[^0-9A-Za-z:.%_-]", "?")
                + " detail=" + quoted(detail);
    }

    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
