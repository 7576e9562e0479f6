package io.splitscope.app.bench;

import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.Scorecard;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.preset.StreamingExperiments;
import io.splitscope.metrics.query.FusedMetricQuery;
import io.splitscope.metrics.query.UnitEventsQuery;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.arrow.UnitEventsReader;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.VariantStatistics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * How fast a full scorecard is, next to what the engine itself needs: {@code ./splitscope bench}.
 * A program, not a test (the smoke test {@code ScorecardBenchmarkTest} runs it on a tiny warehouse
 * without timing anything). For each warehouse size, measured in one run of one JVM:
 *
 * <ul>
 *   <li><b>scorecard</b>: the whole catalog of {@code exp_autoplay} through {@link AnalysisService}
 *       ({@code welch_t}, {@code delta_ratio}, {@code bootstrap_quantile}), cold (the first
 *       analysis after opening the warehouse) and warm (the median of {@code --warm} more);</li>
 *   <li><b>floor</b>: DuckDB's own time for one aggregate pass over the same fact tables
 *       ({@link #FLOOR_SQL}: the experiment's units, then per unit the sums of playback, payments
 *       and cancellations, then per variant) — the least work any scorecard must do — cold and
 *       warm, and the ratio warm scorecard / warm floor;</li>
 *   <li><b>into the JVM</b>: rows and bytes of Arrow that the scorecard's queries brought back
 *       (its {@link QueryLog}): a few rows per query, nearly all the bytes the quantile metrics'
 *       events;</li>
 *   <li><b>peak heap</b>: the largest heap in use while measuring the size (sampled every 5 ms
 *       and taken before every garbage collection, {@link HeapPeak});</li>
 *   <li><b>fused</b>: the whole catalog as one query per event source ({@link FusedMetricQuery}
 *       with all of the source's metrics, the quantiles' events as lists, as the scorecard runs it
 *       on DuckDB) against one query per metric (the same builder with a one-metric list), warm,
 *       and their ratio;</li>
 *   <li><b>quantiles</b>: the p50 and p90 of {@code startup_ms} compared by
 *       {@code bootstrap_quantile} (1,000 replicates) and by {@code quantile_asymptotic} on the
 *       same inputs: time and confidence interval of each.</li>
 * </ul>
 *
 * <p>Warehouses are generated once ({@link WarehouseGenerator}, Parquet, seed 42) and cached under
 * {@code ${XDG_DATA_HOME:-~/.local/share}/splitscope/bench/members-N-seed-S/}. The same run also
 * measures the e-commerce shop through its project file ({@link ShopBenchmark}: string ids, windowed
 * metrics, its own floor) at {@code --shop-users} users, 1,000,000 by default, and the web app under
 * load ({@link LoadBenchmark}: the REST API at 1, 20 and 50 connections for {@code --load-seconds}
 * each, its caches off and on); {@code --projects} picks any of {@code streaming}, {@code shop} and
 * {@code load} (all by default). Each measurement notes the load average. The results print as
 * tables on standard output and, with {@code --json FILE}, as JSON.
 *
 * <pre>
 * ./splitscope bench [--projects streaming,shop,load] [--sizes 100000,1000000,10000000] [--shop-users 1000000]
 *                    [--warm 3] [--load-seconds 10] [--json FILE] [--data DIR] [--seed 42]
 * ./mvnw -pl webapp -DskipTests package exec:exec@scorecard-bench -Dscorecard.bench.args="--projects streaming --sizes 100000"
 * </pre>
 *
 * The JVM runs with {@code -Xmx4g} (property {@code scorecard.bench.heap}), so that the 10M case
 * shows the scorecard fits in a 4 GB heap.
 */
public final class ScorecardBenchmark {

    /** The sizes measured when {@code --sizes} is not given. */
    static final List<Long> DEFAULT_SIZES = List.of(100_000L, 1_000_000L, 10_000_000L);
    static final String EXPERIMENT = "exp_autoplay";

    /**
     * The floor: one aggregate pass over the fact tables, written plainly. The experiment's units
     * (one row per exposed unit with its variant), each fact table aggregated per unit, joined, and
     * aggregated per variant: the sums and sums of squares a scorecard of means needs.
     */
    static final String FLOOR_SQL = """
            with units as (
              select unit_id, min(variant) as variant
              from exposures where experiment_id = '%s'
              group by unit_id
            ),
            plays as (
              select unit_id, sum(watch_seconds) as watch, count(*) as sessions, sum(rebuffers) as rebuffers,
                     count(distinct cast(started_at as date)) as days
              from playback group by unit_id
            ),
            paid as (select unit_id, sum(amount) as amount from payments group by unit_id),
            cancelled as (select unit_id, count(*) as cancels from cancellations group by unit_id)
            select u.variant, count(*) as n,
                   sum(p.watch) as watch, sum(p.watch * p.watch) as watch2,
                   sum(p.sessions) as sessions, sum(p.sessions * p.sessions) as sessions2,
                   sum(p.days) as days, sum(p.rebuffers) as rebuffers,
                   sum(a.amount) as amount, sum(a.amount * a.amount) as amount2,
                   sum(c.cancels) as cancels
            from units u
              left join plays p on p.unit_id = u.unit_id
              left join paid a on a.unit_id = u.unit_id
              left join cancelled c on c.unit_id = u.unit_id
            group by u.variant
            """;

    private ScorecardBenchmark() {
    }

    /** The projects measured when {@code --projects} is not given. */
    static final List<String> DEFAULT_PROJECTS = List.of("streaming", "shop", "load");

    /**
     * What to measure: the streaming warehouses of {@code sizes} members and the shops of
     * {@code shopUsers} users, for the {@code projects} named; or, when any is given, only the
     * existing {@code warehouses} (streaming) and {@code shopProjects} (project files of shops).
     */
    record Options(List<String> projects, List<Long> sizes, List<Long> shopUsers, long seed, int warm, Path data,
                   Path json, List<Path> warehouses, List<Path> shopProjects, double loadSeconds) {

        boolean streaming() {
            return projects.contains("streaming");
        }

        boolean shop() {
            return projects.contains("shop");
        }

        boolean load() {
            return projects.contains("load");
        }

        /** Whether the data is generated (no existing warehouse or shop project given): the load benchmark needs it. */
        boolean generated() {
            return warehouses.isEmpty() && shopProjects.isEmpty();
        }
    }

    /** The results of one run: the streaming warehouses', the shops' and the web app's under load. */
    record Results(List<SizeResult> streaming, List<ShopBenchmark.ShopResult> shop, List<LoadBenchmark.LoadResult> load) {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: ./splitscope bench [--projects streaming,shop,load] [--sizes 100000,1000000,10000000] "
                    + "[--shop-users 1000000] [--warm N] [--load-seconds S] [--json FILE] [--data DIR] [--seed S]");
            System.exit(2);
            return;
        }
        Results results = run(options, System.out, System.err);
        if (options.json() != null) {
            Files.writeString(options.json(), json(results, environment()), StandardCharsets.UTF_8);
            System.err.println("bench: wrote " + options.json());
        }
        System.exit(0);
    }

    static Options parse(String[] args) {
        List<String> projects = DEFAULT_PROJECTS;
        List<Long> sizes = DEFAULT_SIZES;
        List<Long> shopUsers = ShopBenchmark.DEFAULT_USERS;
        long seed = 42;
        int warm = 3;
        double loadSeconds = 10;
        Path data = defaultDataFolder();
        Path json = null;
        List<Path> warehouses = new ArrayList<>();
        List<Path> shopProjects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--projects" -> {
                    projects = Arrays.stream(required(arg, value).split(",")).map(String::strip).toList();
                    for (String project : projects) {
                        if (!DEFAULT_PROJECTS.contains(project)) {
                            throw new IllegalArgumentException("unknown project " + project + " (streaming, shop, load)");
                        }
                    }
                }
                case "--sizes" -> sizes = numbers(arg, value);
                case "--shop-users" -> shopUsers = numbers(arg, value);
                case "--seed" -> seed = Long.parseLong(required(arg, value));
                case "--warm" -> warm = Integer.parseInt(required(arg, value));
                case "--load-seconds" -> loadSeconds = Double.parseDouble(required(arg, value));
                case "--data" -> data = Path.of(required(arg, value));
                case "--json" -> json = Path.of(required(arg, value));
                // an existing warehouse folder instead of a generated one (the smoke test's)
                case "--warehouse" -> warehouses.add(Path.of(required(arg, value)));
                // an existing shop's project file instead of a generated shop (the smoke test's)
                case "--shop-project" -> shopProjects.add(Path.of(required(arg, value)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
            i++;
        }
        if (warm < 1) {
            throw new IllegalArgumentException("--warm must be at least 1");
        }
        if (!(loadSeconds >= 1)) {
            throw new IllegalArgumentException("--load-seconds must be at least 1");
        }
        return new Options(projects, sizes, shopUsers, seed, warm, data, json, warehouses, shopProjects, loadSeconds);
    }

    private static List<Long> numbers(String option, String value) {
        return Arrays.stream(required(option, value).split(",")).map(s -> Long.parseLong(s.strip().replace("_", ""))).toList();
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    static Path defaultDataFolder() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share") : Path.of(xdg);
        return base.resolve("splitscope").resolve("bench");
    }

    /**
     * Measures every size of every project (or only the given warehouses and shop project files),
     * printing progress to {@code log} and the tables to {@code out}.
     */
    static Results run(Options options, PrintStream out, PrintStream log) throws IOException {
        List<SizeResult> results = new ArrayList<>();
        List<ShopBenchmark.ShopResult> shops = new ArrayList<>();
        List<LoadBenchmark.LoadResult> loads = new ArrayList<>();
        try (HeapPeak heap = new HeapPeak()) {
            List<Path> warehouses = new ArrayList<>(options.warehouses());
            List<Path> shopProjects = new ArrayList<>(options.shopProjects());
            if (options.generated()) {
                if (options.streaming()) {
                    for (long members : options.sizes()) {
                        warehouses.add(ensureWarehouse(options.data(), members, options.seed(), log));
                    }
                }
                if (options.shop()) {
                    for (long users : options.shopUsers()) {
                        shopProjects.add(ShopBenchmark.ensureShop(options.data(), users, options.seed(), log));
                    }
                }
            }
            for (Path warehouse : warehouses) {
                log.printf(Locale.ROOT, "bench: measuring %s (load average %.2f)%n", warehouse, loadAverage());
                SizeResult result = measure(warehouse, options.warm(), heap, log);
                results.add(result);
                log.println("bench: " + result.summary());
            }
            for (Path project : shopProjects) {
                log.printf(Locale.ROOT, "bench: measuring %s (load average %.2f)%n", project, loadAverage());
                ShopBenchmark.ShopResult result = ShopBenchmark.measure(project, options.warm(), heap, log);
                shops.add(result);
                log.println("bench: " + result.summary());
            }
            if (options.load() && options.generated()) {
                Path warehouse = ensureWarehouse(options.data(), LoadBenchmark.MEMBERS, options.seed(), log);
                log.printf(Locale.ROOT, "bench: load on %s (load average %.2f)%n", warehouse, loadAverage());
                LoadBenchmark.LoadResult result = LoadBenchmark.measure(warehouse,
                        options.data().resolve(warehouse.getFileName() + "-results"), options.loadSeconds(), log);
                loads.add(result);
                log.println("bench: " + result.summary());
            }
        }
        if (!results.isEmpty()) {
            out.print(table(results));
        }
        if (!shops.isEmpty()) {
            out.print(ShopBenchmark.table(shops));
        }
        loads.forEach(load -> out.print(LoadBenchmark.table(load)));
        return new Results(results, shops, loads);
    }

    /** The cached warehouse of {@code members} members, generated when missing. */
    static Path ensureWarehouse(Path data, long members, long seed, PrintStream log) throws IOException {
        Path folder = data.resolve("members-" + members + "-seed-" + seed);
        Path complete = folder.resolve(".complete");
        if (Files.exists(complete)) {
            return folder;
        }
        Files.createDirectories(data);
        if (Files.exists(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file); // a generation that did not finish
                }
            }
        }
        log.printf(Locale.ROOT, "bench: generating %,d members into %s ...%n", members, folder);
        long start = System.nanoTime();
        new WarehouseGenerator().generate(GeneratorSettings.of(members, seed, folder, "parquet"), line -> { });
        Files.writeString(complete, Instant.now() + "\n");
        log.printf(Locale.ROOT, "bench: generated in %.1f s%n", seconds(start));
        return folder;
    }

    /** One warehouse's measurements (times in seconds, sizes in bytes). */
    record SizeResult(String warehouse, long members, long units, long events, long coldOpen, double coldScorecard,
                      double warmScorecard, double coldFloor, double warmFloor, double warmScorecardCpu,
                      double warmFloorCpu, long rowsIntoJvm, long bytesIntoJvm, Map<String, Double> queryTimes,
                      long peakHeap, long maxHeap, double fused, double perMetric, int fusedQueries,
                      int perMetricQueries, List<QuantileComparison> quantiles, double loadAverage) {

        double floorRatio() {
            return warmScorecard / warmFloor;
        }

        /** The same ratio in CPU seconds of the whole process (DuckDB's threads included): steadier on a busy machine. */
        double floorCpuRatio() {
            return warmScorecardCpu / warmFloorCpu;
        }

        double fusedSpeedup() {
            return perMetric / fused;
        }

        String summary() {
            return String.format(Locale.ROOT, "%,d members: scorecard cold %.2f s, warm %.2f s (CPU %.2f s); floor %.2f s "
                            + "(CPU %.2f s; x%.2f, CPU x%.2f); fused %.2f s vs per-metric %.2f s (x%.1f); peak heap %s", members,
                    coldScorecard, warmScorecard, warmScorecardCpu, warmFloor, warmFloorCpu, floorRatio(), floorCpuRatio(),
                    fused, perMetric, fusedSpeedup(), mib(peakHeap));
        }
    }

    /** One quantile metric compared by one method: its time and intervals. */
    record QuantileComparison(String metric, String method, double seconds, ComparisonResult result) {
    }

    private static SizeResult measure(Path warehouse, int warmRuns, HeapPeak heap, PrintStream log) {
        heap.reset();
        double load = loadAverage();
        long members = members(warehouse);
        long openStart = System.nanoTime();
        Scorecard cold;
        double coldSeconds;
        List<Double> warm = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        Scorecard last;
        long openNanos;
        try (AnalysisService service = AnalysisService.open(warehouse.toString())) {
            openNanos = System.nanoTime() - openStart;
            long start = System.nanoTime();
            cold = service.analyze(AnalysisRequest.of(EXPERIMENT));
            coldSeconds = seconds(start);
            log.printf(Locale.ROOT, "bench:   scorecard cold %.2f s%n", coldSeconds);
            last = cold;
            for (int i = 0; i < warmRuns; i++) {
                start = System.nanoTime();
                long cpu = cpuNanos();
                last = service.analyze(AnalysisRequest.of(EXPERIMENT));
                warm.add(seconds(start));
                warmCpu.add((cpuNanos() - cpu) / 1e9);
            }
            log.printf(Locale.ROOT, "bench:   scorecard warm %s s%n", warm);
        }
        long rows = 0;
        long bytes = 0;
        Map<String, Double> queryTimes = new LinkedHashMap<>();
        for (QueryLog.Entry query : last.queries()) {
            rows += query.rows();
            bytes += query.bytes();
            queryTimes.merge(queryName(query.sql()), query.elapsed().toNanos() / 1e9, Double::sum);
        }

        Measured floor;
        Measured fused;
        Measured perMetric;
        int fusedQueries;
        int perMetricQueries;
        List<QuantileComparison> quantiles;
        long events;
        try (Warehouse engine = Warehouses.open(warehouse.toString()); BufferAllocator allocator = new RootAllocator()) {
            floor = time(warmRuns, () -> engine.query(engine.dsl().resultQuery(FLOOR_SQL.formatted(EXPERIMENT)), allocator,
                    ArrowRows::read));
            log.printf(Locale.ROOT, "bench:   floor cold %.2f s, warm %.2f s (CPU %.2f s)%n", floor.cold(), floor.warm(),
                    floor.warmCpu());
            Experiment experiment = new StreamingExperiments().find(engine, allocator, EXPERIMENT).orElseThrow();
            List<Metric> catalog = StreamingPreset.project(warehouse.toString()).metrics().all();
            Map<Source, List<Metric>> bySource = fusedBySource(catalog);
            fused = time(warmRuns, () -> {
                bySource.forEach((source, metrics) -> engine.query(
                        FusedMetricQuery.build(engine.dsl(), ExposedUnits.of(experiment), source, metrics, false, null), allocator,
                        VariantStatistics::readBySegment));
                return null;
            });
            // One run: it scans playback seven times, which takes minutes at 10M members.
            perMetric = time(0, () -> {
                catalog.forEach(metric -> engine.query(
                        FusedMetricQuery.build(engine.dsl(), ExposedUnits.of(experiment), metric.source(), List.of(metric), false, null),
                        allocator, VariantStatistics::readBySegment));
                return null;
            });
            fusedQueries = bySource.size();
            perMetricQueries = catalog.size();
            log.printf(Locale.ROOT, "bench:   fused %.2f s (%d queries), per metric %.2f s (%d queries)%n", fused.warm(),
                    fusedQueries, perMetric.warm(), perMetricQueries);
            QuantileInputs inputs = quantileInputs(engine, allocator, experiment);
            events = inputs.events();
            quantiles = compareQuantiles(inputs, experiment, log);
        }
        return new SizeResult(warehouse.toString(), members, cold.population().totalUnits(), events, openNanos,
                coldSeconds, median(warm), floor.cold(), floor.warm(), median(warmCpu), floor.warmCpu(), rows, bytes, queryTimes,
                heap.peak(), Runtime.getRuntime().maxMemory(), fused.warm(), perMetric.warm(), fusedQueries,
                perMetricQueries, quantiles, load);
    }

    /**
     * The catalog as the scorecard fuses it on DuckDB: one query per event source, with one
     * quantile metric for each group of quantiles over the same events (they share its columns).
     */
    private static Map<Source, List<Metric>> fusedBySource(List<Metric> catalog) {
        List<Metric> fused = new ArrayList<>();
        for (Metric metric : catalog) {
            if (fused.stream().noneMatch(other -> UnitEventsQuery.sameEvents(other, metric))) {
                fused.add(metric);
            }
        }
        return fused.stream().collect(Collectors.groupingBy(Metric::source, LinkedHashMap::new, Collectors.toList()));
    }

    /** The quantile metrics of the catalog with their per-variant samples (one event query per group). */
    private record QuantileInputs(List<Metric> metrics, Map<String, Map<String, QuantileSample>> samples, long events) {
    }

    private static QuantileInputs quantileInputs(Warehouse engine, BufferAllocator allocator, Experiment experiment) {
        List<Metric> quantileMetrics = new StandardMetrics().metrics().stream()
                .filter(metric -> metric.type() == MetricType.QUANTILE).toList();
        Map<String, Map<String, QuantileSample>> samples = new LinkedHashMap<>();
        Map<String, Map<String, ClusteredValues>> cache = new LinkedHashMap<>();
        long events = 0;
        for (Metric metric : quantileMetrics) {
            String key = cache.keySet().stream().filter(id -> UnitEventsQuery.sameEvents(
                    quantileMetrics.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(), metric))
                    .findFirst().orElse(null);
            Map<String, ClusteredValues> byVariant;
            if (key == null) {
                byVariant = engine.query(UnitEventsQuery.build(engine.dsl(), ExposedUnits.of(experiment), metric, null), allocator,
                        UnitEventsReader::read);
                cache.put(metric.id(), byVariant);
                events += byVariant.values().stream().mapToLong(v -> v.values().length).sum();
            } else {
                byVariant = cache.get(key);
            }
            double level = ((Measure.Quantile) metric.measure()).level();
            Map<String, QuantileSample> variants = new LinkedHashMap<>();
            byVariant.forEach((variant, values) -> variants.put(variant,
                    new QuantileSample(level, values.values(), values.unitOffsets())));
            samples.put(metric.id(), variants);
        }
        return new QuantileInputs(quantileMetrics, samples, events);
    }

    private static List<QuantileComparison> compareQuantiles(QuantileInputs inputs, Experiment experiment, PrintStream log) {
        List<QuantileComparison> comparisons = new ArrayList<>();
        String treatment = experiment.treatments().getFirst();
        for (Metric metric : inputs.metrics()) {
            Map<String, QuantileSample> samples = inputs.samples().get(metric.id());
            for (String id : List.of("bootstrap_quantile", "quantile_asymptotic")) {
                ComparisonMethod<QuantileSample> method = ComparisonMethods.byId(id, QuantileSample.class);
                long start = System.nanoTime();
                ComparisonResult result = method.compare(samples.get(experiment.controlVariant()), samples.get(treatment));
                double seconds = seconds(start);
                comparisons.add(new QuantileComparison(metric.id(), id, seconds, result));
                log.printf(Locale.ROOT, "bench:   %s by %s: %.3f s, CI %s%n", metric.id(), id, seconds, result.absoluteCi());
            }
        }
        return comparisons;
    }

    /** Cold (the first run) and warm (the median of {@code warm} more) times of {@code work}, wall clock and CPU. */
    private record Measured(double cold, double warm, double warmCpu) {
    }

    private static Measured time(int warmRuns, Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        double cold = seconds(start);
        List<Double> warm = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            start = System.nanoTime();
            long cpu = cpuNanos();
            work.get();
            warm.add(seconds(start));
            warmCpu.add((cpuNanos() - cpu) / 1e9);
        }
        return warm.isEmpty() ? new Measured(cold, cold, Double.NaN) : new Measured(cold, median(warm), median(warmCpu));
    }

    /** CPU time of the whole process so far: every JVM thread and DuckDB's native threads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Which of the scorecard's queries an SQL text is, for the per-query times. */
    static String queryName(String sql) {
        return sql.contains("\"experiments\"") ? "experiments" : queryName(sql, List.of("playback", "payments", "cancellations"));
    }

    /**
     * Which of a scorecard's queries an SQL text is: the fused query of one of {@code factTables},
     * the experiment's units staged for the analysis, or the population.
     */
    static String queryName(String sql, List<String> factTables) {
        for (String table : factTables) {
            if (sql.contains("\"" + table + "\"")) {
                return "fused " + table;
            }
        }
        if (sql.startsWith("create table")) {
            return "staged units";
        }
        return sql.contains("\"exposed_units\"") ? "population" : "other";
    }

    private static long members(Path warehouse) {
        String name = warehouse.getFileName().toString();
        if (name.startsWith("members-")) {
            try {
                return Long.parseLong(name.substring("members-".length(), name.indexOf("-seed-")));
            } catch (RuntimeException ignored) {
                // a folder of another name: count below
            }
        }
        try (Warehouse engine = Warehouses.open(warehouse.toString()); BufferAllocator allocator = new RootAllocator()) {
            return engine.query(engine.dsl().resultQuery("select count(*) as n from members"), allocator, ArrowRows::read)
                    .getFirst().longValue("n");
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    /** The results as a text table. */
    static String table(List<SizeResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nScorecard of %s, whole catalog (%d cores, max heap %s, load average %.2f)%n%n",
                EXPERIMENT, Runtime.getRuntime().availableProcessors(), mib(Runtime.getRuntime().maxMemory()), loadAverage()));
        text.append("scorecard: cold and warm wall-clock seconds, warm CPU seconds of the process; floor: DuckDB's own "
                + "aggregate pass, warm; ratio: warm scorecard / warm floor (wall, CPU)\n\n");
        String header = "%-12s %10s %11s %8s %8s %8s %8s %8s %6s %6s %12s %10s %10s %8s %8s %5s %6s%n";
        String row = "%-12s %,10d %,11d %8.2f %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f %,12d %10s %10s %8.2f %8.2f %5.1f %6.2f%n";
        text.append(String.format(Locale.ROOT, header, "members", "units", "q. events", "cold s", "warm s", "warm cpu",
                "floor s", "fl. cpu", "ratio", "cpu r.", "rows->JVM", "bytes->JVM", "peak heap", "fused s", "per-m. s", "x", "load"));
        for (SizeResult r : results) {
            text.append(String.format(Locale.ROOT, row, String.format(Locale.ROOT, "%,d", r.members()), r.units(), r.events(),
                    r.coldScorecard(), r.warmScorecard(), r.warmScorecardCpu(), r.warmFloor(), r.warmFloorCpu(),
                    r.floorRatio(), r.floorCpuRatio(), r.rowsIntoJvm(), mib(r.bytesIntoJvm()), mib(r.peakHeap()), r.fused(),
                    r.perMetric(), r.fusedSpeedup(), r.loadAverage()));
        }
        text.append(String.format(Locale.ROOT, "%nWhere the warm scorecard's time goes (seconds, last warm run)%n"));
        for (SizeResult r : results) {
            text.append(String.format(Locale.ROOT, "  %,12d members: %s%n", r.members(), r.queryTimes().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "))));
        }
        text.append(String.format(Locale.ROOT, "%nQuantile CIs (startup_ms, absolute effect), bootstrap vs asymptotic%n"));
        for (SizeResult r : results) {
            for (QuantileComparison q : r.quantiles()) {
                ComparisonResult c = q.result();
                text.append(String.format(Locale.ROOT, "  %,12d members  %-15s %-20s %8.3f s  effect %s  CI %s%n", r.members(),
                        q.metric(), q.method(), q.seconds(), format(c.absoluteEffect()),
                        c.absoluteCi() == null ? "-" : "[" + format(c.absoluteCi().low()) + ", " + format(c.absoluteCi().high()) + "]"));
            }
        }
        return text.toString();
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Where the numbers were measured. */
    static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("measured_at", Instant.now().toString());
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        environment.put("java", System.getProperty("java.version"));
        environment.put("load_average", loadAverage());
        return environment;
    }

    /** The results as JSON (written by hand: the test class path has no JSON library of its own to rely on). */
    static String json(Results all, Map<String, Object> environment) {
        List<SizeResult> results = all.streaming();
        StringBuilder json = new StringBuilder("{\n  \"environment\": {");
        json.append(fields(environment)).append("},\n  \"sizes\": [");
        for (int i = 0; i < results.size(); i++) {
            SizeResult r = results.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("warehouse", r.warehouse());
            fields.put("members", r.members());
            fields.put("units", r.units());
            fields.put("quantile_events", r.events());
            fields.put("open_seconds", r.coldOpen() / 1e9);
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
            fields.put("max_heap_bytes", r.maxHeap());
            fields.put("fused_seconds", r.fused());
            fields.put("fused_queries", r.fusedQueries());
            fields.put("per_metric_seconds", r.perMetric());
            fields.put("per_metric_queries", r.perMetricQueries());
            fields.put("fused_speedup", r.fusedSpeedup());
            fields.put("load_average", r.loadAverage());
            json.append(fields(fields));
            json.append(", \"quantiles\": [");
            json.append(r.quantiles().stream().map(q -> {
                ComparisonResult c = q.result();
                Map<String, Object> quantile = new LinkedHashMap<>();
                quantile.put("metric", q.metric());
                quantile.put("method", q.method());
                quantile.put("seconds", q.seconds());
                quantile.put("status", c.status().name());
                quantile.put("control", c.controlValue());
                quantile.put("treatment", c.treatmentValue());
                quantile.put("effect", c.absoluteEffect());
                quantile.put("ci_low", c.absoluteCi() == null ? null : c.absoluteCi().low());
                quantile.put("ci_high", c.absoluteCi() == null ? null : c.absoluteCi().high());
                quantile.put("p_value", c.pValue());
                return "{" + fields(quantile) + "}";
            }).collect(Collectors.joining(", ")));
            json.append("]}");
        }
        json.append("\n  ],\n  \"shop\": [");
        for (int i = 0; i < all.shop().size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("    {").append(fields(ShopBenchmark.jsonFields(all.shop().get(i)))).append("}");
        }
        json.append("\n  ],\n  \"load\": [");
        for (int i = 0; i < all.load().size(); i++) {
            LoadBenchmark.LoadResult load = all.load().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {").append(fields(LoadBenchmark.jsonFields(load)))
                    .append(", \"levels\": [").append(load.levels().stream().map(level -> "{" + fields(LoadBenchmark.jsonFields(level)) + "}")
                            .collect(Collectors.joining(", "))).append("]}");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** The entries of {@code fields} as JSON members, without braces. */
    private static String fields(Map<?, ?> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + value(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "null";
        } else if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof Map<?, ?> map) {
            return "{" + fields(map) + "}";
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
