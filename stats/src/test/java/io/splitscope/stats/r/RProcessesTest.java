package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tracking and ending the R processes of a runtime (here: plain {@code sleep} processes). */
class RProcessesTest {

    private static Process sleep() throws Exception {
        return new ProcessBuilder("sleep", "60").start();
    }

    @Test
    void aProcessRunsUntilItHasExitedAndBeenReaped() throws Exception {
        Process p = sleep();
        assertThat(RProcesses.running(p.toHandle())).isTrue();

        p.destroyForcibly();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();

        assertThat(RProcesses.running(p.toHandle())).isFalse();
        assertThat(RProcesses.running(ProcessHandle.current())).isTrue();
    }

    @Test
    void allHoldsTheProcessesSeenAndTheSessionsUntilTheEndedAreForgotten() throws Exception {
        RProcesses processes = new RProcesses();
        Process seen = sleep();
        Process session = sleep();
        try {
            processes.add(seen.toHandle());

            assertThat(processes.all(List.of(session.toHandle()), Optional.empty()))
                    .containsExactly(seen.toHandle(), session.toHandle());

            seen.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            processes.forgetEnded();
            assertThat(processes.all(List.of(), Optional.empty())).isEmpty();
        } finally {
            seen.destroyForcibly();
            session.destroyForcibly();
        }
    }

    @Test
    void endAllEndsEveryProcessAndForgetsThem() throws Exception {
        RProcesses processes = new RProcesses();
        Process a = sleep();
        Process b = sleep();
        processes.add(a.toHandle());
        Set<ProcessHandle> victims = processes.all(List.of(b.toHandle()), Optional.empty());

        processes.endAll(victims, Optional.empty());

        assertThat(a.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(victims).noneMatch(RProcesses::running);
        assertThat(processes.all(List.of(), Optional.empty())).isEmpty();
    }
}
