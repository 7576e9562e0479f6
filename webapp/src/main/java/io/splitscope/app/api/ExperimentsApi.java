package io.splitscope.app.api;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.HealthReport;
import io.splitscope.analysis.LeftOutUnits;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.results.AnalysisJob;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.app.results.ExperimentRecords;
import io.splitscope.app.results.Today;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.app.web.common.HealthReports;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.decision.Decision;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST API ({@code /api}), for scripts, notebooks and other systems. Every request needs a
 * user (HTTP Basic, or the browser's signed-in session); starting an analysis needs an analyst.
 * Errors are JSON {@link ApiError}s.
 *
 * <ul>
 *   <li>{@code GET /api/experiments}: the experiments of the warehouse, each with its {@code decision}
 *       from its stored default scorecard: treatment variant → recommendation id ({@code ship},
 *       {@code roll_back}, {@code keep_running}, {@code no_ship}, {@code unhealthy}; {@code spec/decisions.md}),
 *       null while none is stored or the experiment has no decision plan; and its {@code record}, the
 *       team's record ({@link ExperimentRecordsApi}).</li>
 *   <li>{@code GET /api/experiments/{id}}: one experiment, its status and its health: the sample-ratio
 *       check overall, per day and per segment, crossovers and invalid exposures per day, the units
 *       each windowed metric leaves out ({@link ExperimentDocument}).</li>
 *   <li>{@code GET /api/experiments/{id}/scorecard[?method=welch_t|cuped|bayesian|sequential][&segment=country|device|plan|country,device (at most two: their cross product)][&metrics=m1,m2][&confidence=90|95|99]}:
 *       the scorecard JSON of {@code spec/scorecard.md}, exactly as {@code ./splitscope analyze --format json}
 *       prints it; the stored one when there is one (header {@code X-Splitscope-Stale: true} when the
 *       warehouse has changed since; {@code X-Splitscope-Failed-Run} when a later run failed), else
 *       computed now (and stored). Equivalent parameters are one scorecard (metrics in any order);
 *       a metric named twice is refused (400). A viewer gets what is stored and the default
 *       scorecard; computing another needs an analyst (403).</li>
 *   <li>{@code GET /api/experiments/{id}/scorecard.csv[?...]}: its rows as CSV ({@link ScorecardCsv}).</li>
 *   <li>{@code POST /api/experiments/{id}/analyses[?...]}: analysts start a (re-)run in the background;
 *       202 with the job and its {@code Location}.</li>
 *   <li>{@code GET /api/analyses/{jobId}}: how a run is going.</li>
 * </ul>
 *
 * <p>While results cannot be stored (see {@link io.splitscope.app.results.ResultsStoreStatus}),
 * every answer has header {@code X-Splitscope-Results-Store: unavailable} and the problem in
 * {@code X-Splitscope-Results-Store-Problem}.
 */
@RestController
@RequestMapping("/api")
public final class ExperimentsApi {

    /** The header that says whether a stored scorecard predates the warehouse's current files. */
    public static final String STALE_HEADER = "X-Splitscope-Stale";
    /** The header that says a run after the stored scorecard failed: when, by whom, why (in ASCII). */
    public static final String FAILED_RUN_HEADER = "X-Splitscope-Failed-Run";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AnalysisService analysis;
    private final WarehouseExperiments experiments;
    private final AnalysisJobs jobs;
    private final ExperimentRecords records;
    private final HealthReports healthReports;
    private final Today today;

    /** Built by Spring. */
    public ExperimentsApi(AnalysisService analysis, WarehouseExperiments experiments, AnalysisJobs jobs, ExperimentRecords records,
                          HealthReports healthReports, Today today) {
        this.records = records;
        this.analysis = analysis;
        this.experiments = experiments;
        this.jobs = jobs;
        this.healthReports = healthReports;
        this.today = today;
    }

    /** Where an experiment's scorecard is, its id encoded as a path segment. */
    private static final String SCORECARD_PATH = "/api/experiments/{id}/scorecard";

    /** {@code GET /api/experiments}. */
    @GetMapping(value = "/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
    public String experiments() {
        ArrayNode list = JSON.createArrayNode();
        for (Experiment experiment : experiments.all()) {
            ObjectNode node = list.addObject();
            ExperimentDocument.metadata(node, experiment);
            node.put("scorecard", UriComponentsBuilder.fromPath(SCORECARD_PATH).buildAndExpand(experiment.id()).encode()
                    .toUriString());
            List<Decision> decisions = jobs.storedDecisions(experiment.id());
            if (decisions.isEmpty()) {
                node.putNull("decision");
            } else {
                ObjectNode decision = node.putObject("decision");
                decisions.forEach(d -> decision.put(d.variant(), d.recommendation().id()));
            }
            RecordJson.write(node.putObject("record"), records.of(experiment.id()), RecordStatus.byDates(experiment, today.date()));
        }
        return JSON.writeValueAsString(list);
    }

    /**
     * {@code GET /api/experiments/{id}}: the experiment's metadata, its {@code status} as the list of
     * the web app shows it (the team's, else the one its dates give today: {@code draft},
     * {@code running}, {@code stopped}, {@code decided}; see {@link ExperimentRecordsApi}) and its {@code health} ({@link ExperimentDocument#health}); the windowed metrics' shares
     * come from its default scorecard (stored, or computed now).
     */
    @GetMapping(value = "/experiments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String experiment(@PathVariable String id) {
        Experiment experiment = experiments.find(id).orElseThrow(() -> ApiException.unknownExperiment(id));
        AnalysisRequest defaults = AnalysisRequest.of(id);
        HealthReport report;
        try {
            report = healthReports.report(id).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<String, Metric> metrics = analysis.metrics().stream().collect(Collectors.toMap(Metric::id, m -> m, (a, b) -> a));
        List<LeftOutUnits> leftOut = report.status() == HealthReport.Status.READY
                ? LeftOutUnits.of(jobs.scorecard(defaults).scorecard(), metrics::get) : List.of();
        ObjectNode node = JSON.createObjectNode();
        ExperimentDocument.metadata(node, experiment);
        node.put("status", records.of(experiment.id()).shownStatus(experiment, today.date()).id());
        node.put("scorecard", UriComponentsBuilder.fromPath(SCORECARD_PATH).buildAndExpand(experiment.id()).encode()
                .toUriString());
        ExperimentDocument.health(node.putObject("health"), report, leftOut);
        return JSON.writeValueAsString(node);
    }

    /** {@code GET /api/experiments/{id}/scorecard}. */
    @GetMapping(value = "/experiments/{id}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> scorecard(@PathVariable String id, ScorecardParameters parameters) {
        AnalysisRequest request = request(id, parameters);
        StoredScorecard stored = jobs.scorecard(request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).headers(storedHeaders(request, stored))
                .body(stored.json());
    }

    /** {@code GET /api/experiments/{id}/scorecard.csv}. */
    @GetMapping(value = "/experiments/{id}/scorecard.csv")
    public ResponseEntity<String> scorecardCsv(@PathVariable String id, ScorecardParameters parameters) {
        AnalysisRequest request = request(id, parameters);
        StoredScorecard stored = jobs.scorecard(request);
        String fileName = ScorecardCsv.fileName(request);
        return ResponseEntity.ok().contentType(CSV).headers(storedHeaders(request, stored))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(ScorecardCsv.write(stored.scorecard()));
    }

    /** Whether the scorecard is stale, and the run after it that failed, if any. */
    private HttpHeaders storedHeaders(AnalysisRequest request, StoredScorecard stored) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(STALE_HEADER, Boolean.toString(stored.stale()));
        jobs.lastFailure(request).ifPresent(failed -> headers.set(FAILED_RUN_HEADER,
                ascii(failed.failedAt() + " by " + failed.requestedBy() + ": " + failed.message())));
        return headers;
    }

    /** {@code text} fit for a header value: ASCII, one line. */
    static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** {@code POST /api/experiments/{id}/analyses}: 202 Accepted with the job. */
    @PostMapping(value = "/experiments/{id}/analyses", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> startAnalysis(@PathVariable String id, ScorecardParameters parameters) {
        AnalysisJob job = jobs.run(request(id, parameters));
        return ResponseEntity.accepted().location(URI.create("/api/analyses/" + job.id())).contentType(MediaType.APPLICATION_JSON)
                .body(jobJson(job));
    }

    /** {@code GET /api/analyses/{jobId}}. */
    @GetMapping(value = "/analyses/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String analysis(@PathVariable String jobId) {
        return jobs.job(jobId).map(ExperimentsApi::jobJson)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown analysis '" + jobId + "' (jobs are kept while the app runs)"));
    }

    /** Anything else under {@code /api}: 404 as JSON. */
    @RequestMapping("/**")
    public ResponseEntity<String> unknown(HttpServletRequest request) {
        return ApiError.of(HttpStatus.NOT_FOUND, "no such API resource: " + request.getMethod() + " " + request.getRequestURI()
                + " (GET /api/openapi.json lists the API)").response();
    }

    /**
     * The request the parameters describe, checked: 404 for an unknown experiment, 400 for a bad
     * parameter (package-private: ExperimentsApiFuzzTest fuzzes it without a server).
     */
    AnalysisRequest request(String id, ScorecardParameters parameters) {
        Experiment experiment = experiments.find(id)
                .orElseThrow(() -> ApiException.unknownExperiment(id));
        String method = parameters.method();
        String segment = parameters.segment();
        String metrics = parameters.metrics();
        String confidence = parameters.confidence();
        MeanMethod meanMethod;
        ConfidenceLevel level;
        LocalDate until;
        try {
            meanMethod = method == null || method.isBlank() ? MeanMethod.WELCH_T : MeanMethod.parse(method.strip());
            level = ConfidenceLevel.parseOrDefault(confidence);
            until = parameters.until() == null || parameters.until().isBlank() ? null : LocalDate.parse(parameters.until().strip());
            if (until != null) {
                experiment.endingOn(until); // within the period
            }
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "parameter until needs a day like 2026-04-01, not '" + parameters.until() + "'");
        } catch (IllegalArgumentException | AnalysisException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<String> metricIds = metrics == null ? List.of()
                : Arrays.stream(metrics.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        if (metrics != null && metricIds.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "parameter metrics needs at least one metric id");
        }
        Set<String> known = analysis.metrics().stream().map(Metric::id).collect(Collectors.toSet());
        List<String> unknown = metricIds.stream().filter(m -> !known.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown metric" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " (GET /api/metrics lists the metrics)");
        }
        try {
            AnalysisRequest request = new AnalysisRequest(id, metricIds, meanMethod, segment, level, until);
            analysis.segmentBy(request); // every dimension known
            return request;
        } catch (IllegalArgumentException | AnalysisException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * The query parameters of a scorecard, bound by name, each optional: {@code method},
     * {@code segment}, {@code metrics} (comma-separated), {@code confidence} (90, 95 or 99;
     * {@code 0.9} and {@code 99%} are read too) and {@code until} (the last day of data, ISO, within the
     * experiment's period).
     */
    public record ScorecardParameters(String method, String segment, String metrics, String confidence, String until) {
    }

    /** A job as JSON: {@code id}, {@code state} (queued, running, succeeded, failed), progress and times, and where its scorecard is. */
    static String jobJson(AnalysisJob job) {
        AnalysisRequest request = job.request();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", job.id());
        node.put("experiment_id", request.experimentId());
        node.put("method", request.meanMethod().methodId());
        node.put("segment", request.segmentBy());
        node.put("confidence_level", request.confidence().value());
        node.put("until", request.until() == null ? null : request.until().toString());
        ArrayNode metricIds = node.putArray("metrics");
        request.metricIds().forEach(metricIds::add);
        node.put("state", job.state().jsonName());
        node.put("progress", job.progress());
        node.put("steps_done", job.stepsDone());
        node.put("steps_total", job.stepsTotal());
        node.put("step", job.step());
        node.put("submitted_by", job.submittedBy());
        node.put("submitted_at", text(job.submittedAt()));
        node.put("started_at", text(job.startedAt()));
        node.put("finished_at", text(job.finishedAt()));
        node.put("error", job.error());
        UriComponentsBuilder scorecard = UriComponentsBuilder.fromPath(SCORECARD_PATH)
                .queryParam("method", request.meanMethod().methodId());
        if (request.segmentBy() != null) {
            scorecard.queryParam("segment", request.segmentBy());
        }
        if (!request.metricIds().isEmpty()) {
            scorecard.queryParam("metrics", String.join(",", request.metricIds()));
        }
        if (!request.confidence().isDefault()) {
            scorecard.queryParam("confidence", request.confidence().percentText());
        }
        node.put("scorecard", scorecard.buildAndExpand(request.experimentId()).encode().toUriString());
        return JSON.writeValueAsString(node);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
