package io.splitscope.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per key (an account name or a client address) and the wait they impose: none
 * for the first {@code allowed - 1} failures, then {@value #FIRST_WAIT_SECONDS} s after the
 * {@code allowed}-th, doubling with each further one up to {@link #MAX_WAIT}. A key is forgotten
 * when it has been quiet for {@link #FORGET_AFTER} after its wait, or when it is reset; at most
 * {@value #CAPACITY} keys are kept (the least recently used go first), so that guessing with random
 * user names cannot fill the memory. Thread-safe.
 */
final class FailureCounter {

    static final long FIRST_WAIT_SECONDS = 1;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int CAPACITY = 10_000;

    /** A key's failures so far and until when it must wait. */
    private record Failures(int count, Instant waitUntil) {
    }

    private final int allowed;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param allowed failures after which the key must wait (at least 1) */
    FailureCounter(int allowed) {
        if (allowed < 1) {
            throw new IllegalArgumentException("allowed failures must be at least 1, got " + allowed);
        }
        this.allowed = allowed;
    }

    /** How long {@code key} must still wait at {@code now}; zero when it may try. */
    synchronized Duration remaining(String key, Instant now) {
        Failures current = current(key, now);
        return current == null || !current.waitUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, current.waitUntil());
    }

    /** Counts a failure of {@code key} at {@code now}; returns the wait it imposes from now (zero for none). */
    synchronized Duration fail(String key, Instant now) {
        Failures current = current(key, now);
        int count = current == null ? 1 : current.count() + 1;
        Duration wait = count < allowed ? Duration.ZERO : waitAfter(count - allowed);
        failures.put(key, new Failures(count, now.plus(wait)));
        return wait;
    }

    /** Forgets the failures of {@code key}. */
    synchronized void reset(String key) {
        failures.remove(key);
    }

    private Failures current(String key, Instant now) {
        Failures current = failures.get(key);
        if (current != null && now.isAfter(current.waitUntil().plus(FORGET_AFTER))) {
            failures.remove(key);
            return null;
        }
        return current;
    }

    /** 1 s, 2 s, 4 s, … for the first, second, third failure past the allowed ones, at most {@link #MAX_WAIT}. */
    private static Duration waitAfter(int extraFailures) {
        if (extraFailures >= 20) {
            return MAX_WAIT; // 2^20 s is far beyond it (and shifting further would overflow)
        }
        Duration wait = Duration.ofSeconds(FIRST_WAIT_SECONDS << extraFailures);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
