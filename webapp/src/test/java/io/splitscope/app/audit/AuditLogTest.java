package io.splitscope.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditLog}: appends one line per event to its file (creating its folder); outside a request the client is {@code -}. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerEvent() throws IOException {
        Path file = dir.resolve("results").resolve(AuditLog.FILE_NAME);
        AuditLog log = new AuditLog(file, Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC));

        log.record(AuditAction.LOGIN, "alice", "10.0.0.1", "log-in form");
        log.record(AuditAction.ANALYSIS, "system", "exp_price (welch_t) job 1");

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "2026-12-05T08:00:00Z login user=\"alice\" client=10.0.0.1 detail=\"log-in form\"",
                "2026-12-05T08:00:00Z analysis user=\"system\" client=- detail=\"exp_price (welch_t) job 1\"");
    }

    @Test
    void withoutAFileItOnlyLogs() {
        AuditLog log = new AuditLog(null, Clock.systemUTC());

        log.record(AuditAction.LOGIN_FAILED, "alice", "10.0.0.1", "wrong user name or password");

        assertThat(dir).isEmptyDirectory();
    }
}
