package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After the application stops, no R or Rserve process it started is left: an application JVM
 * ({@link #main}) computes with R methods of the registry, keeps one R session busy and never closes
 * the runtime. Stopped with SIGTERM (as a service manager or Ctrl-C does), the JVM shutdown hook of
 * the shared runtime ends R; killed with SIGKILL (no hook runs), R's own watchdog does.
 */
class ApplicationStopTest {

    @Test
    void stoppingTheApplicationEndsEveryRProcessItStarted() throws Exception {
        RunningApplication application = RunningApplication.start();
        try {
            application.process().destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertThat(application.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            application.process().destroyForcibly();
        }
        assertThat(application.r()).noneMatch(RProcesses::running);
        assertThat(application.serversStillRunning()).isEmpty();
    }

    @Test
    void killingTheApplicationEndsEveryRProcessItStartedToo() throws Exception {
        RunningApplication application = RunningApplication.start();
        application.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up in the JVM
        assertThat(application.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        // the watchdog polls nothing: it wakes when the pipe closes; allow a loaded machine 10 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (application.r().stream().anyMatch(RProcesses::running) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(application.r()).noneMatch(RProcesses::running);
        assertThat(application.serversStillRunning()).isEmpty();
    }

    /**
     * The application JVM once it has said "ready", with the R processes it listed (the server first,
     * then the busy session and the server's other children) and the server's command line.
     */
    private record RunningApplication(Process process, List<ProcessHandle> r, String serverCommand) {

        static RunningApplication start() throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process app = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    ApplicationStopTest.class.getName()).redirectErrorStream(true).start();
            List<ProcessHandle> r = new ArrayList<>();
            String command = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                if (line.startsWith("pid ")) {
                    ProcessHandle.of(Long.parseLong(line.substring(4))).ifPresent(r::add);
                } else if (line.startsWith("command ")) {
                    command = line.substring(8);
                } else {
                    System.err.println("app: " + line);
                }
            }
            if (!"ready".equals(line)) {
                app.destroyForcibly();
            }
            assertThat(line).isEqualTo("ready");
            // Rserve, the busy session and the one that computed run; of Rserve's children listed
            // (those, the watchdog, and any connection Rserve forked for a moment, e.g. a probe on a
            // loaded machine) some may have ended already
            assertThat(r).hasSizeGreaterThanOrEqualTo(3);
            assertThat(r.subList(0, 2)).allMatch(RProcesses::running);
            assertThat(ProcessHandle.of(r.get(0).pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(app.pid());
            return new RunningApplication(app, r, command);
        }

        /** The processes that run the server's command line (its start script is the JVM's own). */
        List<ProcessHandle> serversStillRunning() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").equals(serverCommand))
                    .filter(RProcesses::running).toList();
        }
    }

    /**
     * The application: two concurrent R computations, then one session busy in R for minutes while
     * it waits to be stopped.
     */
    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        var rWelch = (io.splitscope.stats.ComparisonMethod<Moments>) ComparisonMethods.byId("r_welch_t");
        Thread other = Thread.ofPlatform().start(() -> rWelch.compare(Moments.of(1, 2, 3), Moments.of(2, 3, 5)));
        // keep one session busy while the other computes, so that Rserve has two children
        long busy = RRuntime.shared().call(s -> {
            try {
                other.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s.pid();
        });
        ComparisonResult result = rWelch.compare(Moments.of(1, 2, 3), Moments.of(2, 3, 5));
        if (!result.isOk()) {
            System.out.println("failed: " + result.reason());
        }
        CompletableFuture<Long> sleeping = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                RRuntime.shared().call(s -> {
                    sleeping.complete(s.pid());
                    return s.eval("Sys.sleep(300)");
                });
            } catch (RUnavailableException e) {
                sleeping.completeExceptionally(e);
            }
        });
        long computing = sleeping.get(60, TimeUnit.SECONDS);
        ProcessHandle server = RRuntime.shared().serverProcess().orElseThrow();
        System.out.println("pid " + server.pid());
        System.out.println("command " + server.info().commandLine().orElse(""));
        System.out.println("pid " + computing);
        System.out.println("pid " + busy);
        server.descendants().forEach(p -> System.out.println("pid " + p.pid()));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
