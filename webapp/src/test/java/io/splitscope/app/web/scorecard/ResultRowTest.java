package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import org.junit.jupiter.api.Test;

class ResultRowTest {

    private static ScorecardRow row(ComparisonResult result, long incomplete) {
        return new ScorecardRow("streaming_hours", "Streaming hours", MetricType.MEAN, "welch_t", "previews", null,
                863, 897, incomplete, result, 0.16100246355145592, InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED);
    }

    @Test
    void formatsTheGoldenRow() {
        // golden exp_autoplay.json, streaming_hours / previews
        ComparisonResult golden = ComparisonResult.ok(3.1990929251963434, 3.5483241979437632, 0.34923127274741983,
                new Interval(-0.053855907569589301, 0.7523184530644289), 0.1091657169433382,
                new Interval(-0.023288844437096654, 0.24162027832377303), 0.089445813084142178);
        ResultRow row = ResultRow.of(row(golden, 0), Direction.HIGHER_IS_BETTER, 0.05);
        assertThat(row.controlValue()).isEqualTo("3.199");
        assertThat(row.treatmentValue()).isEqualTo("3.548");
        assertThat(row.absoluteEffect()).isEqualTo("+0.3492");
        assertThat(row.absoluteCi()).isEqualTo("−0.05386 to +0.7523");
        assertThat(row.relativeEffect()).isEqualTo("+10.9 %");
        assertThat(row.relativeCi()).isEqualTo("−2.3 % to +24.2 %");
        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.INCONCLUSIVE);
        assertThat(row.key()).isEqualTo("streaming_hours/previews");
        assertThat(row.relativeLow()).isEqualTo(-0.023288844437096654);
        assertThat(row.pValue()).isEqualTo("0.089");
        assertThat(row.chance()).isNull();
        assertThat(row.expectedLoss()).isNull();
        assertThat(row.pValueAdjusted()).isEqualTo("0.161");
        assertThat(row.units()).isEqualTo("863 / 897");
        assertThat(row.ok()).isTrue();
        assertThat(row.incompleteNote()).isNull();
    }

    @Test
    void theVerdictFollowsTheIntervalAndTheMetricsDirection() {
        ComparisonResult up = ComparisonResult.ok(1, 1.2, 0.2, new Interval(0.1, 0.3), 0.2, new Interval(0.1, 0.3), 0.001);
        ComparisonResult down = ComparisonResult.ok(1, 0.8, -0.2, new Interval(-0.3, -0.1), -0.2,
                new Interval(-0.3, -0.1), 0.001);
        assertThat(ResultRow.of(significant(up), Direction.HIGHER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(ResultRow.of(significant(down), Direction.HIGHER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.WORSE);
        assertThat(ResultRow.of(significant(up), Direction.LOWER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.WORSE);
        assertThat(ResultRow.of(significant(down), Direction.LOWER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.BETTER);
    }

    @Test
    void anIntervalThatExcludesZeroIsNotColouredWhenItsAdjustedPIsNotBelowAlpha() {
        ComparisonResult up = ComparisonResult.ok(1, 1.2, 0.2, new Interval(0.01, 0.39), 0.2, new Interval(0.01, 0.39), 0.02);

        // p = 0.02 alone, but adjusted 0.072 among the scorecard's comparisons (the case of issue 17)
        ResultRow row = ResultRow.of(row(up, 0).withPValueAdjusted(0.072), Direction.HIGHER_IS_BETTER, 0.05);

        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.NOT_AFTER_CORRECTION);
        assertThat(row.verdict().label()).isEqualTo("Not after correction");
        assertThat(ResultRow.correctionNote(row.pValueAdjusted())).contains("adjusted p 0.072");
        // at 90 % confidence (α = 0.10) the same row is better
        assertThat(ResultRow.of(row(up, 0).withPValueAdjusted(0.072), Direction.HIGHER_IS_BETTER, 0.10).verdict())
                .isEqualTo(ResultRow.Verdict.BETTER);
    }

    /** A row whose adjusted p-value is below 0.05. */
    private static ScorecardRow significant(ComparisonResult result) {
        return row(result, 0).withPValueAdjusted(0.004);
    }

    @Test
    void aDescriptiveRowHasNoVerdictWhateverItsInterval() {
        ComparisonResult up = ComparisonResult.ok(0.5, 0.6, 0.1, new Interval(0.05, 0.15), 0.2, new Interval(0.1, 0.3), 0.001);
        ScorecardRow conversion = new ScorecardRow("checkout_funnel.step2_of_1", "Checkout funnel · cart of browse",
                MetricType.RATIO, "delta_ratio", "treatment", null, 1000, 1010, 0, up, null, InputSummary.NONE,
                MetricKind.FUNNEL_CONVERSION, Eligibility.ELAPSED);

        ResultRow row = ResultRow.of(conversion, Direction.HIGHER_IS_BETTER, 0.05);

        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.DESCRIPTIVE);
        assertThat(row.verdict().label()).isEqualTo("Descriptive");
        assertThat(row.relativeEffect()).isEqualTo("+20.0 %");
        assertThat(row.pValueAdjusted()).isEqualTo("—");
        assertThat(ScorecardFigures.colour(row.verdict())).isEqualTo(io.splitscope.app.web.chart.Figures.INCONCLUSIVE);
    }

    @Test
    void valuesAndAbsoluteEffectsCarryTheMetricsUnitWithFourSignificantDigitsEach() {
        // golden exp_autoplay.json, streaming_hours / previews, in hours
        ComparisonResult golden = ComparisonResult.ok(3.1990929251963434, 3.2000000000000002, 0.34923127274741983,
                new Interval(-0.053855907569589301, 0.7523184530644289), 0.1091657169433382,
                new Interval(-0.023288844437096654, 0.24162027832377303), 0.089445813084142178);
        ResultRow hours = ResultRow.of(row(golden, 0), Direction.HIGHER_IS_BETTER, MetricUnit.of("h"), 0.05);
        assertThat(hours.controlValue()).isEqualTo("3.199 h");
        assertThat(hours.treatmentValue()).isEqualTo("3.200 h"); // not "3.2": as many digits as the control
        assertThat(hours.absoluteEffect()).isEqualTo("+0.3492 h");
        assertThat(hours.absoluteCi()).isEqualTo("−0.05386 h to +0.7523 h");

        ResultRow dollars = ResultRow.of(row(golden, 0), Direction.HIGHER_IS_BETTER, MetricUnit.currency("USD"), 0.05);
        assertThat(dollars.controlValue()).isEqualTo("$3.199");
        assertThat(dollars.absoluteCi()).isEqualTo("−$0.05386 to +$0.7523");
        assertThat(dollars.relativeEffect()).isEqualTo("+10.9 %"); // relative effects have no unit
    }

    /** A Bayesian row (constructed: chance 0.912 that the treatment is higher, expected losses 0.01 and 0.11). */
    private static ScorecardRow bayesian(double chanceHigher) {
        ComparisonResult c = new ComparisonResult(ResultStatus.OK, null, 1.0, 1.1, 0.1, new Interval(-0.05, 0.25),
                0.1, new Interval(-0.05, 0.25), null, java.util.Map.of("chance_to_beat_control", chanceHigher,
                "expected_loss", 0.01, "expected_loss_control", 0.11));
        return new ScorecardRow("startup_ms_p50", "Startup", MetricType.MEAN, "bayesian", "previews", null, 863, 897, 0, c,
                null, InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED);
    }

    @Test
    void aBayesianRowShowsTheChanceToBeatControlAndTheExpectedLossInTheMetricsDirection() {
        ResultRow higher = ResultRow.of(bayesian(0.912), Direction.HIGHER_IS_BETTER, MetricUnit.of("ms"), 0.05);
        assertThat(higher.chance()).isEqualTo("91.2 %");
        assertThat(higher.expectedLoss()).isEqualTo("0.01000 ms"); // E[max(control − treatment, 0)]
        assertThat(higher.pValue()).isEqualTo("—");
        assertThat(higher.verdict()).isEqualTo(ResultRow.Verdict.INCONCLUSIVE);

        // lower is better: beating the control is being lower, P = 1 − 0.912; the risk is the treatment being higher
        ResultRow lower = ResultRow.of(bayesian(0.912), Direction.LOWER_IS_BETTER, MetricUnit.of("ms"), 0.05);
        assertThat(lower.chance()).isEqualTo("8.8 %");
        assertThat(lower.expectedLoss()).isEqualTo("0.1100 ms"); // E[max(treatment − control, 0)]
        assertThat(lower.verdict()).isEqualTo(ResultRow.Verdict.INCONCLUSIVE);
    }

    @Test
    void aNegligibleExpectedLossIsAboutZero() {
        assertThat(ResultRow.loss(1.879e-35, MetricUnit.currency("USD"))).isEqualTo("≈ $0");
        assertThat(ResultRow.loss(0.02357, MetricUnit.of("h"))).isEqualTo("0.02357 h");
    }

    @Test
    void aBayesianBadgeFollowsTheChanceToBeatControl() {
        assertThat(ResultRow.of(bayesian(0.97), Direction.HIGHER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(ResultRow.of(bayesian(0.97), Direction.LOWER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.WORSE);
        assertThat(ResultRow.of(bayesian(0.03), Direction.LOWER_IS_BETTER, 0.05).verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(ResultRow.of(bayesian(0.94), Direction.HIGHER_IS_BETTER, 0.05).verdict())
                .isEqualTo(ResultRow.Verdict.INCONCLUSIVE);
        assertThat(ResultRow.of(bayesian(0.94), Direction.HIGHER_IS_BETTER, 0.10).verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(ResultRow.chanceNote(0.05)).isEqualTo("Badges follow the chance to beat control in each metric's"
                + " direction: better at 95 % or more, worse at 5 % or less.");
    }

    @Test
    void anIncompleteResultShowsItsReason() {
        ComparisonResult zeroBaseline = ComparisonResult.builder().values(0.0, 0.5).absolute(0.5, new Interval(0.1, 0.9)).pValue(0.01).withStatus(ResultStatus.ZERO_BASELINE, "The control value is 0, so there is no relative effect.");
        ResultRow row = ResultRow.of(row(zeroBaseline, 12), Direction.HIGHER_IS_BETTER, 0.05);
        assertThat(row.ok()).isFalse();
        assertThat(row.statusLabel()).isEqualTo("Zero baseline");
        assertThat(row.statusReason()).contains("no relative effect");
        assertThat(row.relativeEffect()).isEqualTo("—");
        assertThat(row.relativeCi()).isEqualTo("—");
        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.INCONCLUSIVE);
        assertThat(row.relative()).isNull();
        assertThat(row.incompleteNote()).isEqualTo("12 units still in their window, left out");
    }
}
