package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.QuantileCurve;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.r.ParityReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quantile curve's figure and the "verified in R" texts. */
class QuantileCurveFigureTest {

    @Test
    void theCurveIsABandPerTreatmentAgainstThePercentileWithTheScorecardsPointsMarked() {
        QuantileCurve curve = new QuantileCurve("exp_autoplay", "startup_ms_p50", List.of(0.25, 0.5), List.of(
                new QuantileCurve.Point(0.25, "previews", 863, 897,
                        ComparisonResult.ok(700.0, 690.0, -10.0, new Interval(-30.0, 10.0), -10.0 / 700, new Interval(-0.04, 0.01), 0.3)),
                new QuantileCurve.Point(0.5, "previews", 863, 897,
                        ComparisonResult.ok(907.5, 867.3, -40.2, new Interval(-70.0, -10.0), -0.0443, new Interval(-0.08, -0.01), 0.01))));
        ScorecardRow p50 = new ScorecardRow("startup_ms_p50", "Startup p50", MetricType.QUANTILE, "bootstrap_quantile",
                "previews", null, 863, 897, 0, ComparisonResult.ok(907.5, 867.3, -40.2, new Interval(-70.0, -4.45),
                -0.0443, new Interval(-0.08, -0.005), 0.03), 0.135, InputSummary.NONE,
                MetricKind.QUANTILE, Eligibility.ELAPSED);
        ResultsTable.Line line = new ResultsTable.Line(p50, ResultRow.of(p50, Direction.LOWER_IS_BETTER, 0.05), null,
                MetricGroups.Group.GUARDRAIL);

        JsonNode data = ScorecardFigures.quantileCurve(curve, List.of(line), "ms").get("data");

        assertThat(data.size()).isEqualTo(4); // low, high (filled to the low), the difference, the p50 mark
        assertThat(data.get(0).get("y").toString()).isEqualTo("[-30.0,-70.0]");
        assertThat(data.get(1).get("fill").asString()).isEqualTo("tonexty");
        assertThat(data.get(1).get("y").toString()).isEqualTo("[10.0,-10.0]");
        assertThat(data.get(2).get("x").toString()).isEqualTo("[25.0,50.0]");
        assertThat(data.get(2).get("y").toString()).isEqualTo("[-10.0,-40.2]");
        JsonNode mark = data.get(3);
        assertThat(mark.get("x").get(0).asDouble()).isEqualTo(50.0);
        assertThat(mark.get("error_y").get("arrayminus").get(0).asDouble()).isCloseTo(29.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mark.get("customdata").get(0).asString()).isEqualTo("startup_ms_p50/previews");
    }

    @Test
    void aVerifiedRowSaysByHowMuchJavaAndRAgree() {
        ComparisonResult java = ComparisonResult.ok(3.2, 3.5, 0.3, new Interval(-0.05, 0.75), 0.1, new Interval(-0.02, 0.24), 0.09);
        ParityReport report = new ParityReport("welch_t", "r_welch_t", List.of(new ParityReport.Row(1, java, java,
                Map.of("p_value", 7.0e-14), 7.0e-14, "p_value", List.of())), 7.0e-14);
        RVerification verification = new RVerification("streaming_hours", null, report);
        assertThat(RVerifications.mark(verification)).isEqualTo("✓ R");
        assertThat(RVerifications.tooltip(verification))
                .isEqualTo("verified in GNU R: largest relative difference 7.0e-14 (welch_t = r_welch_t)");
        assertThat(RVerifications.failure(List.of(verification))).isNull();
    }
}
