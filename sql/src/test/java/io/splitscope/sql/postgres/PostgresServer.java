package io.splitscope.sql.postgres;

import io.splitscope.sql.ThrowawayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for integration tests, made from Debian's PostgreSQL binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}; {@code build/ensure-test-tools.sh} installs them):
 * {@code initdb} in a fresh temporary folder, started with {@code pg_ctl} on a free loopback
 * port (TCP only, no socket file, {@code fsync} off), trust authentication for the superuser
 * {@value #USER}. When the tests run as root, which PostgreSQL refuses, the cluster belongs to the
 * {@code postgres} OS user and its commands run through {@code runuser -u postgres --}.
 *
 * <p>Register it on a test class; it starts before the class's tests and is stopped and deleted
 * after them whatever happens (and by a shutdown hook should the JVM end first):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServer POSTGRES = new PostgresServer();
 *
 * @Test
 * void works() {
 *     String url = POSTGRES.createDatabase("golden"); // jdbc:postgresql://127.0.0.1:PORT/golden?user=splitscope
 * }
 * }</pre>
 *
 * Shared with other modules' tests through this module's test-jar.
 */
public final class PostgresServer extends ThrowawayServer {

    /** The cluster's superuser, which needs no password on loopback. */
    public static final String USER = "splitscope";

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private Path folder;
    private Path binaries;
    private boolean asPostgresUser;

    /**
     * Creates and starts the cluster.
     *
     * @throws IllegalStateException when PostgreSQL is not installed or does not start, with its log
     */
    @Override
    public synchronized void start() {
        if (folder != null) {
            return;
        }
        binaries = findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed (no " + DEBIAN_VERSIONS + "/*/bin/initdb): run build/ensure-test-tools.sh"));
        try {
            folder = Files.createTempDirectory("splitscope-postgres-");
            asPostgresUser = Integer.valueOf(0).equals(Files.getAttribute(folder, "unix:uid"));
            stopAtShutdown();
            if (asPostgresUser) {
                giveToPostgresUser(folder);
            }
            Path data = folder.resolve("data");
            run(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"));
            startOnFreePort(data);
        } catch (IOException e) {
            stopAndDelete();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopAndDelete();
            throw e;
        }
    }

    /** The port can be taken between choosing it and binding it: try a few. */
    private void startOnFreePort(Path data) throws IOException {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = choosePort();
            try {
                run(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                        folder.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=40",
                        "start"));
                return;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Creates a database and returns its JDBC URL (user {@value #USER}, no password). */
    public String createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of a database of this cluster. */
    public String jdbcUrl(String database) {
        if (folder == null) {
            throw new IllegalStateException("the PostgreSQL server is not started");
        }
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=" + USER;
    }

    @Override
    protected synchronized void stopAndDelete() {
        if (folder == null) {
            return;
        }
        Path data = folder.resolve("data");
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop"));
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("PostgresServer: stopping the server in " + folder + " failed: " + e.getMessage());
        } finally {
            deleteRecursively(folder);
            folder = null;
        }
    }

    private static Optional<Path> findBinaries() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(PostgresServer::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }


    private static void giveToPostgresUser(Path path) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(OS_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(OS_USER);
        PosixFileAttributeView attributes = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        attributes.setOwner(user);
        attributes.setGroup(group);
    }

    /** Runs a PostgreSQL command (as the postgres OS user under root); fails with its output. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).directory(folder.toFile()).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed (exit " + process.exitValue() + "): "
                    + output.strip() + serverLog());
        }
    }

    private String serverLog() {
        Path log = folder == null ? null : folder.resolve("server.log");
        try {
            return log != null && Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

}
