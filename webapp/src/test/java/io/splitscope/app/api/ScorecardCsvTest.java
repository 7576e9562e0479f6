package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The scorecard CSV is RFC 4180: plain values as they are, values with a comma, quote or line
 * break quoted (quotes doubled), CRLF after every line; an RFC 4180 reader gets every value back.
 */
class ScorecardCsvTest {

    private static final ComparisonResult OK = ComparisonResult.ok(0.25, 0.3, 0.05, new Interval(0.01, 0.09), 0.2,
            new Interval(0.04, 0.36), 0.012);

    private static ScorecardRow row(String metric, String title, String variant, String segment, ComparisonResult result) {
        return new ScorecardRow(metric, title, MetricType.PROPORTION, "welch_t", variant, segment, 1000, 1010, 3, result,
                result.pValue() == null ? null : 0.024, InputSummary.NONE, MetricKind.PROPORTION, Eligibility.ELAPSED, null,
                Direction.HIGHER_IS_BETTER);
    }

    private static Scorecard scorecard(ScorecardRow... rows) {
        return new Scorecard(null, null, null, List.of(rows), ConfidenceLevel.DEFAULT, "test", Instant.EPOCH, List.of());
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void plainValuesAreWrittenAsTheyAreWithTheHeaderFirstAndCrlfLineEnds() {
        String csv = ScorecardCsv.write(scorecard(row("play_rate", "Play rate", "previews", null, OK)));

        assertThat(csv).isEqualTo(String.join(",", ScorecardCsv.COLUMNS) + "\r\n"
                + "play_rate,Play rate,proportion,proportion,elapsed,false,higher_is_better,welch_t,previews,,1000,1010,3,0.25,0.3,0.05,"
                + "0.01,0.09,0.2,0.04,0.36,0.012,0.024,better,ok,,\r\n");
    }

    @Test
    void aCappedRowSaysTheCapUsed() throws IOException {
        ScorecardRow plain = row("revenue", "Revenue", "treatment", null, OK);
        ScorecardRow capped = new ScorecardRow(plain.metricId(), plain.metricTitle(), MetricType.MEAN, plain.method(),
                plain.variant(), null, 1000, 1010, 3, OK, 0.024, InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED,
                new io.splitscope.analysis.CapUsed(null, 412.5, null, 0.99), Direction.HIGHER_IS_BETTER);

        List<CSVRecord> records = parse(ScorecardCsv.write(scorecard(capped)));
        assertThat(records.get(1).get(ScorecardCsv.COLUMNS.indexOf("cap"))).isEqualTo("capped at p99 = 412.5");
    }

    @Test
    void valuesWithCommasQuotesAndLineBreaksAreQuoted() {
        ComparisonResult failed = ComparisonResult.builder().withStatus(ResultStatus.TOO_FEW_UNITS, "too few units:\nfewer than 2");
        String csv = ScorecardCsv.write(scorecard(
                row("revenue", "Revenue \"net\", per member", "Free trial, 14 days", "US, CA", OK),
                row("revenue", "Revenue \"net\", per member", "annual plan", "DE", failed)));

        List<String> lines = List.of(csv.split("\r\n", -1));
        assertThat(lines.get(1)).isEqualTo("revenue,\"Revenue \"\"net\"\", per member\",proportion,proportion,elapsed,false,"
                + "higher_is_better,welch_t,\"Free trial, 14 days\",\"US, CA\",1000,1010,3,0.25,0.3,0.05,0.01,0.09,0.2,0.04,0.36,0.012,"
                + "0.024,better,ok,,");
        assertThat(lines.get(2)).isEqualTo("revenue,\"Revenue \"\"net\"\", per member\",proportion,proportion,elapsed,false,"
                + "higher_is_better,welch_t,annual plan,DE,1000,1010,3,,,,,,,,,,,inconclusive,too_few_units,\"too few units:\nfewer than 2\",");
        assertThat(lines.get(3)).isEmpty();
        assertThat(lines).hasSize(4);
    }

    @Test
    void anRfc4180ReaderGetsEveryValueBack() throws IOException {
        List<String> variants = List.of("Free trial, 14 days", "say \"hi\"", "two\nlines", "cr\r\nlf", "\"", ",", " padded ",
                "#hash", "");
        List<ScorecardRow> rows = new ArrayList<>();
        variants.forEach(v -> rows.add(row("m", "Title, \"quoted\"\n2nd line", v, v.isEmpty() ? null : "seg " + v,
                OK.withExtras(Map.of("chance_to_beat_control", 0.97)))));
        String csv = ScorecardCsv.write(scorecard(rows.toArray(ScorecardRow[]::new)));

        assertThat(csv).contains(",\"\"\"\",").contains(",\" padded \",").contains(",\"#hash\",");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(variants.size() + 1);
        List<String> header = new ArrayList<>(ScorecardCsv.COLUMNS);
        header.add("chance_to_beat_control");
        assertThat(records.getFirst().toList()).isEqualTo(header);
        for (int i = 0; i < variants.size(); i++) {
            CSVRecord record = records.get(i + 1);
            String v = variants.get(i);
            assertThat(record.size()).as(v).isEqualTo(header.size());
            assertThat(record.get(header.indexOf("metric_title"))).isEqualTo("Title, \"quoted\"\n2nd line");
            assertThat(record.get(header.indexOf("variant"))).isEqualTo(v);
            assertThat(record.get(header.indexOf("segment"))).isEqualTo(v.isEmpty() ? "" : "seg " + v);
            assertThat(record.get(header.indexOf("p_value"))).isEqualTo("0.012");
            assertThat(record.get(header.indexOf("chance_to_beat_control"))).isEqualTo("0.97");
        }
    }

    @Test
    void extrasAreColumnsAfterTheFixedOnesEmptyWhereARowHasNone() throws IOException {
        String csv = ScorecardCsv.write(scorecard(row("a", "A", "t1", null, OK),
                row("b", "B", "t1", null, OK.withExtras(Map.of("expected_loss", 0.001)))));

        List<CSVRecord> records = parse(csv);
        assertThat(records.getFirst().get(ScorecardCsv.COLUMNS.size())).isEqualTo("expected_loss");
        assertThat(records.get(1).get(ScorecardCsv.COLUMNS.size())).isEmpty();
        assertThat(records.get(2).get(ScorecardCsv.COLUMNS.size())).isEqualTo("0.001");
    }

    @Test
    void eachRowOfARealScorecardSaysItsMetricsDirectionAndItsVerdict() throws IOException {
        // the golden warehouse (golden/streaming-small), CUPED exp_autoplay: streaming_hours relative [0.0153, 0.2202],
        // better by the decision plan's superiority test; the guardrail startup_ms_p90 [-0.1164, -0.0324], better on its
        // own and within its +5 % margin by the plan's non-inferiority test; by plan (no decision), plays_per_member of the premium members
        // [0.0079, 0.2999] with adjusted p 0.183
        Scorecard autoplay;
        Scorecard byPlan;
        try (AnalysisService service = GoldenWarehouse.service()) {
            AnalysisRequest cuped = AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.CUPED);
            autoplay = service.analyze(cuped);
            byPlan = service.analyze(cuped.withSegmentBy("plan"));
        }

        Map<String, String> hours = record(ScorecardCsv.write(autoplay), "streaming_hours", "");
        Map<String, String> startup = record(ScorecardCsv.write(autoplay), "startup_ms_p90", "");
        Map<String, String> premium = record(ScorecardCsv.write(byPlan), "plays_per_member", "premium");

        assertThat(List.of(hours.get("direction"), hours.get("verdict"))).containsExactly("higher_is_better", "better");
        assertThat(List.of(startup.get("direction"), startup.get("verdict"))).containsExactly("lower_is_better", "better");
        assertThat(List.of(premium.get("direction"), premium.get("verdict")))
                .containsExactly("higher_is_better", "not_after_correction");
    }

    /** The line of that metric and segment (empty when not sliced), column name → value. */
    private static Map<String, String> record(String csv, String metric, String segment) throws IOException {
        List<CSVRecord> records = parse(csv);
        List<String> header = records.getFirst().toList();
        CSVRecord line = records.stream().skip(1).filter(r -> r.get(header.indexOf("metric")).equals(metric)
                && r.get(header.indexOf("segment")).equals(segment)).findFirst().orElseThrow();
        Map<String, String> byColumn = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), line.get(i));
        }
        return byColumn;
    }
}
