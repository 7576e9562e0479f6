package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening, lending and ending R sessions on a real Rserve. */
class RSessionPoolTest {

    private final RProcesses processes = new RProcesses();
    private final RSessionPool pool = new RSessionPool(processes, Duration.ofSeconds(30));
    private RserveProcess server;

    @BeforeEach
    void startRserve() throws RUnavailableException {
        server = RserveProcess.start(RExecutable.locate(null).orElseThrow(), Duration.ofSeconds(60), processes::add);
    }

    @AfterEach
    void endRserve() {
        Set<ProcessHandle> all = processes.all(pool.processes(), Optional.of(server));
        pool.closeAll();
        processes.endAll(all, Optional.of(server));
    }

    /** Asserts that the process ends within 5 s (Rserve reaps its children). */
    private static void assertEnded(ProcessHandle process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (RProcesses.running(process) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(RProcesses.running(process)).as("process " + process.pid()).isFalse();
    }

    @Test
    void aNewSessionHasTheRuntimeLoadedAndAGivenBackOneIsLentAgain() throws Exception {
        RSession session = pool.borrow(server);

        assertThat(session.eval("exists('welch_test') && exists('.splitscope_call')").asInteger()).isEqualTo(1);
        assertThat(session.pid()).isEqualTo(session.eval("Sys.getpid()").asInteger());
        assertThat(pool.processes()).containsExactly(session.process());

        pool.giveBack(session);
        assertThat(pool.borrow(server)).isSameAs(session);
    }

    @Test
    void aDiscardedSessionEndsItsRProcessAndOnlyItsOwn() throws Exception {
        RSession discarded = pool.borrow(server);
        RSession kept = pool.borrow(server);

        pool.discard(discarded);

        assertEnded(discarded.process());
        assertThat(pool.processes()).containsExactly(kept.process());
    }

    @Test
    void theIdleSessionsOfADeadServerEndAndAreNotLentAgain() throws Exception {
        RSession idle = pool.borrow(server);
        pool.giveBack(idle);

        pool.endSessionsOf(server);

        assertEnded(idle.process());
        assertThat(idle.usable()).isFalse();
        assertThat(pool.borrow(server)).isNotSameAs(idle);
    }

    @Test
    void aServerThatDoesNotAnswerGivesAOneLineReason() throws Exception {
        server.process.destroyForcibly().waitFor();

        assertThatThrownBy(() -> pool.borrow(server)).isInstanceOf(RUnavailableException.class)
                .hasMessageStartingWith("Could not open an R session on Rserve (port " + server.port + "): ");
        assertThat(pool.processes()).isEmpty();
    }

    @Test
    void closeAllClosesEveryConnection() throws Exception {
        List<RSession> sessions = List.of(pool.borrow(server), pool.borrow(server));

        pool.closeAll();

        assertThat(sessions).noneMatch(s -> s.connection().isConnected());
        assertThat(pool.processes()).isEmpty();
    }
}
