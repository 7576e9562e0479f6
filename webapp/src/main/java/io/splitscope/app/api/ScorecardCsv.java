package io.splitscope.app.api;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.PlanVerdicts;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.Verdict;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of a scorecard as CSV (RFC 4180, written by Commons CSV's {@link CSVFormat#RFC4180}:
 * comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break, and
 * also when it starts with a blank, {@code !} or {@code #} or ends with a blank; quotes in it
 * doubled), one line per metric, variant and segment, with the
 * column names of the scorecard JSON ({@code spec/scorecard.md}, {@code direction} and
 * {@code verdict} empty where the JSON leaves them out) plus {@code metric_title},
 * {@code segment}, {@code status}, {@code reason} and the method's extra numbers (e.g.
 * {@code chance_to_beat_control}) as further columns. Numbers at full double precision; a value
 * that does not exist is an empty field.
 */
public final class ScorecardCsv {

    /** The fixed columns, in order; the methods' extra numbers follow. */
    public static final List<String> COLUMNS = List.of("metric", "metric_title", "type", "kind", "eligibility",
            "descriptive", "direction", "method", "variant", "segment",
            "n_control", "n_treatment", "incomplete_units", "control_value", "treatment_value", "absolute_effect",
            "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high", "p_value",
            "p_value_adjusted", "verdict", "status", "reason", "cap");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private ScorecardCsv() {
    }

    /** The CSV text, header line first. */
    public static String write(Scorecard scorecard) {
        double alpha = scorecard.confidence().alpha();
        PlanVerdicts verdicts = PlanVerdicts.of(scorecard.decisions());
        Set<String> extras = new LinkedHashSet<>();
        scorecard.rows().forEach(row -> extras.addAll(row.comparison().extras().keySet()));
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            List<String> header = new ArrayList<>(COLUMNS);
            header.addAll(extras);
            printer.printRecord(header);
            for (ScorecardRow row : scorecard.rows()) {
                ComparisonResult r = row.comparison();
                List<String> fields = new ArrayList<>(List.of(row.metricId(), row.metricTitle(), row.type().jsonName(),
                        row.kind().jsonName(), row.eligibility() == null ? "" : row.eligibility().jsonName(),
                        Boolean.toString(row.descriptive()), row.direction() == null ? "" : row.direction().jsonName(),
                        row.method(), row.variant(), text(row.segment()), Long.toString(row.nControl()),
                        Long.toString(row.nTreatment()), Long.toString(row.incompleteUnits()), number(r.controlValue()),
                        number(r.treatmentValue()), number(r.absoluteEffect()), low(r.absoluteCi()), high(r.absoluteCi()),
                        number(r.relativeEffect()), low(r.relativeCi()), high(r.relativeCi()), number(r.pValue()),
                        number(row.pValueAdjusted()), verdicts.verdict(row, alpha).map(Verdict::jsonName).orElse(""), r.status().name().toLowerCase(Locale.ROOT), text(r.reason()),
                        row.cap() == null ? "" : row.cap().text()));
                extras.forEach(name -> fields.add(number(r.extras().get(name))));
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return csv.toString();
    }

    /**
     * A file name for the export: {@code exp_autoplay-welch_t.csv},
     * {@code exp_autoplay-cuped-by-country.csv}, {@code exp_autoplay-welch_t-99pct.csv}.
     */
    public static String fileName(AnalysisRequest request) {
        String name = request.experimentId() + "-" + request.meanMethod().methodId()
                + (request.segmentBy() == null ? "" : "-by-" + request.segmentBy())
                + (request.confidence().isDefault() ? "" : "-" + request.confidence().percentText() + "pct");
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    private static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "" : Double.toString(value);
    }

    private static String low(Interval interval) {
        return interval == null ? "" : number(interval.low());
    }

    private static String high(Interval interval) {
        return interval == null ? "" : number(interval.high());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
