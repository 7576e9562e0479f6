package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The R runtime with real GNU R: finding R, starting, pooling, time-outs, restarts and cleanup. */
class RRuntimeTest {

    private static final RMethod<?> R_WELCH_T = (RMethod<?>) ComparisonMethods.byId("r_welch_t");
    private static final Moments CONTROL = Moments.of(1, 2, 3, 4, 5);
    private static final Moments TREATMENT = Moments.of(2, 3, 4, 5, 7);

    private static RRuntime.Options options() {
        return RRuntime.Options.defaults().withRExecutable(null).withPoolSize(2);
    }

    @SuppressWarnings("unchecked")
    private static ComparisonResult rWelch(RRuntime runtime) {
        return ((RMethod<Moments>) R_WELCH_T.withRuntime(() -> runtime)).compare(CONTROL, TREATMENT);
    }

    @Test
    void withoutRMethodsInRFailWithTheReasonAndJavaMethodsWork() {
        try (RRuntime runtime = new RRuntime(options().withRExecutable(Path.of("/nonexistent/bin/R")))) {
            ComparisonResult r = rWelch(runtime);

            assertThat(r.status()).isEqualTo(ResultStatus.METHOD_FAILED);
            assertThat(r.reason()).isEqualTo("R is not installed (apt-get install r-base-core r-cran-rserve)");
            assertThat(r.controlValue()).isNull();
            assertThat(r.pValue()).isNull();
            assertThat(runtime.availability()).isEqualTo(new RRuntime.Availability(false, RRuntime.R_NOT_INSTALLED));
            assertThat(runtime.processes()).isEmpty();
            assertThat(ComparisonMethods.byId("welch_t", Moments.class).compare(CONTROL, TREATMENT).isOk()).isTrue();
        }
    }

