package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.CapUsed;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.Verdict;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.MetricKind;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A result row: the fields it leaves out, where its extras go, and what it reads back. */
class ResultPartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<ScorecardRow> ROWS = SampleScorecard.scorecard().rows();
    /** The sample's α: its confidence level is 99 %. */
    private static final double ALPHA = 0.01;

    /** The row with its verdict at the sample's α. */
    private static ResultPart part(ScorecardRow row) {
        return ResultPart.of(row, row.verdict(ALPHA).orElse(null));
    }

    private static JsonNode written(ResultPart row) {
        return JSON.readTree(ScorecardJson.writePublic(row));
    }

    @Test
    void leavesOutTheSegmentWhenNotSlicedAndTheReasonWhenOk() {
        JsonNode plain = written(part(ROWS.get(0)));
        JsonNode segmented = written(part(ROWS.get(1)));
        JsonNode zeroBaseline = written(part(ROWS.get(2)));

        assertThat(plain.has("segment")).isFalse();
        assertThat(plain.has("reason")).isFalse();
        assertThat(segmented.get("segment").asString()).isEqualTo("mobile");
        assertThat(zeroBaseline.get("status").asString()).isEqualTo("zero_baseline");
        assertThat(zeroBaseline.get("reason").asString()).startsWith("The control's rate is 0");
        assertThat(zeroBaseline.get("relative_ci_low").isNull()).isTrue(); // a value that does not exist is null, not left out
    }

    @Test
    void writesTheExtrasAsFieldsBetweenTheAdjustedPValueAndTheStatus() {
        assertThat(written(part(ROWS.get(1))).propertyNames()).containsExactly("metric", "type", "kind",
                "descriptive", "method", "variant", "segment", "n_control", "n_treatment", "incomplete_units", "control_value", "treatment_value",
                "absolute_effect", "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low",
                "relative_ci_high", "p_value", "p_value_adjusted", "expected_loss", "chance_to_beat_control", "status");
    }

    @Test
    void aRowOfCompareHasNoMetricTypeOrSegmentAndNoIncompleteUnits() {
        ComparisonResult result = ComparisonResult.ok(1, 2, 1, new Interval(0.5, 1.5), 1, new Interval(0.5, 1.5), 0.01);

        JsonNode row = written(ResultPart.comparing("welch_t", "b", 10, 12, result, 0.02));

        assertThat(row.propertyNames()).startsWith("method", "variant", "n_control", "n_treatment", "incomplete_units")
                .doesNotContain("metric", "type", "kind", "eligibility", "descriptive", "segment", "metric_title", "inputs");
        assertThat(row.get("incomplete_units").asLong()).isZero();
        assertThat(row.get("p_value_adjusted").asDouble()).isEqualTo(0.02);
    }

    @Test
    void writesTheCapUsedLastWithTheLevelsOfAPercentileCapAndReadsItBack() {
        ScorecardRow plain = ROWS.get(0);
        ScorecardRow twoTailed = capped(plain, new CapUsed(0.375, 1.625, 0.25, 0.75));
        ScorecardRow fixed = capped(plain, new CapUsed(null, 100.0, null, null));

        JsonNode row = written(part(twoTailed));
        assertThat(row.propertyNames()).endsWith("status", "cap");
        assertThat(row.get("cap").toString())
                .isEqualTo("{\"lower\":0.375,\"upper\":1.625,\"quantile_low\":0.25,\"quantile\":0.75}");
        assertThat(written(part(fixed)).get("cap").toString()).isEqualTo("{\"upper\":100.0}");
        assertThat(written(part(plain)).has("cap")).isFalse();
        assertThat(part(twoTailed).toRow()).isEqualTo(twoTailed);
        assertThat(part(fixed).toRow()).isEqualTo(fixed);
    }

    private static ScorecardRow capped(ScorecardRow row, CapUsed cap) {
        return new ScorecardRow(row.metricId(), row.metricTitle(), row.type(), row.method(), row.variant(), row.segment(),
                row.nControl(), row.nTreatment(), row.incompleteUnits(), row.comparison(), row.pValueAdjusted(), row.inputs(),
                row.kind(), row.eligibility(), cap, row.direction());
    }

    @Test
    void readsBackTheRowItWasMadeOf() {
        for (ScorecardRow row : ROWS) {
            assertThat(part(row).toRow()).isEqualTo(row);
        }
    }

    @Test
    void saysEachRowsKindItsEligibilityWhenWindowedAndWhetherItIsDescriptive() {
        List<ScorecardRow> funnel = FunnelRows.rows();

        JsonNode step = written(part(funnel.get(0)));
        JsonNode conversion = written(part(funnel.get(1)));
        JsonNode retention = written(part(funnel.get(2)));
        JsonNode plain = written(part(ROWS.get(0)));

        assertThat(step.propertyNames()).startsWith("metric", "type", "kind", "eligibility", "descriptive", "method");
        assertThat(List.of(step.get("kind").asString(), step.get("eligibility").asString(), step.get("descriptive").asBoolean()))
                .containsExactly("funnel_step", "elapsed", false);
        assertThat(List.of(conversion.get("type").asString(), conversion.get("kind").asString(),
                conversion.get("descriptive").asBoolean())).containsExactly("ratio", "funnel_conversion", true);
        assertThat(conversion.get("p_value_adjusted").isNull()).isTrue();
        assertThat(retention.get("eligibility").asString()).isEqualTo("all");
        assertThat(plain.has("eligibility")).as("a metric without a window").isFalse();
        for (ScorecardRow row : funnel) {
            assertThat(part(row).toRow()).isEqualTo(row);
        }
    }

    @Test
    void writesTheDirectionAfterDescriptiveAndTheVerdictBeforeTheStatusAndReadsTheDirectionBack() {
        ScorecardRow bayesian = ROWS.get(1); // relative interval [0.03, 0.47], adjusted p 0.06, chance to beat control 0.99
        ScorecardRow lower = directed(bayesian, Direction.LOWER_IS_BETTER);

        JsonNode atNinetyNine = written(ResultPart.of(lower, lower.verdict(0.005).orElse(null)));
        JsonNode atNinety = written(ResultPart.of(lower, lower.verdict(0.10).orElse(null)));

        assertThat(atNinetyNine.propertyNames()).containsSubsequence("descriptive", "direction", "method")
                .containsSubsequence("p_value_adjusted", "chance_to_beat_control", "verdict", "status");
        assertThat(atNinetyNine.get("direction").asString()).isEqualTo("lower_is_better");
        // the row has chance_to_beat_control 0.99: a Bayesian row follows its chance in the metric's direction,
        // here 1 − 0.99 = 0.01 that lower is better
        assertThat(atNinetyNine.get("verdict").asString()).isEqualTo("inconclusive"); // 0.01 between α = 0.005 and 1 − α
        assertThat(atNinety.get("verdict").asString()).isEqualTo("worse"); // 0.01 ≤ α = 0.10
        assertThat(written(ResultPart.of(bayesian, Verdict.of(bayesian, Direction.HIGHER_IS_BETTER, 0.10))).get("verdict").asString())
                .isEqualTo("better");
        assertThat(part(lower).toRow()).isEqualTo(lower);
    }

    @Test
    void aRowWithoutADirectionHasNeitherDirectionNorVerdict() {
        JsonNode plain = written(part(ROWS.get(0))); // as rows stored before directions were kept

        assertThat(plain.has("direction")).isFalse();
        assertThat(plain.has("verdict")).isFalse();
    }

    @Test
    void refusesAnUnknownDirection() {
        ResultPart row = part(directed(ROWS.get(0), Direction.HIGHER_IS_BETTER));
        ResultPart sideways = new ResultPart(row.metric(), row.type(), row.kind(), row.eligibility(), row.descriptive(),
                "sideways", row.method(), row.variant(), row.segment(), row.nControl(), row.nTreatment(),
                row.incompleteUnits(), row.controlValue(), row.treatmentValue(), row.absoluteEffect(), row.absoluteCiLow(),
                row.absoluteCiHigh(), row.relativeEffect(), row.relativeCiLow(), row.relativeCiHigh(), row.pValue(),
                row.pValueAdjusted(), row.extras(), row.verdict(), row.status(), row.reason(), row.metricTitle(),
                row.inputs(), row.cap());

        assertThatThrownBy(sideways::toRow).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown direction 'sideways' (known: [higher_is_better, lower_is_better])");
    }

    private static ScorecardRow directed(ScorecardRow row, Direction direction) {
        return new ScorecardRow(row.metricId(), row.metricTitle(), row.type(), row.method(), row.variant(), row.segment(),
                row.nControl(), row.nTreatment(), row.incompleteUnits(), row.comparison(), row.pValueAdjusted(), row.inputs(),
                row.kind(), row.eligibility(), row.cap(), direction);
    }

    @Test
    void readsARowWithoutKindEligibilityOrDescriptiveAsTheKindOfItsType() {
        ResultPart row = part(ROWS.get(2));
        ResultPart before = changed(row, row.absoluteCiHigh(), row.status(), row.type(), null, null);

        ScorecardRow read = before.toRow();

        assertThat(read.kind()).isEqualTo(MetricKind.PROPORTION);
        assertThat(read.eligibility()).isNull();
        assertThat(read.descriptive()).isFalse();
    }

    @Test
    void rejectsAnIntervalWithOneBoundAnUnknownStatusTypeKindOrEligibility() {
        ResultPart row = part(ROWS.get(0));

        assertThatThrownBy(() -> changed(row, null, row.status(), row.type(), row.kind(), null).toRow())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("absolute_ci has one bound only: [-0.125, null]");
        assertThatThrownBy(() -> changed(row, row.absoluteCiHigh(), "great", row.type(), row.kind(), null).toRow())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GREAT");
        assertThatThrownBy(() -> changed(row, row.absoluteCiHigh(), row.status(), "median", row.kind(), null).toRow())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown metric type 'median'");
        assertThatThrownBy(() -> changed(row, row.absoluteCiHigh(), row.status(), row.type(), "cohort", null).toRow())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown metric type 'cohort'");
        assertThatThrownBy(() -> changed(row, row.absoluteCiHigh(), row.status(), row.type(), row.kind(), "some").toRow())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown eligibility 'some': elapsed or all");
    }

    private static ResultPart changed(ResultPart row, Double absoluteCiHigh, String status, String type, String kind,
                                      String eligibility) {
        return new ResultPart(row.metric(), type, kind, eligibility, row.descriptive(), row.direction(), row.method(), row.variant(),
                row.segment(), row.nControl(),
                row.nTreatment(), row.incompleteUnits(), row.controlValue(), row.treatmentValue(), row.absoluteEffect(),
                row.absoluteCiLow(), absoluteCiHigh, row.relativeEffect(), row.relativeCiLow(), row.relativeCiHigh(),
                row.pValue(), row.pValueAdjusted(), row.extras(), row.verdict(), status, row.reason(), row.metricTitle(), row.inputs(), row.cap());
    }
}
