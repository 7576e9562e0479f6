package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.stats.decision.TestKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The verdicts of the rows a decision plan decides, in the scorecard JSON, on the golden warehouse
 * ({@code golden/streaming-small}): exp_autoplay's plan has success metric streaming_hours and
 * guardrails startup_ms_p90 and rebuffer_rate at "+5%" ({@code ScorecardDecisionsTest}).
 */
class PlanVerdictsTest {

    private static AnalysisService service;
    private static Scorecard autoplayCuped;

    @BeforeAll
    static void analyse() {
        service = GoldenWarehouse.service();
        autoplayCuped = service.analyze(AnalysisRequest.of("exp_autoplay").withMeanMethod(MeanMethod.CUPED));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    private static JsonNode jsonRow(String metric) {
        for (JsonNode row : ScorecardJson.tree(autoplayCuped).get("results")) {
            if (row.get("metric").asString().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric);
    }

    @Test
    void aGuardrailShownWithinItsMarginIsWithinMarginOrBetterWhenItIsBetterOnItsOwnToo() {
        ScorecardRow startup = VerdictTest.row(autoplayCuped, "startup_ms_p90", "previews", null);
        PlanVerdicts plan = PlanVerdicts.of(autoplayCuped.decisions());

        // relative [-0.1164, -0.0324], adjusted p 0: better on its own, and within the +5 % margin by the plan
        assertThat(startup.verdict(0.05)).contains(Verdict.BETTER);
        assertThat(plan.judge(startup, Verdict.BETTER)).hasValueSatisfying(judged -> {
            assertThat(judged.verdict()).isEqualTo(Verdict.BETTER);
            assertThat(judged.test().kind()).isEqualTo(TestKind.NON_INFERIORITY);
            assertThat(judged.test().significant()).isTrue();
        });
        // the same test, were the row not better on its own (e.g. its adjusted p held it back)
        assertThat(plan.judge(startup, Verdict.NOT_AFTER_CORRECTION).map(PlanVerdicts.Judgement::verdict))
                .contains(Verdict.WITHIN_MARGIN);
        assertThat(jsonRow("startup_ms_p90").get("verdict").asString()).isEqualTo("better");
        assertThat(jsonRow("startup_ms_p90").get("direction").asString()).isEqualTo("lower_is_better");
    }

    @Test
    void theSuccessMetricFollowsTheSuperiorityTest() {
        ScorecardRow hours = VerdictTest.row(autoplayCuped, "streaming_hours", "previews", null);

        assertThat(PlanVerdicts.of(autoplayCuped.decisions()).judge(hours, Verdict.BETTER)).hasValueSatisfying(judged ->
                assertThat(judged.test().kind()).isEqualTo(TestKind.SUPERIORITY));
        assertThat(jsonRow("streaming_hours").get("verdict").asString()).isEqualTo("better");
    }

    @Test
    void aMetricThePlanDoesNotDecideGetsTheRuleOfTheAdjustedP() {
        ScorecardRow playRate = VerdictTest.row(autoplayCuped, "play_rate", "previews", null);

        assertThat(PlanVerdicts.of(autoplayCuped.decisions()).judge(playRate, Verdict.INCONCLUSIVE)).isEmpty();
        assertThat(PlanVerdicts.NONE.verdict(playRate, 0.05)).isEqualTo(playRate.verdict(0.05));
        assertThat(jsonRow("play_rate").get("verdict").asString()).isEqualTo("inconclusive");
    }
}
