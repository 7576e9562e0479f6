package io.splitscope.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.Signed;
import io.splitscope.app.audit.AuditLog;
import io.splitscope.app.security.Role;
import io.splitscope.stats.decision.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Analysts write the team's record — all of a change or nothing — stored, audited and read back after a restart; viewers cannot. */
class ExperimentRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final Conclusion ROLL_BACK = new Conclusion(Recommendation.ROLL_BACK, null, "Cancel rate up by a quarter.");

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ExperimentRecords open(ResultsStore store) {
        return new ExperimentRecords(store, new AuditLog(dir.resolve("audit.log"), Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anAnalystsChangesAreStoredAuditedAndReadBackAfterARestart() throws Exception {
        Path file = dir.resolve("results.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            ExperimentRecords records = open(store);
            signIn("ann", Role.ANALYST);
            ExperimentRecord written = records.write("exp_price",
                    new RecordChanges(RecordStatus.DECIDED, ROLL_BACK, List.of("pricing"), "Finance agrees."));
            assertThat(written.teamStatus()).contains(new Signed<>(RecordStatus.DECIDED, "ann", NOW));
            ExperimentRecord same = records.write("exp_price", new RecordChanges(RecordStatus.DECIDED, ROLL_BACK, List.of("pricing"), null));
            assertThat(same).as("nothing changed: nothing written").isEqualTo(written);
        }
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).containsExactly(
                "2026-12-06T02:00:00Z record user=\"ann\" client=- detail=\"exp_price conclusion {\\\"decision\\\":\\\"roll_back\\\","
                        + "\\\"variant\\\":null,\\\"text\\\":\\\"Cancel rate up by a quarter.\\\"}\"",
                "2026-12-06T02:00:00Z record user=\"ann\" client=- detail=\"exp_price tags [\\\"pricing\\\"]\"",
                "2026-12-06T02:00:00Z record user=\"ann\" client=- detail=\"exp_price note Finance agrees.\"",
                "2026-12-06T02:00:00Z record user=\"ann\" client=- detail=\"exp_price status decided\"");
        try (ResultsStore store = ResultsStore.open(file)) {
            ExperimentRecord read = open(store).of("exp_price");
            assertThat(read.teamConclusion()).contains(new Signed<>(ROLL_BACK, "ann", NOW));
            assertThat(read.tags()).containsExactly("pricing");
            assertThat(read.notes()).containsExactly(new Signed<>("Finance agrees.", "ann", NOW));
            assertThat(open(store).of("exp_autoplay")).isEqualTo(ExperimentRecord.empty("exp_autoplay"));
        }
    }

    @Test
    void aViewerCannotWriteAndABrokenRuleWritesNothing() {
        try (ResultsStore store = ResultsStore.inMemory()) {
            ExperimentRecords records = open(store);
            signIn("vera", Role.VIEWER);
            assertThatThrownBy(() -> records.write("exp_price", RecordChanges.note("hello"))).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("user 'vera' is a viewer: only analysts may write the team's record of an experiment");

            signIn("ann", Role.ANALYST);
            assertThatThrownBy(() -> records.write("exp_price", new RecordChanges(RecordStatus.DECIDED, null, List.of("ok"), "note")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the status of exp_price can be decided only with a conclusion: write the decision taken first");
            assertThatThrownBy(() -> records.write("exp_price", new RecordChanges(null, null, List.of("fine", "not;fine"), null)))
                    .hasMessageStartingWith("tag 'not;fine' may have only letters, digits");
            assertThat(records.of("exp_price").isEmpty()).isTrue();
            assertThat(store.records()).isEmpty();
        }
    }

    private static void signIn(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, "n/a", role.authorities()));
    }
}
