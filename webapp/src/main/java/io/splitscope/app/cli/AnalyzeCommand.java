package io.splitscope.app.cli;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardTable;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.project.Project;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.r.ParityReport;
import io.splitscope.stats.r.RParity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code analyze --project FILE | --warehouse SOURCE --experiment ID [--metrics m1,m2] [--cuped] [--segment DIMENSION[,DIMENSION]] [--confidence LEVEL] [--format json|table] [--out FILE]}:
 * one scorecard, as {@code spec/scorecard.md} describes it.
 */
@Command(name = "analyze", sortOptions = false, sortSynopsis = false, description = {"Analyse one experiment: its scorecard.",
        "A table, or one JSON document (spec/scorecard.md), on standard output; progress on standard error."})
final class AnalyzeCommand extends BaseCommand {

    @Mixin
    private ProjectOptions project;

    @Option(names = "--experiment", required = true, paramLabel = "ID", description = "The experiment to analyse.")
    private String experiment;

    @Option(names = "--metrics", paramLabel = "ID,...", hideParamSyntax = true, split = ",",
            description = "These metrics only (default: every metric of the catalog).")
    private List<String> metrics;

    @Option(names = "--cuped", description = "Short for --method cuped.")
    private boolean cuped;

    @Option(names = "--method", paramLabel = "ID", completionCandidates = MethodIds.class,
            description = "How mean and proportion metrics are compared: ${COMPLETION-CANDIDATES} (default: welch_t).")
    private MeanMethod method;

    @Option(names = "--segment", paramLabel = "DIMENSION",
            description = "One row per value of this dimension and metric; of two (country,device): per pair of values (DE × mobile).")
    private String segment;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "95",
            description = "The confidence level of every interval, in percent: 90, 95 or 99 (default: ${DEFAULT-VALUE}).")
    private ConfidenceLevel confidence;

    @Option(names = "--until", paramLabel = "DATE",
            description = "Analyse the data up to this day (YYYY-MM-DD), within the experiment's period (default: all of it).")
    private LocalDate until;

    @Option(names = "--verify-r", description = "Recompute in R the metrics whose method has an R twin, and fail if they differ.")
    private boolean verifyR;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "table",
            description = "A table, or one JSON document (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scorecard to FILE instead of standard output.")
    private Path out;

    @Override
    public void run() {
        if (!format.equals("json") && !format.equals("table")) {
            throw usageError("option --format takes json or table, not '" + format + "'");
        }
        AnalysisRequest request = new AnalysisRequest(experiment, metricList(), meanMethod(), segment, confidence, until);
        Project opened = project.required();
        PrintWriter stderr = stderr();
        stderr.println("splitscope: opening " + ProjectOptions.describe(opened));
        Scorecard scorecard;
        boolean verify;
        List<RVerification> verifications = List.of();
        try (AnalysisService service = AnalysisService.open(opened)) {
            stderr.println("splitscope: analysing " + experiment);
            scorecard = service.analyze(request);
            verify = verifyR && scorecard.readiness().ready();
            if (verify) {
                stderr.println("splitscope: recomputing in R");
                verifications = service.verifyInR(request);
            }
        }
        if (verifyR && !verify) { // no rows: nothing for R to recompute
            stderr.println("splitscope: --verify-r: nothing to verify yet (" + scorecard.readiness().waitingFor() + ")");
        }
        String text = format.equals("json") ? ScorecardJson.write(scorecard) : ScorecardTable.render(scorecard);
        if (out == null) {
            stdout().print(text);
        } else {
            writeAtomically(out, text);
        }
        if (verify) {
            reportVerification(verifications, stderr);
        }
    }

    /**
     * One line per verified metric and the largest relative difference overall; a failed
     * verification (R missing, or Java and R apart by more than the tolerance) fails the command,
     * after the scorecard has been written.
     */
    private static void reportVerification(List<RVerification> verifications, PrintWriter stderr) {
        if (verifications.isEmpty()) {
            throw new CommandException("--verify-r: no metric of this scorecard uses a method with an R twin ("
                    + String.join(", ", RParity.twins().keySet()) + ")");
        }
        double largest = 0;
        for (RVerification verification : verifications) {
            ParityReport report = verification.report();
            stderr.println("splitscope: " + verification.metricId()
                    + (verification.segment() == null ? "" : " [" + verification.segment() + "]") + ": " + report.summary());
            if (!report.verified()) {
                throw new CommandException("--verify-r: " + verification.metricId() + ": " + report.rFailure()
                        .orElse(report.problems().isEmpty() ? report.summary() : String.join("; ", report.problems())));
            }
            largest = Math.max(largest, report.maxRelativeDifference());
        }
        stderr.printf(java.util.Locale.ROOT, "splitscope: verified in R: %d metric(s), largest relative difference %.1e%n",
                verifications.size(), largest);
    }

    /** {@code --cuped} is the spec's short form of {@code --method cuped}. */
    private MeanMethod meanMethod() {
        if (cuped && method != null) {
            throw usageError("give --cuped or --method, not both");
        }
        return cuped ? MeanMethod.CUPED : method == null ? MeanMethod.WELCH_T : method;
    }

    /** The ids of {@code --metrics}, blanks left out; empty for the whole catalog. */
    private List<String> metricList() {
        if (metrics == null) {
            return List.of();
        }
        List<String> ids = metrics.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty()) {
            throw usageError("option --metrics needs at least one metric id");
        }
        return ids;
    }

    /** Writes through a temporary file so a failed run never leaves a half-written or emptied FILE. */
    private static void writeAtomically(Path out, String text) {
        try {
            Path absolute = out.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".splitscope-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The methods {@code --method} takes, for the help and the shell completion. */
    static final class MethodIds implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return MeanMethod.values().stream().map(MeanMethod::methodId).iterator();
        }
    }
}
