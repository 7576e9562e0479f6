package io.splitscope.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The waits of {@link FailureCounter}: none, then 1 s, 2 s, 4 s, … up to 15 minutes; forgotten after a quiet spell. */
class FailureCounterTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void waitsOnlyAfterTheAllowedFailuresThenDoubles() {
        FailureCounter counter = new FailureCounter(3);

        assertThat(counter.fail("alice", T0)).isZero();
        assertThat(counter.fail("alice", T0)).isZero();
        assertThat(counter.remaining("alice", T0)).isZero();
        assertThat(counter.fail("alice", T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(counter.remaining("alice", T0.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
        assertThat(counter.remaining("alice", T0.plusSeconds(1))).isZero();
        assertThat(counter.fail("alice", T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(counter.fail("alice", T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(4));
        assertThat(counter.remaining("bob", T0)).isZero(); // keys are apart
    }

    @Test
    void theWaitStopsGrowingAtFifteenMinutes() {
        FailureCounter counter = new FailureCounter(1);
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            wait = counter.fail("alice", T0);
        }
        // 2^10 s = 17 min 4 s is the first doubling beyond the cap (the 11th failure past the allowed one)
        assertThat(wait).isEqualTo(FailureCounter.MAX_WAIT).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aResetOrAQuietSpellForgetsTheFailures() {
        FailureCounter counter = new FailureCounter(1);
        counter.fail("alice", T0);
        counter.reset("alice");
        assertThat(counter.remaining("alice", T0)).isZero();
        assertThat(counter.fail("alice", T0)).isEqualTo(Duration.ofSeconds(1)); // the first wait again

        Instant later = T0.plusSeconds(1).plus(FailureCounter.FORGET_AFTER).plusMillis(1);
        assertThat(counter.fail("alice", later)).isEqualTo(Duration.ofSeconds(1)); // not 2 s: forgotten
    }

    @Test
    void keepsAtMostItsCapacityOfKeys() {
        FailureCounter counter = new FailureCounter(1);
        counter.fail("first", T0);
        for (int i = 0; i < FailureCounter.CAPACITY; i++) {
            counter.fail("random-" + i, T0);
        }
        assertThat(counter.remaining("first", T0)).isZero(); // the least recently used went
        assertThat(counter.remaining("random-" + (FailureCounter.CAPACITY - 1), T0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesANonsensicalLimit() {
        assertThatThrownBy(() -> new FailureCounter(0)).hasMessage("allowed failures must be at least 1, got 0");
    }
}
