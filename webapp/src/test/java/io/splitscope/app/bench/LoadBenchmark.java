package io.splitscope.app.bench;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.CacheSwitch;
import io.splitscope.app.api.TestHttp;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import io.splitscope.metrics.experiment.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web app under load ({@code ./splitscope bench}, project {@code load}): the real app (Spring
 * Boot, the demo users, loopback, a free port) on the streaming warehouse of {@value #MEMBERS}
 * members (the demo's size), a stored scorecard for each of its experiments (at most
 * {@value #EXPERIMENTS}; the generated warehouse has two), then clients that each send one request after another — {@code GET /api/experiments} and the
 * stored scorecards' {@code GET /api/experiments/{id}/scorecard}, in turn, with HTTP Basic as the
 * viewer — at 1, 20 and 50 connections, for {@code --load-seconds} each (10 by default) after a
 * warm-up of a third of that. Per level: requests per second, the median and 99th percentile of
 * the response times, and the errors (any status but 200, or no answer).
 *
 * <p>Before and after in one run: the same build is measured twice, first with the app's caches
 * off ({@value CacheSwitch#PROPERTY}{@code =off}: the experiments read from the warehouse and the
 * stored scorecard decoded on every request, every password checked — the app before they
 * existed), then on. Client and server share the machine's cores.
 */
final class LoadBenchmark {

    /** The warehouse's size: the demo's. */
    static final long MEMBERS = 200_000;
    /** How many experiments' stored scorecards are requested, at most. */
    static final int EXPERIMENTS = 3;
    /** The numbers of concurrent connections measured. */
    static final List<Integer> CONNECTIONS = List.of(1, 20, 50);

    private static final String CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            "viewer:viewer".getBytes(StandardCharsets.UTF_8));

    private LoadBenchmark() {
    }

    /** One level of load: the app's caches on or off, so many connections, what came of it (times in milliseconds). */
    record Level(boolean cached, int connections, long requests, long errors, double seconds, double p50, double p99) {

        double perSecond() {
            return requests / seconds;
        }
    }

    /** A whole load run: the warehouse, the paths requested, the levels, the load average before it. */
    record LoadResult(String warehouse, List<String> paths, double secondsPerLevel, List<Level> levels, double loadAverage) {

        String summary() {
            return String.format(Locale.ROOT, "load: %s", String.join("; ", levels.stream().map(l -> String.format(Locale.ROOT,
                    "cache %s x%d %.0f req/s p99 %.0f ms", l.cached() ? "on" : "off", l.connections(), l.perSecond(), l.p99()))
                    .toList()));
        }
    }

    /** Measures the app on {@code warehouse}, caches off then on, keeping the stored scorecards in {@code results}. */
    static LoadResult measure(Path warehouse, Path results, double seconds, PrintStream log) throws IOException {
        double load = ScorecardBenchmark.loadAverage();
        Files.createDirectories(results);
        List<Level> levels = new ArrayList<>();
        List<String> paths = null;
        for (boolean cached : List.of(false, true)) {
            System.setProperty(CacheSwitch.PROPERTY, cached ? "on" : "off");
            try (ConfigurableApplicationContext app = SplitscopeWebApplication.run(ServeSettings.of(warehouse.toString())
                    .withPort(0).withDemoUsers(true).withResultsLocation(results.toString()))) {
                String base = TestHttp.base(app);
                if (paths == null) {
                    paths = storedScorecards(app.getBean(AnalysisService.class), base, log);
                }
                for (int connections : CONNECTIONS) {
                    drive(base, paths, cached, connections, seconds / 3); // warm-up: JIT, connections, the caches' first reads
                    Level level = drive(base, paths, cached, connections, seconds);
                    log.printf(Locale.ROOT, "bench:   cache %s, %d connections: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                            cached ? "on" : "off", connections, level.perSecond(), level.p50(), level.p99(), level.errors());
                    levels.add(level);
                }
            } finally {
                System.clearProperty(CacheSwitch.PROPERTY);
            }
        }
        return new LoadResult(warehouse.toString(), paths, seconds, levels, load);
    }

    /**
     * The paths requested: the list, and the scorecards of the first {@value #EXPERIMENTS}
     * experiments (by id) that can be analysed — each computed and stored now unless it is.
     */
    private static List<String> storedScorecards(AnalysisService analysis, String base, PrintStream log) {
        List<String> paths = new ArrayList<>(List.of("/api/experiments"));
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String id : analysis.experiments().stream().map(Experiment::id).sorted().toList()) {
                if (paths.size() > EXPERIMENTS) {
                    break;
                }
                String path = UriComponentsBuilder.fromPath("/api/experiments/{id}/scorecard").buildAndExpand(id).encode()
                        .toUriString();
                long start = System.nanoTime();
                Answer answer = send(client, URI.create(base + path));
                log.printf(Locale.ROOT, "bench:   %s: %d in %.1f s%n", path, answer.status(), (System.nanoTime() - start) / 1e9);
                if (answer.status() == 200) {
                    paths.add(path);
                }
            }
        }
        return List.copyOf(paths);
    }

    /**
     * {@code connections} clients, each with its own connection, sending the paths in turn for
     * {@code seconds}; a request under way at the end is waited for and counted.
     */
    private static Level drive(String base, List<String> paths, boolean cached, int connections, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<long[]> times = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            List<Future<long[]>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                running.add(clients.submit(() -> {
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        long[] own = new long[1024];
                        int n = 0;
                        for (int i = first; System.nanoTime() < deadline; i++) {
                            long sent = System.nanoTime();
                            if (send(client, URI.create(base + paths.get(i % paths.size()))).status() != 200) {
                                errors.incrementAndGet();
                            }
                            own = n == own.length ? Arrays.copyOf(own, n * 2) : own;
                            own[n++] = System.nanoTime() - sent;
                        }
                        return Arrays.copyOf(own, n);
                    }
                }));
            }
            for (Future<long[]> client : running) {
                times.add(client.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while driving the load", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = times.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Level(cached, connections, all.length, errors.get(), elapsed, percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6);
    }

    /** The status of one GET as the viewer; 0 when no answer came. */
    private record Answer(int status) {
    }

    private static Answer send(HttpClient client, URI uri) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", CREDENTIALS)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode());
        } catch (IOException e) {
            return new Answer(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0);
        }
    }

    /**
     * The {@code q} quantile of {@code sorted} (ascending) by the nearest-rank method: the
     * smallest value with at least {@code q} of the values at or below it.
     *
     * @throws IllegalArgumentException for no values or a {@code q} outside (0, 1]
     */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no response times to take a percentile of");
        }
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a percentile must be in (0, 1], not " + q);
        }
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    /** The results as a text table, caches off and on side by side, with the ratios at each level. */
    static String table(LoadResult result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nLoad: %s in turn, HTTP Basic as the viewer, on %s (%d cores, client and server; %.0f s per level after "
                        + "a warm-up; load average before %.2f)%n%n", String.join(", ", result.paths()), result.warehouse(),
                Runtime.getRuntime().availableProcessors(), result.secondsPerLevel(), result.loadAverage()));
        String header = "%-6s %5s %9s %9s %9s %9s %7s%n";
        text.append(String.format(Locale.ROOT, header, "cache", "conns", "requests", "req/s", "p50 ms", "p99 ms", "errors"));
        for (Level l : result.levels()) {
            text.append(String.format(Locale.ROOT, "%-6s %5d %9d %9.1f %9.1f %9.1f %7d%n", l.cached() ? "on" : "off",
                    l.connections(), l.requests(), l.perSecond(), l.p50(), l.p99(), l.errors()));
        }
        text.append(String.format(Locale.ROOT, "%ncache on / off:%n"));
        for (int connections : CONNECTIONS) {
            Level off = level(result, false, connections);
            Level on = level(result, true, connections);
            text.append(String.format(Locale.ROOT, "  %2d connections: req/s x%.1f, p50 /%.1f, p99 /%.1f%n", connections,
                    on.perSecond() / off.perSecond(), off.p50() / on.p50(), off.p99() / on.p99()));
        }
        return text.toString();
    }

    private static Level level(LoadResult result, boolean cached, int connections) {
        return result.levels().stream().filter(l -> l.cached() == cached && l.connections() == connections).findFirst()
                .orElseThrow(() -> new IllegalStateException("no level with the cache " + (cached ? "on" : "off") + " at "
                        + connections + " connections"));
    }

    /** The fields of the result for {@code --json}: the paths, and one object per level. */
    static Map<String, Object> jsonFields(LoadResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("warehouse", result.warehouse());
        fields.put("paths", String.join(" ", result.paths()));
        fields.put("seconds_per_level", result.secondsPerLevel());
        fields.put("load_average", result.loadAverage());
        return fields;
    }

    /** One level's fields for {@code --json}. */
    static Map<String, Object> jsonFields(Level level) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cache", level.cached() ? "on" : "off");
        fields.put("connections", level.connections());
        fields.put("requests", level.requests());
        fields.put("requests_per_second", level.perSecond());
        fields.put("p50_ms", level.p50());
        fields.put("p99_ms", level.p99());
        fields.put("errors", level.errors());
        return fields;
    }
}
