package io.splitscope.sql.trino;

import io.splitscope.sql.ThrowawayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway single-node Trino for integration tests: the server ({@code io.trino:trino-server-core}
 * tar.gz) and the memory connector ({@code io.trino:trino-memory} zip) as Maven unpacks them from
 * Maven Central before the integration tests (the parent POM's {@code unpack-trino} execution, into
 * the folder the system property {@value #DIST_PROPERTY} names), run by a JDK 24 or newer
 * ({@code JAVA_HOME} when it is one, else the newest under {@code /usr/lib/jvm}) as one coordinator
 * that also runs the tasks, on 127.0.0.1 and a free port, with one catalog {@value #CATALOG}.
 *
 * <p>Register it on a test class; it starts before the class's tests and is stopped and its folder
 * deleted after them whatever happens:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TrinoServer TRINO = new TrinoServer();
 *
 * @Test
 * void works() {
 *     String url = TRINO.createSchema("golden"); // jdbc:trino://127.0.0.1:PORT/memory/golden?user=splitscope
 * }
 * }</pre>
 *
 * <p>No Trino outlives the tests: {@link #close} (after the class, and from a shutdown hook should
 * the JVM end first) stops it, and the server runs under a small shell that ends it as soon as
 * the test JVM's end of its standard input closes, which happens even when the test JVM is killed
 * outright. Shared with other modules' tests through this module's test-jar.
 */
public final class TrinoServer extends ThrowawayServer {

    /** The system property naming the folder Maven unpacked the server and plugins into. */
    public static final String DIST_PROPERTY = "splitscope.trino.dist";
    /** The only catalog: Trino's memory connector. */
    public static final String CATALOG = "memory";
    /** The user of the JDBC URLs (no authentication). */
    public static final String USER = "splitscope";

    private static final int MIN_JAVA = 24;
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /** Trino's heap: the memory connector holds the tables in it. */
    private static final String HEAP = System.getProperty("splitscope.trino.heap", "2G");

    private Path folder;
    private Process process;

    /**
     * Writes the configuration and starts the server; returns when it answers queries.
     *
     * @throws IllegalStateException when the server is not unpacked, no JDK 24+ is found, or it does
     *                               not start (with the end of its log)
     */
    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Path dist = distribution();
        Path lib = onlyChild(dist, "trino-server-core-").resolve("lib");
        Path memoryPlugin = onlyChild(dist, "trino-memory-");
        Path java = findJava();
        try {
            folder = Files.createTempDirectory("splitscope-trino-");
            stopAtShutdown();
            Files.createDirectories(folder.resolve("plugin"));
            Files.createSymbolicLink(folder.resolve("plugin").resolve(CATALOG), memoryPlugin.toAbsolutePath());
            Files.createDirectories(folder.resolve("etc/catalog"));
            Files.writeString(folder.resolve("etc/catalog").resolve(CATALOG + ".properties"),
                    "connector.name=memory\nmemory.max-data-per-node=1GB\n");
            startOnFreePort(java, lib);
        } catch (IOException e) {
            stopAndDelete();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopAndDelete();
            throw e;
        }
    }

    /** The port can be taken between choosing it and binding it: try a few. */
    private void startOnFreePort(Path java, Path lib) throws IOException {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = choosePort();
            Files.writeString(folder.resolve("etc/config.properties"), String.join("\n",
                    "coordinator=true",
                    "node-scheduler.include-coordinator=true",
                    "http-server.http.port=" + port,
                    "discovery.uri=http://127.0.0.1:" + port,
                    "query.max-memory=1GB",
                    "query.max-memory-per-node=1GB",
                    "catalog.config-dir=" + folder.resolve("etc/catalog"),
                    "plugin.dir=" + folder.resolve("plugin"),
                    // a test server on 2 cores: fewer threads per task than a production node
                    "task.concurrency=2",
                    "query.min-expire-age=1m",
                    ""));
            List<String> server = new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+UseG1GC",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:ReservedCodeCacheSize=256M", "-Djdk.attach.allowAttachSelf=true",
                    "-XX:+EnableDynamicAgentLoading", "-Dfile.encoding=UTF-8",
                    "-Dnode.environment=test", "-Dnode.id=splitscope-test", "-Dnode.data-dir=" + folder.resolve("data"),
                    "-Dnode.bind-ip=127.0.0.1", "-Dnode.internal-address=127.0.0.1",
                    "-Dconfig=" + folder.resolve("etc/config.properties"),
                    "-cp", lib.toAbsolutePath() + "/*", "io.trino.server.TrinoServer"));
            // The shell ends the server when its standard input (the test JVM's pipe) closes: on
            // close(), and when the test JVM dies without running its shutdown hooks. (A background
            // list reads /dev/null unless told otherwise: hence the pipe's copy on descriptor 3.)
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                    "exec 3<&0; \"$@\" </dev/null 3<&- & server=$!; "
                            + "{ cat <&3 >/dev/null; kill $server 2>/dev/null; } & exec 3<&-; wait $server",
                    "trino-server"));
            command.addAll(server);
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("console.log").toFile()).start();
            try {
                long started = System.nanoTime();
                awaitReady();
                System.err.printf("TrinoServer: Trino answers on 127.0.0.1:%d after %.1f s (%s)%n", port,
                        (System.nanoTime() - started) / 1e9, folder);
                return;
            } catch (IllegalStateException e) {
                failure = e;
                stopProcess();
                if (!log().contains("Address already in use")) {
                    break;
                }
            }
        }
        throw failure;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        String lastError = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino ended while starting (exit " + process.exitValue() + ")" + logTail());
            }
            try (Connection connection = connect(jdbcUrl(CATALOG, "information_schema"));
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT count(*) FROM system.runtime.nodes");
                return;
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            sleep(500);
        }
        throw new IllegalStateException("Trino did not answer within " + START_TIMEOUT_SECONDS + " s (last error: "
                + lastError + ")" + logTail());
    }

    /** Creates a schema in the memory catalog and returns its JDBC URL (user {@value #USER}). */
    public String createSchema(String name) {
        execute("CREATE SCHEMA " + CATALOG + ".\"" + name.replace("\"", "\"\"") + "\"");
        return jdbcUrl(CATALOG, name);
    }

    /** Runs one statement (DDL, DML) as {@value #USER}. */
    public void execute(String sql) {
        try (Connection connection = connect(jdbcUrl(CATALOG, "information_schema"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Trino refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a schema ({@code jdbc:trino://127.0.0.1:PORT/catalog/schema?user=splitscope}). */
    public String jdbcUrl(String catalog, String schema) {
        if (process == null) {
            throw new IllegalStateException("the Trino server is not started");
        }
        return "jdbc:trino://127.0.0.1:" + port() + "/" + catalog + "/" + schema + "?user=" + USER;
    }

    /** The server's process id, while it runs (to check that nothing outlives the tests). */
    public Optional<Long> pid() {
        Process running = process;
        return running == null ? Optional.empty()
                : running.descendants().filter(p -> p.info().commandLine().orElse("").contains("io.trino.server.TrinoServer"))
                        .map(ProcessHandle::pid).findFirst();
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("timezone", "UTC");
        return new io.trino.jdbc.TrinoDriver().connect(url, properties);
    }

    @Override
    protected synchronized void stopAndDelete() {
        try {
            stopProcess();
        } finally {
            if (folder != null) {
                deleteRecursively(folder);
                folder = null;
            }
        }
    }

    /**
     * Closes the shell's standard input, which makes it end the server (SIGTERM: Trino shuts down
     * in a second or two); kills whatever is left after {@value #STOP_TIMEOUT_SECONDS} s.
     */
    private void stopProcess() {
        Process running = process;
        if (running == null) {
            return;
        }
        process = null;
        List<ProcessHandle> tree = new ArrayList<>(running.descendants().toList());
        try {
            running.getOutputStream().close();
        } catch (IOException ignored) {
            // the shell is gone already
        }
        try {
            if (!running.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("TrinoServer: Trino did not stop within " + STOP_TIMEOUT_SECONDS + " s; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        for (ProcessHandle handle : tree) {
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }

    /** The folder Maven unpacked the server and plugins into. */
    private static Path distribution() {
        String configured = System.getProperty(DIST_PROPERTY);
        Path dist = configured == null || configured.isBlank() ? null : Path.of(configured);
        if (dist == null || !Files.isDirectory(dist)) {
            throw new IllegalStateException("the Trino server is not unpacked" + (dist == null ? " (the system property "
                    + DIST_PROPERTY + " is not set)" : " in " + dist) + ": run the integration tests through Maven "
                    + "(e.g. './mvnw -pl sql verify'), whose pre-integration-test phase resolves io.trino:trino-server-core "
                    + "and io.trino:trino-memory from Maven Central and unpacks them");
        }
        return dist;
    }

    private static Path onlyChild(Path dist, String prefix) {
        try (Stream<Path> children = Files.list(dist)) {
            return children.filter(child -> child.getFileName().toString().startsWith(prefix) && Files.isDirectory(child))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "* folder in " + dist
                            + ": the unpacked Trino server is incomplete; delete " + dist + " and run the tests again"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code java} of a JDK 24 or newer, found as {@code ./splitscope} finds a JDK: {@code JAVA_HOME}
     * when it is one, else the newest under {@code /usr/lib/jvm}.
     */
    static Path findJava() {
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && featureVersion(Path.of(javaHome)) >= MIN_JAVA) {
            return Path.of(javaHome, "bin", "java");
        }
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(JVM_DIRECTORY)) {
            try (Stream<Path> jdks = Files.list(JVM_DIRECTORY)) {
                jdks.forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream().filter(jdk -> featureVersion(jdk) >= MIN_JAVA)
                .max(Comparator.comparingInt(TrinoServer::featureVersion))
                .map(jdk -> jdk.resolve("bin").resolve("java"))
                .orElseThrow(() -> new IllegalStateException("Trino " + "needs Java " + MIN_JAVA + " or newer, and none was "
                        + "found (JAVA_HOME=" + (javaHome == null ? "unset" : javaHome) + ", none in " + JVM_DIRECTORY
                        + "); install one (e.g. Temurin 25) or set JAVA_HOME to it"));
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    /** The feature version of the JDK at {@code home} (its {@code release} file), 0 when it is none. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }


    private String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("console.log")) {
            Path file = folder == null ? null : folder.resolve(name);
            try {
                if (file != null && Files.exists(file)) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the log is only for the message
            }
        }
        return text.toString();
    }

    private String logTail() {
        List<String> lines = log().lines().toList();
        return lines.isEmpty() ? "" : "\nend of the server log:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Trino", e);
        }
    }

}
