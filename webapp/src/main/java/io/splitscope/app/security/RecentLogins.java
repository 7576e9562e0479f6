package io.splitscope.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The REST API's password check, remembered for a while. HTTP Basic sends the password with
 * every request, and checking it against its bcrypt hash takes about 70 ms of CPU by design —
 * which, on 2 cores, held the whole API to 28 requests per second. This manager remembers, for
 * each user, the last password that passed {@code delegate}'s check, for {@link #REMEMBERED}:
 * a request with exactly that user and password within that time is signed in without checking
 * again, like a request of a signed-in browser session.
 *
 * <p>What is kept is a SHA-256 over a random salt of this process, the user name and the
 * password, never the password itself, and only in memory; at most one entry per user who has
 * signed in. A request with any other password always goes to {@code delegate} (its logging,
 * its events, its throttling); so does every other kind of authentication. Thread-safe.
 */
public final class RecentLogins implements AuthenticationManager {

    /** How long a checked password is remembered. */
    public static final Duration REMEMBERED = Duration.ofMinutes(5);

    private record Remembered(byte[] digest, Authentication authentication, Instant until) {
    }

    private final AuthenticationManager delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> byUser = new ConcurrentHashMap<>();

    /** {@code delegate}: the real check, asked whenever a request's user and password are not remembered. */
    public RecentLogins(AuthenticationManager delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || !(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        String user = request.getName();
        byte[] digest = digest(user, password);
        Instant now = clock.instant();
        Remembered known = byUser.get(user);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return known.authentication();
        }
        Authentication checked = delegate.authenticate(request);
        if (checked != null && checked.isAuthenticated()) {
            byUser.put(user, new Remembered(digest, checked, now.plus(REMEMBERED)));
        }
        return checked;
    }

    private byte[] digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0); // so that user "ab" + password "c" differs from "a" + "bc"
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
