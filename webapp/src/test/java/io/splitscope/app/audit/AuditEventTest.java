package io.splitscope.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An {@link AuditEvent}'s line: one line whatever the user typed. */
class AuditEventTest {

    private static final Instant T = Instant.parse("2026-12-05T08:04:18.123Z");

    @Test
    void isOneLineWithTimeActionUserClientAndDetail() {
        assertThat(new AuditEvent(T, AuditAction.LOGIN_FAILED, "alice", "127.0.0.1", "wrong user name or password").line())
                .isEqualTo("2026-12-05T08:04:18.123Z login-failed user=\"alice\" client=127.0.0.1 detail=\"wrong user name or password\"");
    }

    @Test
    void escapesWhatCouldEndTheLineOrTheQuotes() {
        String line = new AuditEvent(T, AuditAction.LOGIN, "a\"b\\c\nd\re\tf\u2028g\u0007", "::1\nx", "-").line();

        assertThat(line).isEqualTo("2026-12-05T08:04:18.123Z login user=\"a\\\"b\\\\c\\nd\\re\\tf\\u2028g\\u0007\" client=::1?x detail=\"-\"");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void needsEveryPart() {
        assertThatThrownBy(() -> new AuditEvent(T, AuditAction.ANALYSIS, null, "-", "x")).hasMessage("user");
    }
}
