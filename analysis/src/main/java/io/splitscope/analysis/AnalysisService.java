package io.splitscope.analysis;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.ConfigError;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectException;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.metrics.query.SeriesQuery;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.VariantStatistics;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.methods.QuantileAsymptotic;
import io.splitscope.stats.r.RParity;
import io.splitscope.stats.health.SrmResult;
import io.splitscope.stats.methods.BootstrapQuantile;
import io.splitscope.stats.multiple.BenjaminiHochberg;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The analysis pipeline behind the command line, the web app and the API: metrics-repo compiles
 * the queries, the warehouse aggregates, stats compares. One instance serves one warehouse and
 * may be used from several threads.
 */
public final class AnalysisService implements AutoCloseable {

    private final Project project;
    private final Warehouse warehouse;
    private final BufferAllocator rootAllocator = new RootAllocator();
    private final Clock clock;
    /** Days of first exposures the intake per day is measured over. */
    private static final int INTAKE_DAYS = 7;

    AnalysisService(Project project, Warehouse warehouse, Clock clock) {
        this.project = project;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /**
     * Opens the streaming preset ({@code spec/warehouse.md}) over the warehouse at {@code source}: a
     * folder of CSV or Parquet files, a DuckDB file, or a PostgreSQL or Trino JDBC URL; see
     * {@link Warehouses#open}.
     *
     * @throws io.splitscope.sql.WarehouseException when it cannot be opened or breaks the contract
     */
    public static AnalysisService open(String source) {
        return open(StreamingPreset.project(source));
    }

    /**
     * Opens {@code project}'s warehouse ({@code spec/project.md}) and verifies in it, before any
     * analysis, what the project names (a project file's tables, SQL sources and columns).
     *
     * @throws io.splitscope.sql.WarehouseException when it cannot be opened or breaks the project's contract
     * @throws ProjectException listing every table, source or column of the project file the warehouse lacks
     */
    public static AnalysisService open(Project project) {
        return open(project, Clock.systemUTC());
    }

    /**
     * {@link #open(Project)} with another clock: "now" for the decisions (days left, the look of a
     * group-sequential design, the last 7 days' intake) and the scorecards' time of computation — for
     * a warehouse whose data stop at some past day, a clock that runs on from that day.
     */
    public static AnalysisService open(Project project, Clock clock) {
        Warehouse warehouse = Warehouses.open(project.warehouse(), project.contract());
        AnalysisService service = new AnalysisService(project, warehouse, clock);
        try (BufferAllocator allocator = service.childAllocator("check")) {
            List<ConfigError> mistakes = project.check().mistakes(warehouse, allocator);
            if (!mistakes.isEmpty()) {
                throw new ProjectException(mistakes);
            }
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The project this service analyses. */
    public Project project() {
        return project;
    }

    public String warehouseDescription() {
        return warehouse.description();
    }

    /** The metrics this service can analyse. */
    public List<Metric> metrics() {
        return project.metrics().all();
    }

    /** The dimensions results can be sliced by. */
    public List<Dimension> dimensions() {
        return project.dimensions();
    }

    /**
     * The dimension with id {@code id}.
     *
     * @throws AnalysisException naming the known dimensions
     */
    public Dimension dimension(String id) {
        try {
            return project.dimension(id);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
    }

    public List<Experiment> experiments() {
        try (BufferAllocator allocator = childAllocator("experiments")) {
            return project.experiments().list(warehouse, allocator);
        }
    }

    /** The experiment with id {@code experimentId}, if the project has one. */
    public Optional<Experiment> experiment(String experimentId) {
        try (BufferAllocator allocator = childAllocator("experiments")) {
            return project.experiments().find(warehouse, allocator, experimentId);
        }
    }

    /**
     * Analyses one experiment.
     *
     * @throws AnalysisException for an unknown experiment or metric, or an inconsistent experiment
     */
    public Scorecard analyze(AnalysisRequest request) {
        return analyze(request, ProgressListener.NONE);
    }

    /**
     * Analyses one experiment, telling {@code progress} as each step starts (see
     * {@link ProgressListener} for the steps).
     *
     * @throws AnalysisException for an unknown experiment or metric, or an inconsistent experiment
     */
    public Scorecard analyze(AnalysisRequest request, ProgressListener progress) {
        Experiment experiment = until(analysable(request.experimentId()), request.until());
        List<Metric> selected = selectMetrics(request, experiment);
        List<Dimension> segmentBy = segmentBy(request);
        int queries = MetricInputs.queryCount(selected, request.meanMethod(), warehouse.dsl().dialect());
        AnalysisSteps steps = new AnalysisSteps(progress, queries + (request.segmentBy() == null ? 2 : 3));

        QueryLog log = new QueryLog(warehouse); // this analysis' queries only, for its provenance
        steps.start("population");
        ExposedUnits computed = ExposedUnits.of(experiment);
        // Every query starts from the experiment's units: the engine that can keeps them for the analysis.
        Optional<StagedTable> staged = log.stage(computed.select());
        try (BufferAllocator allocator = childAllocator(experiment.id())) {
            ExposedUnits exposed = staged.map(table -> computed.readFrom(table.table())).orElse(computed);
            Optional<IntakePeriod> period = intakePeriod(experiment);
            LocalDateTime intakeFrom = period.map(IntakePeriod::from).orElse(null);
            LocalDateTime intakeTo = period.map(IntakePeriod::to).orElse(null);
            Population population = PopulationQuery.read(experiment, log.query(
                    PopulationQuery.summary(log.dsl(), exposed, intakeFrom, intakeTo), allocator, ArrowRows::read),
                    intakeFrom, intakeTo);
            SrmResult srm = srm(experiment, population);
            if (!Readiness.of(experiment, population).ready()) {
                // nothing to compare yet: the scorecard says what it waits for (Scorecard.readiness)
                steps.finish();
                return new Scorecard(experiment, population, srm, List.of(), request.confidence(),
                        warehouse.description(), clock.instant(), log.entries());
            }
            if (request.segmentBy() != null) {
                steps.start("units by " + segmentBy.stream().map(Dimension::id).collect(Collectors.joining(" × ")));
            }
            Map<String, Map<String, Long>> unitsBySegment = request.segmentBy() == null
                    ? Map.of(PopulationQuery.ALL, population.units())
                    : PopulationQuery.readUnitCounts(log.query(
                            PopulationQuery.unitCounts(log.dsl(), exposed, segmentBy), allocator, ArrowRows::read));
            // the staging, population and units-by-segment queries come first in the log
            MetricInputs metricInputs = new MetricInputs(steps.reportingQueries(log, queries), exposed, allocator,
                    log.entries().size());
            Map<String, Map<String, Map<String, VariantData>>> inputs =
                    metricInputs.fetch(selected, request.meanMethod(), segmentBy);
            steps.start("comparisons");
            List<ScorecardRow> rows = compare(experiment, selected, inputs, metricInputs, unitsBySegment, request);
            // a scorecard sliced by segment, or of metrics chosen without the plan's, has no decision
            Map<String, Metric> roleMetrics = roleMetrics(experiment, selected);
            List<Decision> decisions = request.segmentBy() != null
                    || roleMetrics.size() < experiment.decisionPlan().roleMetricIds().size() ? List.of()
                    : new ScorecardDecisions(experiment, population, srm, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                            .decide(roleMetrics, overAllUnits(inputs), request.meanMethod());
            Scorecard scorecard = new Scorecard(experiment, population, srm, adjust(rows), request.confidence(),
                    warehouse.description(), clock.instant(), log.entries(), metricInputs.queries(), decisions);
            steps.finish();
            return scorecard;
        } finally {
            staged.ifPresent(StagedTable::close);
        }
    }

    /**
     * The period whose first exposures give the intake per day ({@code spec/decisions.md}: days left
     * "at the last 7 days' intake"): the last {@value #INTAKE_DAYS} days before now or the end of the
     * analysis, whichever is earlier, not before the start; empty for an experiment without timestamps
     * or not started. Its units are counted in the population's query (no query of its own).
     */
    private Optional<IntakePeriod> intakePeriod(Experiment experiment) {
        if (!experiment.timed()) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDateTime to = now.isBefore(PopulationQuery.analysisEnd(experiment)) ? now : PopulationQuery.analysisEnd(experiment);
        LocalDateTime weekBefore = to.minusDays(INTAKE_DAYS);
        LocalDateTime start = experiment.startDate().atStartOfDay();
        LocalDateTime from = weekBefore.isBefore(start) ? start : weekBefore;
        return to.isAfter(from) ? Optional.of(new IntakePeriod(from, to)) : Optional.empty();
    }

    private record IntakePeriod(LocalDateTime from, LocalDateTime to) {
    }

    /** The decision plan's success and guardrail metrics among those selected, by id. */
    private static Map<String, Metric> roleMetrics(Experiment experiment, List<Metric> selected) {
        Set<String> roles = experiment.decisionPlan().roleMetricIds();
        return selected.stream().filter(metric -> roles.contains(metric.id()))
                .collect(Collectors.toMap(Metric::id, metric -> metric, (first, same) -> first, LinkedHashMap::new));
    }

    /** Metric id → variant → inputs, over all units (the inputs of a scorecard not sliced by segment). */
    private static Map<String, Map<String, VariantData>> overAllUnits(Map<String, Map<String, Map<String, VariantData>>> inputs) {
        Map<String, Map<String, VariantData>> all = new LinkedHashMap<>();
        inputs.forEach((metric, bySegment) -> all.put(metric, bySegment.get(PopulationQuery.ALL)));
        return all;
    }

    /** The sample-ratio check of the population ({@link HealthAnalysis#srm}). */
    private static SrmResult srm(Experiment experiment, Population population) {
        return HealthAnalysis.srm(experiment, population.units());
    }

    /**
     * The health of an experiment's data ({@link HealthReport}): the sample-ratio check overall,
     * per day of first exposure and per value of each of the project's dimensions, and the
     * crossovers and invalid exposures per day. An experiment nobody is exposed to yet has the
     * status {@link HealthReport.Status#NO_UNITS}.
     *
     * @throws AnalysisException for an unknown or inconsistent experiment
     */
    public HealthReport health(String experimentId) {
        Experiment experiment = analysable(experimentId);
        try (BufferAllocator allocator = childAllocator(experiment.id())) {
            return HealthAnalysis.run(experiment, warehouse, project.dimensions(), allocator);
        }
    }

    /**
     * The cumulative series of one mean or proportion metric, compared with {@code welch_t} at
     * every step (each step is a look at the data; the p-values are not corrected for peeking).
     *
     * @throws AnalysisException for an unknown experiment or metric, or a metric that has no series
     */
    public EffectSeries series(String experimentId, String metricId, SeriesAxis axis) {
        return series(experimentId, metricId, axis, ConfidenceLevel.DEFAULT);
    }

    /**
     * {@link #series(String, String, SeriesAxis)} with intervals at {@code level}.
     *
     * @throws AnalysisException for an unknown experiment or metric, or a metric that has no series
     */
    public EffectSeries series(String experimentId, String metricId, SeriesAxis axis, ConfidenceLevel level) {
        Experiment experiment = analysable(experimentId);
        Metric metric = selectMetrics(new AnalysisRequest(experimentId, List.of(metricId), MeanMethod.WELCH_T, null),
                experiment).getFirst();
        metric.seriesRefusal().ifPresent(reason -> {
            throw new AnalysisException(reason);
        });
        if (!experiment.timed()) {
            throw new AnalysisException("metric " + metricId + " in experiment " + experimentId + ": series need "
                    + "timestamps, and the experiment's exposures have none");
        }
        ComparisonMethod<Moments> method = ComparisonMethods.byId(MethodChoice.WELCH_T, Moments.class);
        try (BufferAllocator allocator = childAllocator(experiment.id())) {
            Map<String, VariantStatistics> steps = warehouse.query(
                    SeriesQuery.build(warehouse.dsl(), experiment, metric, axis), allocator,
                    reader -> VariantStatistics.readBySlice(reader, SeriesQuery.STEP));
            List<EffectSeries.Point> points = new ArrayList<>();
            steps.forEach((stepText, statistics) -> {
                int step = Integer.parseInt(stepText);
                LocalDate date = axis == SeriesAxis.CALENDAR_DATE ? experiment.startDate().plusDays(step) : null;
                Moments control = statistics.moments(metric.id(), experiment.controlVariant());
                for (String treatment : experiment.treatments()) {
                    Moments treated = statistics.moments(metric.id(), treatment);
                    points.add(new EffectSeries.Point(step, date, treatment, control.n(), treated.n(),
                            method.compare(control, treated, level)));
                }
            });
            return new EffectSeries(experiment.id(), metric.id(), axis, points);
        }
    }

    /**
     * The difference of the quantile functions of treatment and control for a quantile metric,
     * {@code Δ(p) = Q_t(p) − Q_c(p)} at each of {@code levels} (the metric's own level aside), over
     * the whole population: the metric's events are read once and every level is compared with
     * {@code quantile_asymptotic} on {@link QuantileSample}s sharing those arrays. The quantiles
     * are R's type 7, as the scorecard's, so at the metric's level the difference is the
     * scorecard's absolute effect; the interval is the closed-form, unit-clustered one
     * ({@link QuantileAsymptotic}: Deng, Knoblich &amp; Lu, KDD 2018, section 4), pointwise.
     *
     * @param levels levels in (0, 1); null or empty for {@link QuantileCurve#DEFAULT_LEVELS}
     * @throws AnalysisException for an unknown experiment or metric, a metric that is not a quantile
     *                           metric, or a level outside (0, 1)
     */
    public QuantileCurve quantileDifferences(String experimentId, String metricId, List<Double> levels) {
        return quantileDifferences(experimentId, metricId, levels, ConfidenceLevel.DEFAULT);
    }

    /**
     * {@link #quantileDifferences(String, String, List)} with pointwise intervals at {@code confidence}.
     *
     * @throws AnalysisException for an unknown experiment or metric, a metric that is not a quantile
     *                           metric, or a level outside (0, 1)
     */
    public QuantileCurve quantileDifferences(String experimentId, String metricId, List<Double> levels,
                                             ConfidenceLevel confidence) {
        List<Double> asked = levels == null || levels.isEmpty() ? QuantileCurve.DEFAULT_LEVELS
                : levels.stream().sorted().distinct().toList();
        for (Double level : asked) {
            if (level == null || !(level > 0 && level < 1)) {
                throw new AnalysisException("quantile level " + level + " is outside (0, 1)");
            }
        }
        Experiment experiment = analysable(experimentId);
        Metric metric = selectMetrics(new AnalysisRequest(experimentId, List.of(metricId), MeanMethod.WELCH_T, null),
                experiment).getFirst();
        if (!(metric.measure() instanceof Measure.Quantile)) {
            throw new AnalysisException("metric " + metricId + " is a " + metric.type().jsonName()
                    + " metric: quantile differences are computed for quantile metrics");
        }
        ComparisonMethod<QuantileSample> method = ComparisonMethods.byId(QuantileAsymptotic.ID, QuantileSample.class);
        try (BufferAllocator allocator = childAllocator(experiment.id())) {
            // the metric's events as the scorecard reads them (in its source's fused scan on DuckDB)
            Map<String, VariantData> events = new MetricInputs(warehouse, ExposedUnits.of(experiment), allocator)
                    .fetch(List.of(metric), MeanMethod.WELCH_T, null).get(metric.id())
                    .getOrDefault(PopulationQuery.ALL, Map.of());
            List<QuantileCurve.Point> points = new ArrayList<>();
            for (double level : asked) {
                QuantileSample c = atLevel(events.get(experiment.controlVariant()), level);
                for (String treatment : experiment.treatments()) {
                    QuantileSample t = atLevel(events.get(treatment), level);
                    points.add(new QuantileCurve.Point(level, treatment, c.n(), t.n(), method.compare(c, t, confidence)));
                }
            }
            return new QuantileCurve(experiment.id(), metric.id(), asked, points);
        }
    }

    /** The same events at another level: the arrays are shared, never copied (the methods copy what they reorder). */
    private static QuantileSample atLevel(VariantData events, double level) {
        if (events instanceof QuantileSample sample) {
            return new QuantileSample(level, sample.values(), sample.unitOffsets());
        }
        return new QuantileSample(level, ClusteredValues.NONE.values(), ClusteredValues.NONE.unitOffsets());
    }

    /**
     * Recomputes in GNU R every metric of {@code request} whose Java method has an R twin
     * ({@code welch_t}, {@code cuped}, {@code mann_whitney}) on the very inputs the analysis uses,
     * and reports how closely the two agree; metrics without a twin are left out.
     *
     * @throws AnalysisException for an unknown experiment or metric
     */
    public List<RVerification> verifyInR(AnalysisRequest request) {
        Experiment experiment = analysable(request.experimentId());
        List<Metric> selected = selectMetrics(request, experiment);
        List<String> variants = experiment.variantNames();
        int control = variants.indexOf(experiment.controlVariant());
        List<RVerification> verifications = new ArrayList<>();
        try (BufferAllocator allocator = childAllocator(experiment.id())) {
            Map<String, Map<String, Map<String, VariantData>>> inputs =
                    new MetricInputs(warehouse, ExposedUnits.of(experiment), allocator).fetch(selected, request.meanMethod(), segmentBy(request));
            for (Metric metric : selected) {
                String method = MethodChoice.methodFor(metric, request.meanMethod());
                if (RParity.rTwinOf(method).isEmpty()) {
                    continue;
                }
                inputs.get(metric.id()).forEach((segment, byVariant) -> verifications.add(new RVerification(metric.id(),
                        request.segmentBy() == null ? null : segment,
                        RParity.verify(method, variants.stream().map(byVariant::get).toList(), control,
                                request.confidence()))));
            }
        }
        return verifications;
    }

    /**
     * The dimensions {@code request} slices its results by, in its order; empty when unsliced.
     *
     * @throws AnalysisException for a dimension the project does not declare, naming those it does
     */
    public List<Dimension> segmentBy(AnalysisRequest request) {
        return request.segmentDimensions().stream().map(this::dimension).toList();
    }

    /**
     * The metrics of {@code experimentId}'s default scorecard ({@link AnalysisRequest#of}).
     *
     * @throws AnalysisException for an unknown experiment, or one that cannot be analysed
     */
    public List<Metric> defaultMetrics(String experimentId) {
        return selectMetrics(AnalysisRequest.of(experimentId), analysable(experimentId));
    }

    /**
     * The experiment of this id, checked to be analysable.
     *
     * @throws AnalysisException for an unknown experiment (naming the known ones) or one that cannot be analysed
     */
    public Experiment analysable(String experimentId) {
        Experiment experiment = experiment(experimentId)
                .orElseThrow(() -> new AnalysisException("unknown experiment '" + experimentId + "' (known: "
                        + experiments().stream().map(Experiment::id).collect(Collectors.joining(", ")) + ")"));
        ExperimentCheck.requireAnalysable(experiment);
        return experiment;
    }

    /**
     * {@code experiment} as it stood at the end of {@code day}; itself when {@code day} is null.
     *
     * @throws AnalysisException when the experiment has no dates or {@code day} is outside its period
     */
    private static Experiment until(Experiment experiment, LocalDate day) {
        if (day == null) {
            return experiment;
        }
        try {
            return experiment.endingOn(day);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage());
        }
    }

    /**
     * The metrics asked for; else the experiment's own list; else every metric that applies to it
     * (without exposure times: the metrics without a window); each restricted to the experiment's
     * unit filter, and as the metrics of its scorecard rows ({@link Metric#scorecardMetrics()}: a
     * funnel's steps and step-to-step conversions).
     *
     * @throws AnalysisException for an unknown metric, or a windowed metric in an experiment without exposure times
     */
    private List<Metric> selectMetrics(AnalysisRequest request, Experiment experiment) {
        MetricRepository metrics = project.metrics();
        List<Metric> selected;
        try {
            selected = !request.metricIds().isEmpty() ? metrics.resolve(request.metricIds())
                    : !experiment.metricIds().isEmpty() ? metrics.resolve(experiment.metricIds())
                    : metrics.all().stream().filter(metric -> experiment.timed() || !metric.windowed()).toList();
        } catch (MetricRepository.UnknownMetricException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
        // a funnel: its rows; the experiment's unit filter holds for each of its metrics, with the metric's own
        selected = selected.stream().flatMap(metric -> metric.scorecardMetrics().stream())
                .map(metric -> metric.restrictedTo(experiment.unitFilter())).toList();
        for (Metric metric : selected) {
            requireDeclaredDimensions(metric);
            if (metric.windowed() && !experiment.timed()) {
                throw new AnalysisException("metric " + metric.id() + " has a window, but experiment " + experiment.id()
                        + " has no exposure times (its assignment " + experiment.requireAssignment().id()
                        + " has no timestamp)");
            }
        }
        if (selected.isEmpty()) {
            throw new AnalysisException("experiment " + experiment.id() + ": no metric applies to it");
        }
        return selected;
    }

    /**
     * @throws AnalysisException when the metric's unit filter reads a dimension the project does not declare
     */
    private void requireDeclaredDimensions(Metric metric) {
        if (metric.unitFilter() == null) {
            return;
        }
        for (Dimension dimension : metric.unitFilter().dimensions()) {
            if (!project.dimensions().contains(dimension)) {
                throw new AnalysisException("metric " + metric.id() + " filters units on dimension " + dimension.id()
                        + ", which project " + project.name() + " does not declare (known: " + (project.dimensions().isEmpty()
                        ? "none" : project.dimensions().stream().map(Dimension::id).collect(Collectors.joining(", "))) + ")");
            }
        }
    }

    /**
     * One row per metric, segment and treatment; metrics first, in the order asked for. Each row's
     * method is {@link MethodChoice}'s for its two arms (a quantile metric's depends on their sizes).
     */
    private List<ScorecardRow> compare(Experiment experiment, List<Metric> selected,
                                       Map<String, Map<String, Map<String, VariantData>>> inputs, MetricInputs fetched,
                                       Map<String, Map<String, Long>> unitsBySegment, AnalysisRequest request) {
        List<ScorecardRow> rows = new ArrayList<>();
        Map<List<String>, ComparisonResult> bootstrapped = jointBootstraps(experiment, selected, inputs, request);
        for (Metric metric : selected) {
            inputs.get(metric.id()).forEach((segment, byVariant) -> {
                VariantData control = byVariant.get(experiment.controlVariant());
                long analysed = byVariant.values().stream().mapToLong(VariantData::n).sum();
                long units = unitsBySegment.getOrDefault(segment, Map.of()).values().stream().mapToLong(Long::longValue).sum();
                // window-incomplete units only: those the unit filter drops are not in the metric's analysis
                long incomplete = units - analysed - fetched.filteredOut(metric, segment);
                for (String treatment : experiment.treatments()) {
                    VariantData treated = byVariant.get(treatment);
                    ComparisonMethod<?> method = ComparisonMethods.byId(
                            MethodChoice.methodFor(metric, request.meanMethod(), control, treated));
                    ComparisonResult joint = bootstrapped.get(List.of(metric.id(), segment, treatment));
                    ComparisonResult result = joint != null ? joint
                            : compare(method, control, treated, List.copyOf(byVariant.values()), request.confidence());
                    rows.add(new ScorecardRow(metric.id(), metric.title(), metric.type(), method.id(), treatment,
                            request.segmentBy() == null ? null : segment, control.n(), treated.n(), incomplete,
                            result, null, InputSummary.of(control, treated), metric.kind(),
                            metric.windowed() ? metric.eligibility() : null, fetched.cap(metric), metric.direction()));
                }
            });
        }
        return rows;
    }

    /**
     * The {@code bootstrap_quantile} rows of quantile metrics over the same events (the p50 and p90
     * of {@code startup_ms}), computed together: each replicate draws its units once for all their
     * levels, which gives exactly the rows of separate comparisons without drawing again for
     * each level. Only the rows whose method is {@code bootstrap_quantile} ({@link MethodChoice}:
     * asked for, or arms below {@link io.splitscope.stats.methods.QuantileMethodRule#MIN_UNITS_PER_ARM}
     * units). Keyed by (metric, segment, treatment); empty when no two such rows share their events.
     */
    private static Map<List<String>, ComparisonResult> jointBootstraps(Experiment experiment, List<Metric> selected,
            Map<String, Map<String, Map<String, VariantData>>> inputs, AnalysisRequest request) {
        Map<List<String>, ComparisonResult> results = new java.util.HashMap<>();
        List<Metric> quantiles = selected.stream().filter(metric -> metric.type() == MetricType.QUANTILE).toList();
        if (quantiles.size() < 2) {
            return results;
        }
        BootstrapQuantile bootstrap = (BootstrapQuantile) ComparisonMethods.byId(BootstrapQuantile.ID);
        for (String segment : inputs.get(quantiles.getFirst().id()).keySet()) {
            for (String treatment : experiment.treatments()) {
                // metrics whose control and treatment samples share their arrays: the same events
                Map<List<Object>, List<Metric>> sameEvents = new LinkedHashMap<>();
                for (Metric metric : quantiles) {
                    Map<String, VariantData> byVariant = inputs.get(metric.id()).get(segment);
                    if (byVariant != null && byVariant.get(experiment.controlVariant()) instanceof QuantileSample c
                            && byVariant.get(treatment) instanceof QuantileSample t
                            && BootstrapQuantile.ID.equals(MethodChoice.methodFor(metric, request.meanMethod(), c, t))) {
                        sameEvents.computeIfAbsent(List.of(new Identity(c.values()), new Identity(t.values())),
                                k -> new ArrayList<>()).add(metric);
                    }
                }
                for (List<Metric> group : sameEvents.values()) {
                    if (group.size() < 2) {
                        continue;
                    }
                    List<QuantileSample> controls = new ArrayList<>();
                    List<QuantileSample> treatments = new ArrayList<>();
                    for (Metric metric : group) {
                        controls.add((QuantileSample) inputs.get(metric.id()).get(segment).get(experiment.controlVariant()));
                        treatments.add((QuantileSample) inputs.get(metric.id()).get(segment).get(treatment));
                    }
                    List<ComparisonResult> compared = bootstrap.compareLevels(controls, treatments, request.confidence());
                    for (int i = 0; i < group.size(); i++) {
                        results.put(List.of(group.get(i).id(), segment, treatment), compared.get(i));
                    }
                }
            }
        }
        return results;
    }

    /** An array compared by identity (the samples of one event query share theirs). */
    private record Identity(Object array) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.array == array;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(array);
        }
    }

    static <I extends VariantData> ComparisonResult compare(ComparisonMethod<I> method, VariantData control,
                                                                   VariantData treatment, List<VariantData> all,
                                                                   ConfidenceLevel level) {
        Class<I> input = method.inputType();
        return method.compare(input.cast(control), input.cast(treatment), all.stream().map(input::cast).toList(), level);
    }

    /**
     * Fills in the Benjamini–Hochberg adjusted p-value over all rows that have a p-value, descriptive
     * rows ({@link ScorecardRow#descriptive()}) aside: they are not tested, so they get none.
     */
    private static List<ScorecardRow> adjust(List<ScorecardRow> rows) {
        List<ScorecardRow> tested = rows.stream().filter(row -> !row.descriptive()).toList();
        List<Double> adjusted = new BenjaminiHochberg().adjust(tested.stream().map(r -> r.comparison().pValue()).toList());
        Map<ScorecardRow, Double> byRow = new java.util.IdentityHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            byRow.put(tested.get(i), adjusted.get(i));
        }
        return rows.stream().map(row -> row.withPValueAdjusted(byRow.get(row))).toList();
    }

    private BufferAllocator childAllocator(String purpose) {
        return rootAllocator.newChildAllocator(purpose, 0, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        warehouse.close();
        rootAllocator.close();
    }
}
