package io.splitscope.app.cli;

import io.splitscope.analysis.ScorecardTable;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.project.Project;
import io.splitscope.stats.r.ParityReport;
import io.splitscope.stats.r.RParity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code analyze --project FILE | --warehouse SOURCE --experiment ID [--metrics m1,m2] [--cuped] [--segment DIMENSION] [--format json|table] [--out FILE]}:
 * one scorecard, as {@code spec/scorecard.md} describes it.
 */
final class AnalyzeCommand {

    static final String USAGE = "analyze " + ProjectOption.USAGE + " --experiment ID [--metrics m1,m2,...] [--cuped | --method welch_t|cuped|bayesian|sequential] [--segment DIMENSION] [--verify-r] [--format json|table] [--out FILE]";

    private AnalyzeCommand() {
    }

    static void run(List<String> arguments, PrintStream stdout, PrintStream stderr) {
        Set<String> valued = new java.util.HashSet<>(Set.of("experiment", "metrics", "method", "segment", "format", "out"));
        valued.addAll(ProjectOption.NAMES);
        Arguments options = Arguments.parse(arguments, valued, Set.of("cuped", "verify-r", "debug"));
        String experiment = options.required("experiment");
        List<String> metrics = options.optional("metrics").map(AnalyzeCommand::metricList).orElse(List.of());
        String segmentBy = options.optional("segment").orElse(null);
        MeanMethod meanMethod = meanMethod(options);
        String format = options.optional("format").orElse("table");
        if (!format.equals("json") && !format.equals("table")) {
            throw new UsageException("option --format takes json or table, not '" + format + "'");
        }

        Project project = ProjectOption.required(options);
        stderr.println("splitscope: opening " + ProjectOption.describe(project));
        Scorecard scorecard;
        List<RVerification> verifications = List.of();
        try (AnalysisService service = AnalysisService.open(project)) {
            stderr.println("splitscope: analysing " + experiment);
            AnalysisRequest request = new AnalysisRequest(experiment, metrics, meanMethod, segmentBy);
            scorecard = service.analyze(request);
            if (options.flag("verify-r")) {
                stderr.println("splitscope: recomputing in R");
                verifications = service.verifyInR(request);
            }
        }
        requireUnitsInEveryVariant(scorecard);
        String text = format.equals("json") ? ScorecardJson.write(scorecard) : ScorecardTable.render(scorecard);
        options.optional("out").ifPresentOrElse(out -> writeAtomically(Path.of(out), text), () -> stdout.print(text));
        if (options.flag("verify-r")) {
            reportVerification(verifications, stderr);
        }
    }

    /**
     * One line per verified metric and the largest relative difference overall; a failed
     * verification (R missing, or Java and R apart by more than the tolerance) fails the command,
     * after the scorecard has been written.
     */
    private static void reportVerification(List<RVerification> verifications, PrintStream stderr) {
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
    private static MeanMethod meanMethod(Arguments options) {
        if (options.flag("cuped")) {
            if (options.optional("method").isPresent()) {
                throw new UsageException("give --cuped or --method, not both");
            }
            return MeanMethod.CUPED;
        }
        try {
            return options.optional("method").map(MeanMethod::parse).orElse(MeanMethod.WELCH_T);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --method: " + e.getMessage());
        }
    }

    private static List<String> metricList(String value) {
        List<String> metrics = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (metrics.isEmpty()) {
            throw new UsageException("option --metrics needs at least one metric id");
        }
        return metrics;
    }

    /** A variant without units cannot be compared: the command line refuses rather than print empty rows. */
    private static void requireUnitsInEveryVariant(Scorecard scorecard) {
        for (Map.Entry<String, Long> variant : scorecard.population().units().entrySet()) {
            if (variant.getValue() == 0) {
                var experiment = scorecard.experiment();
                throw new CommandException("experiment " + experiment.id() + ": variant '" + variant.getKey()
                        + "' has no units in the analysed population (no valid exposure"
                        + (experiment.timed() ? " between " + experiment.startDate() + " and " + experiment.endDate() : "")
                        + ")");
            }
        }
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
}
