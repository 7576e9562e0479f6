package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The verdict rule on rows of real scorecards of the golden warehouse ({@code golden/streaming-small},
 * the streaming preset's metrics), whose relative intervals and adjusted p-values the golden references
 * (an independent R implementation, {@code expected/*.json}) give too, and on rows built by hand for the
 * cases the warehouse does not have.
 */
class VerdictTest {

    private static AnalysisService service;
    private static Scorecard autoplayCuped;
    private static Scorecard price;

    @BeforeAll
    static void analyse() {
        service = GoldenWarehouse.service();
        autoplayCuped = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.CUPED));
        price = service.analyze(AnalysisRequest.of("exp_price"));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    private static ScorecardRow row(Scorecard scorecard, String metric, String variant) {
        return scorecard.rows().stream().filter(r -> r.metricId().equals(metric) && r.variant().equals(variant))
                .findFirst().orElseThrow();
    }

    /** The JSON row of that metric and variant, in that segment when a segment is given. */
    private static JsonNode jsonRow(Scorecard scorecard, String metric, String variant, String... segment) {
        for (JsonNode row : ScorecardJson.tree(scorecard).get("results")) {
            if (row.get("metric").asString().equals(metric) && row.get("variant").asString().equals(variant)
                    && (segment.length == 0 || row.get("segment").asString().equals(segment[0]))) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric + "/" + variant);
    }

    @Test
    void anIntervalAboveZeroWithAnAdjustedPBelowAlphaIsBetterForAHigherIsBetterMetric() {
        // expected/exp_autoplay.cuped.json: relative [0.0153, 0.2202], adjusted p 0.0391 < 0.05
        ScorecardRow hours = row(autoplayCuped, "streaming_hours", "previews");

        assertThat(hours.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(hours.verdict(0.05)).contains(Verdict.BETTER);
        JsonNode json = jsonRow(autoplayCuped, "streaming_hours", "previews");
        assertThat(json.get("direction").asString()).isEqualTo("higher_is_better");
        assertThat(json.get("verdict").asString()).isEqualTo("better");
    }

    @Test
    void anIntervalBelowZeroIsBetterForALowerIsBetterMetric() {
        // startup_ms_p90 of exp_autoplay: p = 0 (adjusted 0) in expected/exp_autoplay.cuped.json; a quantile row's
        // relative interval is this app's (the reference gives none): [-0.1164, -0.0324]
        ScorecardRow startup = row(autoplayCuped, "startup_ms_p90", "previews");

        assertThat(startup.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(startup.comparison().relativeCi().high()).isNegative();
        assertThat(startup.verdict(0.05)).contains(Verdict.BETTER);
        JsonNode json = jsonRow(autoplayCuped, "startup_ms_p90", "previews");
        assertThat(json.get("direction").asString()).isEqualTo("lower_is_better");
        assertThat(json.get("verdict").asString()).isEqualTo("better");
    }

    @Test
    void aCredibleIntervalBelowZeroIsWorseForAHigherIsBetterMetric() {
        // the Bayesian scorecard by plan: play_rate of the 'standard' members, credible interval [-0.1618, -0.0127];
        // a Bayesian row has no p-value, so no adjusted one to hold it back
        Scorecard byPlan = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.BAYESIAN)
                .withSegmentBy("plan"));
        ScorecardRow playRate = byPlan.rows().stream().filter(r -> r.metricId().equals("play_rate")
                && "standard".equals(r.segment())).findFirst().orElseThrow();

        assertThat(playRate.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(playRate.pValueAdjusted()).isNull();
        assertThat(playRate.verdict(0.05)).contains(Verdict.WORSE);
        assertThat(jsonRow(byPlan, "play_rate", "previews", "standard").get("verdict").asString()).isEqualTo("worse");
    }

    @Test
    void anIntervalThatExcludesZeroWithAnAdjustedPAtOrAboveAlphaIsNotAfterCorrection() {
        // expected/exp_price.json: revenue_per_member price_up_2 relative [0.0371, 0.2613], p 0.0067, adjusted 0.1207
        ScorecardRow revenue = row(price, "revenue_per_member", "price_up_2");

        assertThat(revenue.verdict(0.05)).contains(Verdict.NOT_AFTER_CORRECTION);
        assertThat(jsonRow(price, "revenue_per_member", "price_up_2").get("verdict").asString())
                .isEqualTo("not_after_correction");
        // at 80 % (α = 0.20) the same row is better
        assertThat(revenue.verdict(0.20)).contains(Verdict.BETTER);
    }

    @Test
    void anIntervalAcrossZeroIsInconclusive() {
        // expected/exp_price.json: play_rate price_up_1 relative [-0.0759, 0.0791]
        assertThat(row(price, "play_rate", "price_up_1").verdict(0.05)).contains(Verdict.INCONCLUSIVE);
        assertThat(jsonRow(price, "play_rate", "price_up_1").get("verdict").asString()).isEqualTo("inconclusive");
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

    /** A row with that relative interval and an adjusted p-value of 0.004. */
    private static ScorecardRow handMade(Interval relative, MetricKind kind) {
        ComparisonResult result = ComparisonResult.builder().values(1.0, 1.2).absolute(0.2, relative)
                .relative(0.2, relative).pValue(0.001).ok();
        return new ScorecardRow("m", "M", kind.type(), "welch_t", "b", null, 100, 100, 0, result, 0.004,
                InputSummary.NONE, kind, null);
    }
}
