package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.MetricKind;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verdict rule on rows of real scorecards of the golden warehouse ({@code golden/streaming-small},
 * the streaming preset's metrics; {@code expected/*.json} are an independent R implementation's), and
 * on rows built by hand for the cases the warehouse does not have. Scorecards sliced by segment have
 * no decision, so their JSON verdicts are this rule's ({@code PlanVerdictsTest} for the others).
 */
class VerdictTest {

    private static AnalysisService service;
    private static Scorecard autoplayCuped;
    private static Scorecard autoplayCupedByPlan;

    @BeforeAll
    static void analyse() {
        service = GoldenWarehouse.service();
        autoplayCuped = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.CUPED));
        autoplayCupedByPlan = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.CUPED)
                .withSegmentBy("plan"));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    static ScorecardRow row(Scorecard scorecard, String metric, String variant, String segment) {
        return scorecard.rows().stream().filter(r -> r.metricId().equals(metric) && r.variant().equals(variant)
                && java.util.Objects.equals(r.segment(), segment)).findFirst().orElseThrow();
    }

    @Test
    void anIntervalAboveZeroWithAnAdjustedPBelowAlphaIsBetterForAHigherIsBetterMetric() {
        // expected/exp_autoplay.cuped.json: relative [0.0153, 0.2202]; adjusted p 0.0347 here (0.0391 in the
        // reference, which adjusts over its 9 rows; this catalog has 10)
        ScorecardRow hours = row(autoplayCuped, "streaming_hours", "previews", null);

        assertThat(hours.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(hours.verdict(0.05)).contains(Verdict.BETTER);
    }

    @Test
    void anIntervalBelowZeroIsBetterForALowerIsBetterMetric() {
        // startup_ms_p90: p = 0 in expected/exp_autoplay.cuped.json; this app's relative interval [-0.1164, -0.0324]
        ScorecardRow startup = row(autoplayCuped, "startup_ms_p90", "previews", null);

        assertThat(startup.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(startup.comparison().relativeCi().high()).isNegative();
        assertThat(startup.verdict(0.05)).contains(Verdict.BETTER);
    }

    @Test
    void aCredibleIntervalBelowZeroIsWorseForAHigherIsBetterMetric() {
        // the Bayesian scorecard by plan: play_rate of the 'standard' members, credible interval [-0.1618, -0.0127];
        // a Bayesian row has no p-value, so no adjusted one to hold it back
        Scorecard bayesian = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.BAYESIAN)
                .withSegmentBy("plan"));
        ScorecardRow playRate = row(bayesian, "play_rate", "previews", "standard");

        assertThat(playRate.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(playRate.pValueAdjusted()).isNull();
        assertThat(playRate.verdict(0.05)).contains(Verdict.WORSE);
    }

    @Test
    void anIntervalThatExcludesZeroWithAnAdjustedPAtOrAboveAlphaIsNotAfterCorrection() {
        // CUPED by plan: plays_per_member of the 'premium' members, relative [0.0079, 0.2999], adjusted p 0.183;
        // the 'basic' members' [0.0800, 0.3704], adjusted p 0.0327
        ScorecardRow premium = row(autoplayCupedByPlan, "plays_per_member", "previews", "premium");

        assertThat(premium.verdict(0.05)).contains(Verdict.NOT_AFTER_CORRECTION);
        assertThat(premium.verdict(0.20)).as("at 80 %").contains(Verdict.BETTER);
        assertThat(row(autoplayCupedByPlan, "plays_per_member", "previews", "basic").verdict(0.05)).contains(Verdict.BETTER);
    }

    @Test
    void anIntervalAcrossZeroIsInconclusive() {
        // expected/exp_autoplay.cuped.json: play_rate relative [-0.0243, 0.0715]
        assertThat(row(autoplayCuped, "play_rate", "previews", null).verdict(0.05)).contains(Verdict.INCONCLUSIVE);
    }

    @Test
    void anIntervalBelowZeroIsBetterForALowerIsBetterMetricAndWorseOtherwise() {
        ScorecardRow down = handMade(new Interval(-0.3, -0.1), MetricKind.MEAN);

        assertThat(Verdict.of(down, Direction.LOWER_IS_BETTER, 0.05)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(down, Direction.HIGHER_IS_BETTER, 0.05)).isEqualTo(Verdict.WORSE);
    }

    @Test
    void aDescriptiveRowOrOneWithoutAnIntervalHasNoColouredVerdict() {
        ScorecardRow conversion = handMade(new Interval(0.1, 0.3), MetricKind.FUNNEL_CONVERSION);
        ScorecardRow none = handMade(null, MetricKind.MEAN);

        assertThat(Verdict.of(conversion, Direction.HIGHER_IS_BETTER, 0.05)).isEqualTo(Verdict.DESCRIPTIVE);
        assertThat(Verdict.of(none, Direction.HIGHER_IS_BETTER, 0.05)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.NOT_AFTER_CORRECTION.jsonName()).isEqualTo("not_after_correction");
    }

    @Test
    void aRowWithoutADirectionHasNoVerdict() {
        assertThat(handMade(new Interval(0.1, 0.3), MetricKind.MEAN).verdict(0.05)).isEmpty();
    }

    /** A row with that relative interval, an adjusted p-value of 0.004 and no direction. */
    private static ScorecardRow handMade(Interval relative, MetricKind kind) {
        ComparisonResult result = ComparisonResult.builder().values(1.0, 1.2).absolute(0.2, relative)
                .relative(0.2, relative).pValue(0.001).ok();
        return new ScorecardRow("m", "M", kind.type(), "welch_t", "b", null, 100, 100, 0, result, 0.004,
                InputSummary.NONE, kind, null);
    }
}
