package io.splitscope.app.security;

import io.splitscope.app.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address: after
 * {@value #ACCOUNT_FAILURES} failed sign-ins as one user, or {@value #CLIENT_FAILURES} from one
 * address (several users may share one, behind a proxy or a NAT), the next attempt must wait 1 s,
 * then 2 s, 4 s, … up to 15 minutes ({@link FailureCounter}). A successful sign-in resets the
 * account's count; a client's count only fades (15 minutes without failures after its wait), so
 * that one valid account cannot be used to keep guessing others.
 *
 * <p>The web app's filter asks {@link #check} before a sign-in is tried; the sign-in events tell
 * {@link #failed} and {@link #succeeded}.
 */
@Component
public final class LoginThrottle {

    /** Failed sign-ins as one user before it must wait. */
    public static final int ACCOUNT_FAILURES = 5;
    /** Failed sign-ins from one client address before it must wait. */
    public static final int CLIENT_FAILURES = 20;

    /**
     * A sign-in refused without looking at the password.
     *
     * @param message           one line saying why and for how long
     * @param retryAfterSeconds the wait, rounded up to whole seconds (for {@code Retry-After})
     */
    public record Refusal(String message, long retryAfterSeconds) {
    }

    private final FailureCounter accounts = new FailureCounter(ACCOUNT_FAILURES);
    private final FailureCounter clients = new FailureCounter(CLIENT_FAILURES);
    private final Clock clock;

    /** On the system clock. */
    @Autowired
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a sign-in as {@code user} from {@code client} must wait, and for how long. */
    public Optional<Refusal> check(String user, String client) {
        Duration account = accounts.remaining(user, clock.instant());
        Duration address = clients.remaining(client, clock.instant());
        if (account.isZero() && address.isZero()) {
            return Optional.empty();
        }
        long seconds = seconds(account.compareTo(address) >= 0 ? account : address);
        String who = account.compareTo(address) >= 0 ? "as '" + Messages.oneLine(user) + "'" : "from " + client;
        return Optional.of(new Refusal("too many failed sign-ins " + who + ": try again in " + seconds + " s", seconds));
    }

    /** Counts a failed sign-in; returns the wait it imposes on the next attempt (zero for none). */
    public Duration failed(String user, String client) {
        Duration account = accounts.fail(user, clock.instant());
        Duration address = clients.fail(client, clock.instant());
        return account.compareTo(address) >= 0 ? account : address;
    }

    /** A successful sign-in: the account starts afresh. */
    public void succeeded(String user) {
        accounts.reset(user);
    }

    /** A wait in whole seconds, rounded up. */
    public static long seconds(Duration wait) {
        return wait.plusNanos(999_999_999).getSeconds();
    }
}
