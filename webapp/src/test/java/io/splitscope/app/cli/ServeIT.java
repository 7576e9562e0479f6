package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.security.UsersConfigurationException;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code serve} end to end: it refuses to start without users, says who the demo users are, takes
 * users from a configuration file, and keeps scorecards in the results store across restarts.
 */
class ServeIT {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutUsers() {
        CommandLineRun run = CommandLineRun.of("serve", "--warehouse", GoldenWarehouse.folder().toString(), "--port", "18099");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("splitscope: error: no users to sign in with: start with --demo-users")
                .contains("--config FILE", "splitscope.users[0].name=", "splitscope.users[0].role=ANALYST"));
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void refusesAConfigFileWithABadUser() throws IOException {
        Path config = Files.writeString(dir.resolve("users.properties"), """
                splitscope.users[0].name=alice
                splitscope.users[0].password=plain
                splitscope.users[0].role=ANALYST
                """);

        CommandLineRun run = CommandLineRun.of("serve", "--warehouse", GoldenWarehouse.folder().toString(), "--port", "18099",
                "--config", config.toString());

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.lastErrorLine()).isEqualTo("splitscope: error: user 'alice' (splitscope.users[0]): the password must name"
                + " its encoding, {bcrypt}$2a$10$... or {noop}plain-text");
    }

    @Test
    void refusesPlainTextPasswordsOutsideDemoMode() throws IOException {
        Path config = Files.writeString(dir.resolve("users.properties"), """
                splitscope.users[0].name=bob
                splitscope.users[0].password={noop}not-a-secret
                splitscope.users[0].role=VIEWER
                """);

        assertThatThrownBy(() -> SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString()).withPort(0)
                .withConfigFile(config).withResultsLocation("memory")).close())
                .isInstanceOf(UsersConfigurationException.class)
                .hasMessage("user 'bob' (splitscope.users[0]): a plain-text {noop} password is refused outside demo mode;"
                        + " hash it with ./splitscope hash-password and give {bcrypt}$2a$10$...");
    }

    @Test
    void listensOnLoopbackOnlyUnlessToldOtherwise() throws IOException {
        InetAddress outside = nonLoopbackAddress();
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withDemoUsers(true).withResultsLocation("memory"))) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThat(reachable(outside, port)).as("reachable at " + outside).isFalse();
        }
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withDemoUsers(true).withResultsLocation("memory").withBind(InetAddress.getByName("0.0.0.0")))) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(reachable(outside, port)).as("reachable at " + outside).isTrue();
        }
    }

    @Test
    void refusesABindAddressThatIsNotOne() {
        CommandLineRun run = CommandLineRun.of("serve", "--warehouse", GoldenWarehouse.folder().toString(), "--demo-users",
                "--bind", "example.com");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr().lines().findFirst())
                .contains("splitscope: option --bind needs an IP address such as 127.0.0.1 or 0.0.0.0, not 'example.com'");
    }

    @Test
    void logsTheDemoUsersByNameAndPassword() {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(console, captured), true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withDemoUsers(true).withResultsLocation("memory"))) {
            String base = TestHttp.base(app);
            assertThat(TestHttp.to(base).get("/api/experiments", "analyst", "analyst").statusCode()).isEqualTo(200);
        } finally {
            System.setOut(console);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("Demo users (--demo-users): user 'viewer' with password 'viewer' (VIEWER), user 'analyst' with password 'analyst' (ANALYST)");
    }

    @Test
    void usersFromAConfigFileSignInAndTheDemoUsersDoNot() throws IOException {
        Path config = Files.writeString(dir.resolve("splitscope.properties"), """
                splitscope.users[0].name=alice
                splitscope.users[0].password={bcrypt}%s
                splitscope.users[0].role=ANALYST
                splitscope.results.location=%s
                """.formatted(new BCryptPasswordEncoder(4).encode("wonderland"), dir.resolve("results")));

        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString())
                .withPort(0).withConfigFile(config))) {
            TestHttp http = TestHttp.to(TestHttp.base(app));
            assertThat(http.get("/api/experiments", "alice", "wonderland").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/experiments", "alice", "alice").statusCode()).isEqualTo(401);
            assertThat(http.get("/api/experiments", "viewer", "viewer").statusCode()).isEqualTo(401);
            assertThat(http.postAs("/api/experiments/exp_autoplay/analyses", "alice", "wonderland").statusCode()).isEqualTo(202);
        }
        assertThat(dir.resolve("results").resolve(ResultsStore.FILE_NAME)).exists(); // the config file's results location
    }

    @Test
    void aStoredScorecardIsReadBackAfterARestartWithoutBeingRecomputed() throws IOException {
        Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
        try (var tables = Files.list(GoldenWarehouse.folder())) {
            for (Path table : tables.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(table, warehouse.resolve(table.getFileName()));
            }
        }
        ServeSettings settings = ServeSettings.of(warehouse.toString()).withPort(0).withDemoUsers(true);
        String path = "/api/experiments/exp_autoplay/scorecard?method=cuped";

        String first;
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(settings)) {
            HttpResponse<String> computed = TestHttp.to(TestHttp.base(app)).get(path, "analyst", "analyst"); // a viewer then reads it
            assertThat(computed.headers().firstValue("X-Splitscope-Stale")).contains("false");
            first = computed.body();
        }
        assertThat(warehouse.resolve(ResultsStore.FILE_NAME)).exists(); // next to the warehouse's tables
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(settings)) {
            HttpResponse<String> again = TestHttp.to(TestHttp.base(app)).get(path, "viewer", "viewer");
            assertThat(again.body()).isEqualTo(first); // computed_at and all: read from the store
            assertThat(again.headers().firstValue("X-Splitscope-Stale")).contains("false");
        }
        // A changed table makes the stored scorecard stale, until it is computed again.
        Files.setLastModifiedTime(warehouse.resolve("members.csv"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(settings)) {
            HttpResponse<String> stale = TestHttp.to(TestHttp.base(app)).get(path, "viewer", "viewer");
            assertThat(stale.body()).isEqualTo(first);
            assertThat(stale.headers().firstValue("X-Splitscope-Stale")).contains("true");
        }
    }

    /** This machine's first address that is not loopback (the one another machine would connect to). */
    private static InetAddress nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(UncheckedUp::isUp).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst()
                .orElseThrow(() -> new org.opentest4j.TestAbortedException("this machine has no address but loopback"));
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@link NetworkInterface#isUp()} without its checked exception. */
    private static final class UncheckedUp {
        static boolean isUp(NetworkInterface network) {
            try {
                return network.isUp();
            } catch (java.net.SocketException e) {
                return false;
            }
        }
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
