package io.splitscope.app.web;

import io.splitscope.app.api.TestHttp;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web app of {@code ./splitscope demo}, for the browser tests of the experiment page: the
 * streaming demo warehouse at the demo's own size and seed (so a test sees what a newcomer sees),
 * generated and served once per test JVM and shared by every test class that asks for it; it is
 * stopped and deleted when the JVM exits. Users {@code viewer}/{@code viewer} and
 * {@code analyst}/{@code analyst}.
 *
 * <p>Tests that change what the app stores (an analyst's edit) must leave the shared experiments
 * as a later class expects them, or edit an experiment no other class reads.
 */
public final class DemoServer {

    /** The demo's members and seed: the launcher's {@code DEMO_MEMBERS} and {@code DEMO_SEED}. */
    public static final long MEMBERS = 200_000;
    public static final long SEED = 42;
    /** The day the demo judges its experiments on: the launcher's {@code DEMO_TODAY}. */
    public static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    private static String baseUrl;
    private static Path folder;

    private DemoServer() {
    }

    /** The app's address ending in {@code /}, started on first use. */
    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            try {
                folder = Files.createTempDirectory("splitscope-demo-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path warehouse = folder.resolve("warehouse");
            new WarehouseGenerator().generate(GeneratorSettings.of(MEMBERS, SEED, warehouse, "parquet"), line -> { });
            ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(warehouse.toString())
                    .withPort(0).withDemoUsers(true).withToday(TODAY).withResultsLocation(folder.resolve("results").toString()));
            baseUrl = TestHttp.base(app) + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                delete(folder);
            }));
        }
        return baseUrl;
    }

    /** A folder for one test class's browser profile, inside the shared folder. */
    public static Path browserProfile(String testClass) {
        baseUrl();
        return folder.resolve("chromium-" + testClass);
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temporary folder
        }
    }
}