    @Test
    void withoutTheRservePackageTheReasonSaysSo(@TempDir Path dir) throws Exception {
        // real R with its site library (where Debian's r-cran-rserve lives) hidden
        Path r = dir.resolve("R");
        Files.writeString(r, "#!/bin/sh\nR_LIBS_SITE=" + dir + " R_LIBS_USER=" + dir + " R_LIBS=" + dir
                + " exec " + locateR() + " \"$@\"\n");
        Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RRuntime runtime = new RRuntime(options().withRExecutable(r))) {
            ComparisonResult result = rWelch(runtime);

            assertThat(result.status()).isEqualTo(ResultStatus.METHOD_FAILED);
            assertThat(result.reason()).isEqualTo(RRuntime.RSERVE_NOT_INSTALLED)
                    .contains("apt-get install r-base-core r-cran-rserve");
            assertThat(rWelch(runtime).reason()).isEqualTo(RRuntime.RSERVE_NOT_INSTALLED); // remembered
            assertThat(runtime.processes()).isEmpty();
        }
    }

    @Test
    void startsOnceHealthChecksAndReusesTheSession() throws Exception {
        try (RRuntime runtime = new RRuntime(options())) {
            RRuntime.Availability availability = runtime.availability();
            assertThat(availability.available()).isTrue();
            assertThat(availability.detail()).startsWith("R version ").contains(", Rserve ");

            long first = runtime.call(RSession::pid);
            long second = runtime.call(RSession::pid);
            int rPid = runtime.call(s -> s.eval("Sys.getpid()").asInteger());
            assertThat(second).isEqualTo(first).isEqualTo(rPid);
            assertThat(runtime.starts()).isEqualTo(1);
            ProcessHandle server = runtime.serverProcess().orElseThrow();
            assertThat(ProcessHandle.of(first).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(server.pid());
            assertThat(server.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            assertThat(server.info().commandLine().orElse("")).contains("--slave --file=/").contains("splitscope-rserve-");
            assertThat(rWelch(runtime).isOk()).isTrue();
        }
    }

    @Test
    void eachConcurrentCallHasASessionOfItsOwnUpToThePoolSize() throws Exception {
        try (RRuntime runtime = new RRuntime(options())) {
            runtime.availability();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            Set<Long> pids = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Double>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> runtime.call(s -> {
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        pids.add(s.pid());
                        s.connection().assign("k", new org.rosuda.REngine.REXPDouble(k));
                        double v = s.eval("{ Sys.sleep(0.3); k * 2 }").asDouble();
                        running.decrementAndGet();
                        return v;
                    })));
                }
                for (int i = 0; i < 4; i++) {
                    assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(2.0 * i);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(maxRunning.get()).isEqualTo(2);
            assertThat(pids).hasSize(2);
            assertThat(runtime.starts()).isEqualTo(1);
        }
    }

    @Test
    void aCallOverTheTimeLimitFailsAndTheNextOneWorks() throws Exception {
        try (RRuntime runtime = new RRuntime(options().withEvalTimeout(Duration.ofMillis(700)))) {
            long before = runtime.call(RSession::pid);

            assertThatThrownBy(() -> runtime.call(s -> s.eval("{ Sys.sleep(5); 1 }")))
                    .isInstanceOf(RUnavailableException.class)
                    .hasMessage("R took longer than the time limit of 0.7 s (splitscope.r.timeout) and was stopped.");
            awaitExit(before);

            double two = runtime.call(s -> s.eval("1 + 1").asDouble());
            assertThat(two).isEqualTo(2.0);
            assertThat(runtime.starts()).isEqualTo(1);
        }
    }

    @Test
    void anRErrorKeepsTheSession() throws Exception {
        try (RRuntime runtime = new RRuntime(options())) {
            long pid = runtime.call(RSession::pid);
            assertThatThrownBy(() -> runtime.call(s -> s.eval("stop('boom')")))
                    .isInstanceOf(RUnavailableException.class).hasMessageStartingWith("R reported an error: ");
            assertThat(runtime.call(RSession::pid)).isEqualTo(pid);
        }
    }

    @Test
    void restartsRserveWhenItDiedBetweenCalls() throws Exception {
        try (RRuntime runtime = new RRuntime(options())) {
            assertThat(rWelch(runtime).isOk()).isTrue();
            ProcessHandle first = runtime.serverProcess().orElseThrow();
            first.destroyForcibly();
            awaitExit(first.pid());

            assertThat(rWelch(runtime).isOk()).isTrue();
            assertThat(runtime.starts()).isEqualTo(2);
            assertThat(runtime.serverProcess().orElseThrow().pid()).isNotEqualTo(first.pid());
        }
    }

    @Test
    void afterCloseNoRProcessIsLeftNotEvenOrphansOfAKilledRserve() throws Exception {
        RRuntime runtime = new RRuntime(options().withPoolSize(3));
        List<ProcessHandle> seen = new ArrayList<>();
        String firstCommand;
        // Three sessions open at once: three children of Rserve.
        CountDownLatch inside = new CountDownLatch(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> runtime.call(s -> {
                    inside.countDown();
                    s.eval("Sys.sleep(0.2)");
                    return s.pid();
                })));
            }
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            ProcessHandle server = runtime.serverProcess().orElseThrow();
            firstCommand = server.info().commandLine().orElseThrow();
            seen.add(server);
            seen.addAll(server.descendants().toList());
            for (Future<Long> f : futures) {
                seen.add(ProcessHandle.of(f.get(10, TimeUnit.SECONDS)).orElseThrow());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
        // Kill only the Rserve parent while its three sessions are open and idle: Rserve's children
        // outlive it (re-parented to init), so they are no longer our descendants.
        ProcessHandle server = runtime.serverProcess().orElseThrow();
        server.destroyForcibly();
        awaitExit(server.pid());
        // A new analysis restarts Rserve and opens a session there.
        assertThat(rWelch(runtime).isOk()).isTrue();
        ProcessHandle restarted = runtime.serverProcess().orElseThrow();
        seen.add(restarted);
        seen.addAll(restarted.descendants().toList());
        String secondCommand = restarted.info().commandLine().orElseThrow();

        runtime.close();

        assertThat(seen).noneMatch(RProcesses::running);
        assertThat(runtime.processes()).isEmpty();
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("splitscope-rserve-"))
                .filter(p -> List.of(firstCommand, secondCommand).contains(p.info().commandLine().orElse(""))))
                .isEmpty();
        // Rserve's children run with their parent's command line (fork without exec): none of
        // either server's is left anywhere on the machine.
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> List.of(firstCommand, secondCommand).contains(p.info().commandLine().orElse(""))))
                .isEmpty();
        assertThat(rWelch(runtime).reason()).isEqualTo("The R runtime is closed.");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> options().withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options().withEvalTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Waits until the process has exited (it was ended), at most 5 s. */
    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(pid).map(RProcesses::running).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ProcessHandle.of(pid).map(RProcesses::running).orElse(false)).as("process " + pid).isFalse();
    }

    private static Path locateR() {
        for (String dir : (System.getenv("PATH") + ":/usr/bin:/usr/local/bin").split(":")) {
            Path r = Path.of(dir, "R");
            if (!dir.isBlank() && Files.isExecutable(r)) {
                return r;
            }
        }
        throw new AssertionError("R is not installed: run build/ensure-test-tools.sh");
    }
}
