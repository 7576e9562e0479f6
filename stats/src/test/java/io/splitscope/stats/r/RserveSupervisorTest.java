package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Keeping one Rserve running: starting, restarting after it died, and stopping (real GNU R). */
class RserveSupervisorTest {

    private final RProcesses processes = new RProcesses();
    private final List<RserveProcess> ended = new CopyOnWriteArrayList<>();

    private RserveSupervisor supervisor(Path r) {
        return new RserveSupervisor(RRuntime.Options.defaults().withRExecutable(r), processes, ended::add, () -> { });
    }

    /** Ends the server and every process seen, as the runtime's close does. */
    private void end(Optional<RserveProcess> server) {
        processes.endAll(processes.all(List.of(), server), server);
    }

    @Test
    void withoutRNothingStarts() {
        RserveSupervisor supervisor = supervisor(Path.of("/nonexistent/bin/R"));

        assertThatThrownBy(supervisor::server).isInstanceOf(RUnavailableException.class)
                .hasMessage(RRuntime.R_NOT_INSTALLED);
        assertThat(supervisor.starts()).isZero();
        assertThat(supervisor.running()).isEmpty();
    }

    @Test
    void startsOnceRestartsADeadServerAndEndsItsSessions() throws Exception {
        RserveSupervisor supervisor = supervisor(null);
        RserveProcess first = supervisor.server();
        try {
            assertThat(supervisor.server()).isSameAs(first);
            assertThat(supervisor.starts()).isEqualTo(1);
            assertThat(supervisor.isCurrent(first)).isTrue();

            first.process.destroyForcibly().waitFor();
            RserveProcess second = supervisor.server();

            assertThat(second).isNotSameAs(first);
            assertThat(supervisor.starts()).isEqualTo(2);
            assertThat(supervisor.isCurrent(first)).isFalse();
            assertThat(ended).contains(first);
        } finally {
            end(supervisor.stop());
        }
    }

    @Test
    void onceStoppedItHandsOverTheServerAndStartsNothing() throws Exception {
        RserveSupervisor supervisor = supervisor(null);
        RserveProcess server = supervisor.server();

        Optional<RserveProcess> last = supervisor.stop();
        end(last);

        assertThat(last).contains(server);

        assertThat(server.alive()).isFalse();
        assertThat(supervisor.isCurrent(server)).isFalse();
        assertThat(supervisor.stop()).isEmpty();
        assertThatThrownBy(supervisor::server).isInstanceOf(RUnavailableException.class)
                .hasMessage("The R runtime is closed.");
    }
}
