package io.splitscope.stats.r;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;
import org.rosuda.REngine.Rserve.RConnection;

/**
 * One Rserve server: GNU R started by us running the resource {@code server.R}
 * ({@code Rserve::run.Rserve} on a loopback port we chose, in the foreground: the R process is the
 * server; Rserve forks one child R process per connection). Started by {@link #start}, which returns
 * only once a connection has been served. The server's standard input is a pipe this JVM holds open
 * while the server runs (the JVM closes it when the server exits, or when the JVM itself ends, also
 * by SIGKILL): R's watchdog ends the server and its sessions when it closes, so that no R process
 * outlives its owner.
 */
final class RserveProcess {

    /** Exit status of the start script when the Rserve package is missing. */
    private static final int NO_RSERVE = 3;

    /** The R code of the server and its watchdog. */
    private static final String SERVER_SCRIPT = RScripts.resource("server.R");

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final Process process;
    final int port;
    final Path log;
    /** e.g. "R version 4.2.2 Patched (2022-11-10 r83330), Rserve 1.8.11". */
    final String version;
    /** R's session temporary directory ({@code tempdir()}), which R removes only when it exits normally. */
    final Path tempDir;

    private RserveProcess(Process process, int port, Path log, String version, Path tempDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.version = version;
        this.tempDir = tempDir;
    }

    long pid() {
        return process.pid();
    }

    /** Whether the server runs (a killed server is a zombie until the JVM reaps it: not running). */
    boolean alive() {
        return RProcesses.running(process.toHandle());
    }

    /** Whether the server still runs, giving a just-killed process a moment to be seen as dead. */
    boolean stillRunning() {
        try {
            return !process.waitFor(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return alive();
        }
    }

    /**
     * Starts R with Rserve on a free loopback port and waits until it serves a connection whose R
     * process is its child (so that a foreign server that took the port in between is never used).
     *
     * @param onStarted called with the process as soon as it is started (before it is healthy), so
     *                  that the caller can end it whatever happens next
     */
    static RserveProcess start(Path r, Duration timeout, java.util.function.Consumer<ProcessHandle> onStarted)
            throws RUnavailableException {
        Path script;
        try {
            script = Files.writeString(Files.createTempFile("splitscope-rserve-", ".R"), SERVER_SCRIPT);
        } catch (IOException e) {
            throw new RUnavailableException("Could not write R's start script: " + e.getMessage(), e);
        }
        try {
            return start(r, script, timeout, onStarted);
        } finally {
            deleteQuietly(script); // R has read it once it serves, and an open file outlives its name
        }
    }

    private static RserveProcess start(Path r, Path script, Duration timeout,
                                       java.util.function.Consumer<ProcessHandle> onStarted)
            throws RUnavailableException {
        String lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            Path log;
            Process process;
            try {
                log = Files.createTempFile("splitscope-rserve-", ".log");
                ProcessBuilder builder = new ProcessBuilder(List.of(r.toString(), "--no-save", "--no-restore",
                        "--slave", "--file=" + script, "--args", Integer.toString(port)));
                builder.redirectErrorStream(true);
                builder.redirectOutput(log.toFile());
                process = builder.start(); // its standard input stays open: the watchdog's pipe
            } catch (IOException e) {
                throw new RUnavailableException("Could not start R (" + r + "): " + e.getMessage(), e);
            }
            onStarted.accept(process.toHandle());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    int status = exitStatus(process);
                    String output = tail(log);
                    deleteQuietly(log);
                    if (status == NO_RSERVE) {
                        throw new RUnavailableException(RRuntime.RSERVE_NOT_INSTALLED);
                    }
                    lastFailure = "R exited with status " + status + " before Rserve accepted connections"
                            + (output.isEmpty() ? "" : ": " + output);
                    break; // e.g. the port was taken in between: try another one
                }
                Optional<String[]> health = probe(process, port);
                if (health.isPresent()) {
                    return new RserveProcess(process, port, log, health.get()[0], Path.of(health.get()[1]));
                }
                if (System.nanoTime() > deadline) {
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    String output = tail(log);
                    deleteQuietly(log);
                    throw new RUnavailableException("Rserve did not accept connections within "
                            + timeout.toSeconds() + " s" + (output.isEmpty() ? "." : ": " + output));
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    deleteQuietly(log);
                    throw new RUnavailableException("Interrupted while starting Rserve.", e);
                }
            }
        }
        throw new RUnavailableException("Could not start Rserve: " + lastFailure);
    }

    /**
     * One health check: connect, ask R for its version, temporary directory and pid, check the pid
     * is a child of {@code process}; the version and the directory if so.
     */
    private static Optional<String[]> probe(Process process, int port) {
        QuietSocket socket = new QuietSocket();
        try {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            socket.setSoTimeout(10_000);
            RConnection c = new RConnection(socket);
            try {
                String[] answer = c.eval("c(paste0(R.version.string, ', Rserve ', packageVersion('Rserve')),"
                        + " tempdir(), Sys.getpid())").asStrings();
                long child = Long.parseLong(answer[2]);
                boolean ours = ProcessHandle.of(child).flatMap(ProcessHandle::parent)
                        .map(p -> p.pid() == process.pid()).orElse(false);
                return ours ? Optional.of(new String[] {answer[0], answer[1]}) : Optional.empty();
            } finally {
                c.close();
            }
        } catch (ConnectException | SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException | REngineException | REXPMismatchException | RuntimeException e) {
            return Optional.empty();
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /**
     * Asks Rserve to shut down (the protocol's shutdown command): R then leaves {@code run.Rserve},
     * ends normally and removes its temporary directory. Returns whether it exited within {@code wait}.
     */
    boolean shutDown(java.time.Duration wait) {
        if (!alive()) {
            return true;
        }
        QuietSocket socket = new QuietSocket();
        try {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            socket.setSoTimeout(2000);
            new RConnection(socket).shutdown();
        } catch (IOException | REngineException | RuntimeException e) {
            // not serving any more: the caller ends it
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed
            }
        }
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes R's temporary directory if R could not (it was killed). */
    void removeTempDir() {
        if (tempDir == null || !tempDir.getFileName().toString().startsWith("Rtmp") || !Files.isDirectory(tempDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(tempDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(RserveProcess::deleteQuietly);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static int freePort() throws RUnavailableException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new RUnavailableException("No free loopback port for Rserve: " + e.getMessage(), e);
        }
    }

    private static int exitStatus(Process process) {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
            return process.exitValue();
        } catch (InterruptedException | IllegalThreadStateException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    /** The last lines of R's output, on one line, for an error message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
