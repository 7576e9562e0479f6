package io.splitscope.app.bench;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.Scorecard;
import io.splitscope.app.api.ScorecardCsv;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.analysis.results.ResultsLocation;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long reopening a stored scorecard takes on the demo warehouse (200,000 members): the
 * promise is "under a second". Not a timed test — a program that prints its measurements and
 * exits with status 1 when the median is a second or more.
 *
 * <ol>
 *   <li>Makes sure the warehouse exists (by default the demo's,
 *       {@code ${XDG_DATA_HOME:-~/.local/share}/splitscope/demo-200000-seed-42}, generated as
 *       {@code ./splitscope demo} does when missing) and that its results store holds the
 *       scorecard of the experiment (every metric, {@code welch_t}) — computing and storing it
 *       once if not.</li>
 *   <li><b>store</b>: N times, opens the results store afresh (as after a restart), reads the
 *       scorecard back and renders it as the spec JSON and as CSV — what the API and the exports
 *       send, and everything the scorecard view reads.</li>
 *   <li><b>http</b> (unless {@code --no-http}): starts the web app on the warehouse and times N
 *       {@code GET /api/experiments/{id}/scorecard} over real HTTP (the first one included).</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -pl webapp -DskipTests package exec:exec@bench [-Dbench.args="--warehouse DIR --experiment ID --repeat N --no-http"]
 * </pre>
 */
public final class StoredScorecardBench {

    private static final long DEMO_MEMBERS = 200_000;
    private static final long DEMO_SEED = 42;
    private static final Duration PROMISE = Duration.ofSeconds(1);

    private StoredScorecardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path warehouse = null;
        String experimentId = null;
        int repeat = 20;
        boolean http = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warehouse" -> warehouse = Path.of(args[++i]);
                case "--experiment" -> experimentId = args[++i];
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--no-http" -> http = false;
                default -> {
                    System.err.println("usage: StoredScorecardBench [--warehouse DIR] [--experiment ID] [--repeat N] [--no-http]");
                    System.exit(2);
                }
            }
        }
        if (warehouse == null) {
            warehouse = demoWarehouse();
        }

        AnalysisRequest request;
        Path storeFile;
        try (AnalysisService service = AnalysisService.open(warehouse.toString())) {
            String id = experimentId != null ? experimentId : service.experiments().stream().map(Experiment::id).sorted()
                    .findFirst().orElseThrow(() -> new IllegalStateException("the warehouse has no experiments"));
            request = AnalysisRequest.of(id);
            storeFile = ResultsLocation.resolve(service.warehouseDescription(), System.getProperty(ResultsLocation.PROPERTY),
                    System.getenv()).orElseThrow(() -> new IllegalStateException("the benchmark needs a results store on disk"));
            try (ResultsStore store = ResultsStore.open(storeFile)) {
                if (store.find(request).isEmpty()) {
                    System.out.printf(Locale.ROOT, "computing the scorecard of %s once (nothing stored yet)...%n", id);
                    long start = System.nanoTime();
                    Scorecard scorecard = service.analyze(request);
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    store.save(new StoredScorecard(request, scorecard, WarehouseFingerprint.of(service.warehouseDescription()),
                            "bench", Duration.ofMillis(took.toMillis()), false));
                    System.out.printf(Locale.ROOT, "  analysis took %d ms%n", took.toMillis());
                }
            }
        }
        System.out.printf(Locale.ROOT, "warehouse %s%nstore     %s%nscorecard %s, every metric, welch_t%n%n", warehouse, storeFile,
                request.experimentId());

        List<Duration> reopen = new ArrayList<>();
        int rows = 0;
        long bytes = 0;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            try (ResultsStore store = ResultsStore.open(storeFile)) {
                StoredScorecard stored = store.find(request).orElseThrow();
                String json = ScorecardJson.write(stored.scorecard());
                String csv = ScorecardCsv.write(stored.scorecard());
                rows = stored.scorecard().rows().size();
                bytes = json.length() + csv.length();
            }
            reopen.add(Duration.ofNanos(System.nanoTime() - start));
        }
        report("store: open + read + render JSON and CSV (" + rows + " rows, " + bytes + " characters)", reopen);

        boolean kept = median(reopen).compareTo(PROMISE) < 0;
        if (http) {
            List<Duration> requests = httpRequests(warehouse, request.experimentId(), repeat);
            report("http: GET /api/experiments/" + request.experimentId() + "/scorecard, first request included", requests);
            kept &= median(requests).compareTo(PROMISE) < 0;
        }
        System.out.println(kept ? "OK: reopening a stored scorecard takes well under a second"
                : "SLOW: reopening a stored scorecard takes a second or more");
        System.exit(kept ? 0 : 1);
    }

    private static List<Duration> httpRequests(Path warehouse, String experimentId, int repeat) throws IOException, InterruptedException {
        List<Duration> times = new ArrayList<>();
        try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(warehouse.toString()).withPort(0)
                .withDemoUsers(true))) {
            URI uri = URI.create(TestHttp.base(app) + "/api/experiments/"
                    + experimentId + "/scorecard");
            HttpClient client = HttpClient.newHttpClient();
            String credentials = "Basic " + Base64.getEncoder().encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", credentials).build(),
                        HttpResponse.BodyHandlers.ofString());
                times.add(Duration.ofNanos(System.nanoTime() - start));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
                }
            }
        }
        return times;
    }

    /** The demo's warehouse, generated as {@code ./splitscope demo} does when it is not there yet. */
    private static Path demoWarehouse() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataHome = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share") : Path.of(xdg);
        Path warehouse = dataHome.resolve("splitscope").resolve("demo-" + DEMO_MEMBERS + "-seed-" + DEMO_SEED);
        if (!Files.exists(warehouse.resolve(".complete"))) {
            System.out.printf(Locale.ROOT, "generating the demo warehouse (%,d members) in %s ...%n", DEMO_MEMBERS, warehouse);
            new WarehouseGenerator().generate(GeneratorSettings.of(DEMO_MEMBERS, DEMO_SEED, warehouse, "parquet"),
                    line -> System.out.println("  " + line));
            try {
                Files.writeString(warehouse.resolve(".complete"), "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    private static void report(String what, List<Duration> times) {
        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s%n  n=%d  min %.1f ms  median %.1f ms  max %.1f ms  (first %.1f ms)%n%n", what, times.size(),
                millis(sorted.getFirst()), millis(median(times)), millis(sorted.getLast()), millis(times.getFirst()));
    }

    private static Duration median(List<Duration> times) {
        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
