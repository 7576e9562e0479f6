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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After the application stops (SIGTERM to its JVM, as a service manager or Ctrl-C does), no R or
 * Rserve process it started is left: an application JVM ({@link #main}) computes with R methods of
 * the registry and never closes the runtime; the JVM shutdown hook of the shared runtime does.
 */
class ApplicationStopTest {

    @Test
    void stoppingTheApplicationEndsEveryRProcessItStarted() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process app = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ApplicationStopTest.class.getName()).redirectErrorStream(true).start();
        List<ProcessHandle> r = new ArrayList<>();
        String command = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
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
            assertThat(line).isEqualTo("ready");
            // Rserve and the busy session run; of Rserve's children listed (2 sessions and any connection
            // Rserve forked for a moment, e.g. a probe on a loaded machine) some may have ended already
            assertThat(r).hasSizeGreaterThanOrEqualTo(3);
            assertThat(r.subList(0, 2)).allMatch(RProcesses::running);
            assertThat(ProcessHandle.of(r.get(0).pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(app.pid());

            app.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        assertThat(r).noneMatch(RProcesses::running);
        String serverCommand = command;
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").equals(serverCommand))).isEmpty();
    }

    /** The application: two concurrent R computations, then it waits to be stopped. */
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
        ProcessHandle server = RRuntime.shared().serverProcess().orElseThrow();
        System.out.println("pid " + server.pid());
        System.out.println("command " + server.info().commandLine().orElse(""));
        System.out.println("pid " + busy);
        server.descendants().forEach(p -> System.out.println("pid " + p.pid()));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
