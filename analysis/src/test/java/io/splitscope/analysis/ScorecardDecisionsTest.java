package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.sql.Warehouses;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions of scorecards on the golden warehouse ({@code golden/streaming-small}), whose
 * experiments have the streaming preset's decision plans: exp_autoplay (success streaming_hours,
 * guardrails startup_ms_p90 and rebuffer_rate at "+5%") and exp_price (success revenue_per_member,
 * guardrail cancel_rate at "+10%", two treatment arms). Each one-sided test at level a is the row's
 * own method at confidence 1 − 2a, so its bound is checked against the scorecard's own row at that
 * level (the rows' numbers are checked against R and the golden references elsewhere).
 */
class ScorecardDecisionsTest {

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    private static TestResult test(Decision decision, String metric, TestKind kind) {
        return decision.tests().stream().filter(t -> t.metric().equals(metric) && t.kind() == kind).findFirst().orElseThrow();
    }

    private static ScorecardRow row(Scorecard scorecard, String metric, String variant) {
        return scorecard.rows().stream().filter(r -> r.metricId().equals(metric) && r.variant().equals(variant))
                .findFirst().orElseThrow();
    }

    @Test
    void aFinishedExperimentIsDecidedOnTheRowsOwnMethodsAtTheRulesLevels() {
        Scorecard scorecard = service.analyze(AnalysisRequest.of("exp_autoplay"));
        // one success metric, one treatment: superiority at α = 0.05, the lower end of the 90 % interval
        Scorecard at90 = service.analyze(AnalysisRequest.of("exp_autoplay").withConfidence(new ConfidenceLevel(90)));

        Decision decision = scorecard.decisions().getFirst();
        assertThat(scorecard.decisions()).hasSize(1);
        assertThat(decision.variant()).isEqualTo("previews");
        assertThat(decision.alpha()).isEqualTo(0.05);
        assertThat(decision.power()).isEqualTo(0.8);
        TestResult hours = test(decision, "streaming_hours", TestKind.SUPERIORITY);
        assertThat(hours.level()).isEqualTo(0.05);
        assertThat(hours.bound()).isCloseTo(row(at90, "streaming_hours", "previews").comparison().absoluteCi().low(),
                within(1e-12));
        // a lower-is-better guardrail with a relative margin: the upper end of the relative interval against +5 %
        TestResult startup = test(decision, "startup_ms_p90", TestKind.NON_INFERIORITY);
        assertThat(startup.relative()).isTrue();
        assertThat(startup.margin()).isEqualTo(0.05);
        assertThat(startup.significant()).isTrue();
        assertThat(startup.bound()).isCloseTo(row(at90, "startup_ms_p90", "previews").comparison().relativeCi().high(),
                within(1e-12));
        // rebuffer_rate's upper bound is above +5 %: not shown safe, so the finished experiment does not ship
        TestResult rebuffers = test(decision, "rebuffer_rate", TestKind.NON_INFERIORITY);
        assertThat(rebuffers.significant()).isFalse();
        assertThat(decision.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith("Rebuffers per watch hour:"));
        assertThat(scorecard.toString()).startsWith("decision: no_ship for 'previews' (Don't ship)\n");
    }

    @Test
    void twoTreatmentArmsHalveTheSuccessLevel() {
        Scorecard scorecard = service.analyze(AnalysisRequest.of("exp_price"));

        assertThat(scorecard.decisions()).extracting(Decision::variant).containsExactly("price_up_1", "price_up_2");
        for (Decision decision : scorecard.decisions()) {
            assertThat(test(decision, "revenue_per_member", TestKind.SUPERIORITY).level()).isEqualTo(0.025);
            // deterioration: (S + G)·A = 4 tests share α
            assertThat(test(decision, "cancel_rate", TestKind.DETERIORATION).level()).isEqualTo(0.0125);
        }
    }

    @Test
    void aRunningFixedHorizonExperimentKeepsRunningWithTheDaysLeft() {
        try (AnalysisService atDayTen = new AnalysisService(StreamingPreset.project(GoldenWarehouse.folder().toString()),
                Warehouses.open(GoldenWarehouse.folder().toString()),
                Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC))) {
            Decision decision = atDayTen.analyze(AnalysisRequest.of("exp_autoplay")).decisions().getFirst();

            assertThat(decision.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
            // the slower arm's intake: control's 269 units in the 7 days before the clock (awk, see AnalysisServiceTest)
            assertThat(decision.plannedUnits()).isGreaterThan(863L);
            assertThat(decision.daysLeft()).isEqualTo((int) Math.ceil((decision.plannedUnits() - 863) / (269 / 7.0)));
        }
    }

    @Test
    void aSlicedScorecardOrOneOfOtherMetricsHasNoDecision() {
        assertThat(service.analyze(AnalysisRequest.of("exp_autoplay").withSegmentBy("country")).decisions()).isEmpty();
        assertThat(service.analyze(AnalysisRequest.of("exp_autoplay").withMetrics(List.of("play_rate"))).decisions())
                .isEmpty();
    }
}
