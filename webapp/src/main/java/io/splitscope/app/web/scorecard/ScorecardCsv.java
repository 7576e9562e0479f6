package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.Scorecard;
import io.splitscope.app.analysis.ScorecardRow;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scorecard's rows as CSV (RFC 4180, a header line, full double precision, empty cells for
 * values that do not exist): the fields of a scorecard JSON row ({@code spec/scorecard.md}) with
 * the experiment and segment, for spreadsheets.
 */
public final class ScorecardCsv {

    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("experiment_id", "metric", "type", "method", "variant",
            "segment", "n_control", "n_treatment", "incomplete_units", "control_value", "treatment_value",
            "absolute_effect", "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low",
            "relative_ci_high", "p_value", "p_value_adjusted", "status");

    private ScorecardCsv() {
    }

    /** The CSV text, lines ending in CRLF. */
    public static String write(Scorecard scorecard) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ScorecardRow row : scorecard.rows()) {
            ComparisonResult c = row.comparison();
            Interval abs = c.absoluteCi();
            Interval rel = c.relativeCi();
            csv.append(Stream.of(scorecard.experiment().id(), row.metricId(), row.type().jsonName(), row.method(),
                            row.variant(), row.segment(), row.nControl(), row.nTreatment(), row.incompleteUnits(),
                            c.controlValue(), c.treatmentValue(), c.absoluteEffect(), abs == null ? null : abs.low(),
                            abs == null ? null : abs.high(), c.relativeEffect(), rel == null ? null : rel.low(),
                            rel == null ? null : rel.high(), c.pValue(), row.pValueAdjusted(), c.status().name())
                    .map(ScorecardCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
