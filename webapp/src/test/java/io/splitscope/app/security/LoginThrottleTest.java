package io.splitscope.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link LoginThrottle}: per account after 5 failures, per client after 20; a success resets only the account. */
class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAccountWaitsAfterFiveFailuresUntilASuccess() {
        for (int i = 1; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(throttle.failed("alice", "10.0.0.1")).isZero();
        }
        assertThat(throttle.failed("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1)); // from anywhere

        assertThat(throttle.check("alice", "10.0.0.3")).contains(
                new LoginThrottle.Refusal("too many failed sign-ins as 'alice': try again in 1 s", 1));
        assertThat(throttle.check("bob", "10.0.0.3")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("alice", "10.0.0.3")).isEmpty();

        throttle.succeeded("alice");
        assertThat(throttle.failed("alice", "10.0.0.1")).isZero(); // counting afresh
    }

    @Test
    void aClientWaitsAfterTwentyFailuresWhateverTheAccountsAndASuccessDoesNotHelp() {
        for (int i = 1; i < LoginThrottle.CLIENT_FAILURES; i++) {
            assertThat(throttle.failed("user-" + i, "10.0.0.9")).isZero();
        }
        assertThat(throttle.failed("user-20", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        throttle.succeeded("mallory");
        clock.advance(Duration.ofMillis(100));

        assertThat(throttle.check("mallory", "10.0.0.9")).contains(
                new LoginThrottle.Refusal("too many failed sign-ins from 10.0.0.9: try again in 1 s", 1)); // 0.9 s, rounded up
        assertThat(throttle.check("mallory", "10.0.0.8")).isEmpty();
    }

    @Test
    void aUserNameOnManyLinesIsNamedOnOne() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            throttle.failed("eve\nroot", "10.0.0.1");
        }
        assertThat(throttle.check("eve\nroot", "10.0.0.1")).hasValueSatisfying(refusal ->
                assertThat(refusal.message()).isEqualTo("too many failed sign-ins as 'eve root': try again in 1 s"));
    }

    @Test
    void secondsAreRoundedUp() {
        assertThat(LoginThrottle.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginThrottle.seconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(LoginThrottle.seconds(Duration.ofMillis(2_001))).isEqualTo(3);
    }

    /** A clock the test moves. */
}
