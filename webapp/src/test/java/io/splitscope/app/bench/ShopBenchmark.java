package io.splitscope.app.bench;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import io.splitscope.sql.log.QueryLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The shop half of {@code ./splitscope bench} ({@code --projects shop}): the e-commerce shop of
 * {@link ShopGenerator} (string user ids, an assignment log of three experiments with its own
 * column names, windowed metrics) analysed through the project file the generator writes beside
 * its tables, as {@code analyze --project} and the web app do. For each size, in one JVM:
 *
 * <ul>
 *   <li><b>scorecard</b>: the default scorecard of {@value #EXPERIMENT} (its six metrics:
 *       conversion, revenue capped at its 99th percentile, orders per user, refund rate, the median
 *       paid order value, distinct pages viewed), cold and warm, wall clock and process CPU;</li>
 *   <li><b>floor</b>: DuckDB's own time for one aggregate pass over the same tables with the same
 *       joins ({@link #FLOOR_SQL}), cold and warm, and the ratio warm scorecard / warm floor;</li>
 *   <li>the rows and bytes of Arrow that reached the JVM, the time of each of the scorecard's
 *       queries, the peak heap, and the method the quantile row ran.</li>
 * </ul>
 *
 * <p>Shops are generated once (Parquet, seed 42) into {@code <bench data>/shop-users-N-seed-S/}.
 */
final class ShopBenchmark {

    /** The shop's experiment with every metric of the catalog, two variants. */
    static final String EXPERIMENT = "new_checkout";
    /** The sizes measured when {@code --shop-users} is not given. */
    static final List<Long> DEFAULT_USERS = List.of(1_000_000L);

    /**
     * The floor: one aggregate pass over the shop's tables, written plainly, over the joins the
     * scorecard needs. The experiment's units (its rows of the assignment log within its dates and
     * with a planned bucket, each unit with its first assignment time and its one bucket), each
     * unit's orders in the 14 days and page views in the 7 days from that time aggregated per unit,
     * then per variant over the units whose window ended by the experiment's end: the counts, sums
     * and sums of squares behind conversion, revenue, orders per user, refund rate and distinct
     * pages. Like the streaming floor it collects no quantile values (the median order value's
     * sample of paid orders, revenue's 99th-percentile cap): those are work on top of the floor.
     * Placeholders: the experiment's key in the log, its variants as an SQL list, its first day,
     * the day after its last, and the last exposure days with a complete 14-day and 7-day window.
     */
    static final String FLOOR_SQL = """
            with units as (
              select user_key, min(bucket) as variant, min(assigned_at) as first_at
              from assignments
              where experiment_name = '%1$s' and bucket in (%2$s)
                and assigned_at >= timestamp '%3$s' and assigned_at < timestamp '%4$s'
              group by user_key
              having min(bucket) = max(bucket)
            ),
            bought as (
              select u.user_key,
                     count(*) filter (where o.status = 'paid') as paid,
                     sum(o.amount_cents / 100) filter (where o.status = 'paid') as revenue,
                     count(*) as orders,
                     count(*) filter (where o.status = 'refunded') as refunded
              from units u join orders o on o.user_key = u.user_key
                and o.created_at >= u.first_at and o.created_at < u.first_at + interval 14 day
              group by u.user_key
            ),
            viewed as (
              select u.user_key, count(distinct v.page) as pages
              from units u join page_views v on v.user_key = u.user_key
                and v.viewed_at >= u.first_at and v.viewed_at < u.first_at + interval 7 day
              group by u.user_key
            )
            select u.variant, count(*) as n,
                   count(*) filter (where u.first_at <= timestamp '%5$s') as n14,
                   count(*) filter (where u.first_at <= timestamp '%5$s' and b.paid > 0) as converted,
                   sum(b.revenue) filter (where u.first_at <= timestamp '%5$s') as revenue,
                   sum(b.revenue * b.revenue) filter (where u.first_at <= timestamp '%5$s') as revenue2,
                   sum(b.orders) filter (where u.first_at <= timestamp '%5$s') as orders,
                   sum(b.orders * b.orders) filter (where u.first_at <= timestamp '%5$s') as orders2,
                   sum(b.refunded) filter (where u.first_at <= timestamp '%5$s') as refunded,
                   sum(b.refunded * b.refunded) filter (where u.first_at <= timestamp '%5$s') as refunded2,
                   sum(b.refunded * b.orders) filter (where u.first_at <= timestamp '%5$s') as refunded_orders,
                   count(*) filter (where u.first_at <= timestamp '%6$s') as n7,
                   sum(v.pages) filter (where u.first_at <= timestamp '%6$s') as pages,
                   sum(v.pages * v.pages) filter (where u.first_at <= timestamp '%6$s') as pages2
            from units u
              left join bought b on b.user_key = u.user_key
              left join viewed v on v.user_key = u.user_key
            group by u.variant
            """;

    private ShopBenchmark() {
    }

    /** One shop's measurements (times in seconds, sizes in bytes). */
    record ShopResult(String project, long users, long units, String quantileMethod, double openSeconds,
                      double coldScorecard, double warmScorecard, double warmScorecardCpu, double coldFloor,
                      double warmFloor, double warmFloorCpu, long rowsIntoJvm, long bytesIntoJvm,
                      Map<String, Double> queryTimes, long peakHeap, double loadAverage) {

        double floorRatio() {
            return warmScorecard / warmFloor;
        }

        double floorCpuRatio() {
            return warmScorecardCpu / warmFloorCpu;
        }

        String summary() {
            return String.format(Locale.ROOT, "shop of %,d users: scorecard cold %.2f s, warm %.2f s (CPU %.2f s); floor %.2f s "
                            + "(CPU %.2f s; x%.2f, CPU x%.2f); peak heap %,d MiB", users, coldScorecard, warmScorecard,
                    warmScorecardCpu, warmFloor, warmFloorCpu, floorRatio(), floorCpuRatio(), peakHeap >> 20);
        }
    }

    /** The cached shop of {@code users} users, generated when missing; returns its project file. */
    static Path ensureShop(Path data, long users, long seed, PrintStream log) throws IOException {
        Path folder = data.resolve("shop-users-" + users + "-seed-" + seed);
        Path complete = folder.resolve(".complete");
        if (!Files.exists(complete)) {
            Files.createDirectories(data);
            if (Files.exists(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file); // a generation that did not finish
                    }
                }
            }
            log.printf(Locale.ROOT, "bench: generating a shop of %,d users into %s ...%n", users, folder);
            long start = System.nanoTime();
            new ShopGenerator().generate(ShopSettings.of(users, seed, "parquet"), folder);
            Files.writeString(complete, Instant.now() + "\n");
            log.printf(Locale.ROOT, "bench: generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return folder.resolve(ShopGenerator.PROJECT_FILE);
    }

    static ShopResult measure(Path projectFile, int warmRuns, HeapPeak heap, PrintStream log) {
        heap.reset();
        double load = ScorecardBenchmark.loadAverage();
        long openStart = System.nanoTime();
        Project project = ProjectFile.load(projectFile);
        Scorecard cold;
        Scorecard last;
        double openSeconds;
        double coldSeconds;
        List<Double> warm = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        try (AnalysisService service = AnalysisService.open(project)) {
            openSeconds = (System.nanoTime() - openStart) / 1e9;
            long start = System.nanoTime();
            cold = service.analyze(AnalysisRequest.of(EXPERIMENT));
            coldSeconds = (System.nanoTime() - start) / 1e9;
            log.printf(Locale.ROOT, "bench:   shop scorecard cold %.2f s%n", coldSeconds);
            last = cold;
            for (int i = 0; i < warmRuns; i++) {
                start = System.nanoTime();
                long cpu = ScorecardBenchmark.cpuNanos();
                last = service.analyze(AnalysisRequest.of(EXPERIMENT));
                warm.add((System.nanoTime() - start) / 1e9);
                warmCpu.add((ScorecardBenchmark.cpuNanos() - cpu) / 1e9);
            }
            log.printf(Locale.ROOT, "bench:   shop scorecard warm %s s (CPU %s s)%n", warm, warmCpu);
        }
        long rows = 0;
        long bytes = 0;
        Map<String, Double> queryTimes = new LinkedHashMap<>();
        for (QueryLog.Entry query : last.queries()) {
            rows += query.rows();
            bytes += query.bytes();
            queryTimes.merge(queryName(query.sql()), query.elapsed().toNanos() / 1e9, Double::sum);
        }
        String quantileMethod = last.rows().stream().filter(row -> row.type() == MetricType.QUANTILE)
                .map(ScorecardRow::method).distinct().collect(Collectors.joining(","));

        long units = cold.population().totalUnits();
        String floorSql = floorSql(last);
        double[] floor = new double[3];
        try (Warehouse engine = Warehouses.open(project.warehouse(), project.contract());
             BufferAllocator allocator = new RootAllocator()) {
            long start = System.nanoTime();
            List<ArrowRows.Row> first = engine.query(engine.dsl().resultQuery(floorSql), allocator, ArrowRows::read);
            floor[0] = (System.nanoTime() - start) / 1e9;
            // the floor's units are the scorecard's: all of them, and those of each window
            long floorUnits = first.stream().mapToLong(row -> row.longValue("n")).sum();
            if (floorUnits != units) {
                log.printf(Locale.ROOT, "bench:   WARNING: the floor counts %,d units, the scorecard %,d%n", floorUnits, units);
            }
            for (String[] window : new String[][] {{"n14", "conversion"}, {"n7", "pages_viewed"}}) {
                long floorN = first.stream().mapToLong(row -> row.longValue(window[0])).sum();
                long scorecardN = last.rows().stream().filter(row -> row.metricId().equals(window[1]))
                        .mapToLong(row -> row.nControl() + row.nTreatment()).findFirst().orElse(-1);
                if (floorN != scorecardN) {
                    log.printf(Locale.ROOT, "bench:   WARNING: the floor counts %,d units for %s, the scorecard %,d%n",
                            floorN, window[1], scorecardN);
                }
            }
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                start = System.nanoTime();
                long cpuStart = ScorecardBenchmark.cpuNanos();
                engine.query(engine.dsl().resultQuery(floorSql), allocator, ArrowRows::read);
                wall.add((System.nanoTime() - start) / 1e9);
                cpu.add((ScorecardBenchmark.cpuNanos() - cpuStart) / 1e9);
            }
            floor[1] = ScorecardBenchmark.median(wall);
            floor[2] = ScorecardBenchmark.median(cpu);
        }
        log.printf(Locale.ROOT, "bench:   shop floor cold %.2f s, warm %.2f s (CPU %.2f s)%n", floor[0], floor[1], floor[2]);
        return new ShopResult(projectFile.toString(), users(projectFile), units, quantileMethod, openSeconds, coldSeconds,
                ScorecardBenchmark.median(warm), ScorecardBenchmark.median(warmCpu), floor[0], floor[1], floor[2], rows, bytes,
                queryTimes, heap.peak(), load);
    }

    /** {@link #FLOOR_SQL} for the experiment the scorecard analysed (its key, variants and dates). */
    static String floorSql(Scorecard scorecard) {
        Experiment experiment = scorecard.experiment();
        String variants = experiment.variants().stream().map(v -> "'" + v.variant().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        LocalDate end = experiment.endDate().plusDays(1);
        return FLOOR_SQL.formatted(experiment.key().replace("'", "''"), variants, experiment.startDate(), end,
                end.minusDays(14), end.minusDays(7));
    }

    /** Which of the scorecard's queries an SQL text is. */
    static String queryName(String sql) {
        return ScorecardBenchmark.queryName(sql, List.of("page_views", "orders"));
    }

    /** The number of users from the project file's first line ({@code generate --shop --users N ...}). */
    private static long users(Path projectFile) {
        try {
            String first = Files.readAllLines(projectFile).getFirst();
            int at = first.indexOf("--users ");
            return at < 0 ? -1 : Long.parseLong(first.substring(at + "--users ".length()).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The results as a text table. */
    static String table(List<ShopResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nShop scorecard of %s (project file, string ids), default methods%n%n",
                EXPERIMENT));
        String header = "%-12s %10s %8s %8s %8s %8s %8s %6s %6s %10s %10s %10s %6s  %s%n";
        String row = "%-12s %,10d %8.2f %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f %,10d %10s %10s %6.2f  %s%n";
        text.append(String.format(Locale.ROOT, header, "users", "units", "cold s", "warm s", "warm cpu", "floor s", "fl. cpu",
                "ratio", "cpu r.", "rows->JVM", "bytes->JVM", "peak heap", "load", "quantile method"));
        for (ShopResult r : results) {
            text.append(String.format(Locale.ROOT, row, String.format(Locale.ROOT, "%,d", r.users()), r.units(),
                    r.coldScorecard(), r.warmScorecard(), r.warmScorecardCpu(), r.warmFloor(), r.warmFloorCpu(),
                    r.floorRatio(), r.floorCpuRatio(), r.rowsIntoJvm(), (r.bytesIntoJvm() >> 20) + " MiB",
                    (r.peakHeap() >> 20) + " MiB", r.loadAverage(), r.quantileMethod()));
        }
        text.append(String.format(Locale.ROOT, "%nWhere the warm shop scorecard's time goes (seconds, last warm run)%n"));
        for (ShopResult r : results) {
            text.append(String.format(Locale.ROOT, "  %,12d users: %s%n", r.users(), r.queryTimes().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "))));
        }
        return text.toString();
    }

    /** One result's fields for the JSON output. */
    static Map<String, Object> jsonFields(ShopResult r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", r.project());
        fields.put("users", r.users());
        fields.put("units", r.units());
        fields.put("quantile_method", r.quantileMethod());
        fields.put("open_seconds", r.openSeconds());
        fields.put("scorecard_cold_seconds", r.coldScorecard());
        fields.put("scorecard_warm_seconds", r.warmScorecard());
        fields.put("floor_cold_seconds", r.coldFloor());
        fields.put("floor_warm_seconds", r.warmFloor());
        fields.put("scorecard_to_floor", r.floorRatio());
        fields.put("scorecard_warm_cpu_seconds", r.warmScorecardCpu());
        fields.put("floor_warm_cpu_seconds", r.warmFloorCpu());
        fields.put("scorecard_to_floor_cpu", r.floorCpuRatio());
        fields.put("rows_into_jvm", r.rowsIntoJvm());
        fields.put("bytes_into_jvm", r.bytesIntoJvm());
        fields.put("query_seconds", r.queryTimes());
        fields.put("peak_heap_bytes", r.peakHeap());
        fields.put("load_average", r.loadAverage());
        return fields;
    }
}
