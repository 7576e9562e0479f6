package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.Interval;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each recommendation's headline and one-sentence why, from the tests the rule ran. */
class DecisionTextsTest {

    private static final Map<String, String> TITLES = Map.of("conversion", "Conversion rate", "revenue", "Revenue per user",
            "refund_rate", "Refund rate");
    private static final Function<String, String> TITLE = id -> TITLES.getOrDefault(id, id);

    /** A test of {@code metric}; the numbers are only shown, never read by the texts, except the estimate's sign. */
    static TestResult test(String metric, TestKind kind, double estimate, boolean significant) {
        return new TestResult(metric, kind, 0.025, "α/2", true, kind == TestKind.NON_INFERIORITY ? 0.25 : 0, 0.1, estimate,
                new Interval(estimate - 0.01, estimate + 0.01), estimate - 0.01, null, significant, null);
    }

    static Decision decision(Recommendation recommendation, Long planned, Integer daysLeft, TestResult... tests) {
        return new Decision("treatment", recommendation, List.of("reason"), 0.05, 0.8, planned, daysLeft, List.of(tests));
    }

    @Test
    void shipSaysWhatWentUpAndThatNoGuardrailGotWorse() {
        Decision ship = decision(Recommendation.SHIP, 4000L, null,
                test("conversion", TestKind.SUPERIORITY, 0.08, true),
                test("refund_rate", TestKind.NON_INFERIORITY, 0.01, true),
                test("conversion", TestKind.DETERIORATION, 0.08, false));

        assertThat(DecisionTexts.headline(ship)).isEqualTo("Ship it");
        assertThat(DecisionTexts.why(ship, TITLE)).isEqualTo("Conversion rate is up and no guardrail got worse.");
        assertThat(DecisionTexts.why(decision(Recommendation.SHIP, null, null,
                test("conversion", TestKind.SUPERIORITY, 0.08, true), test("revenue", TestKind.SUPERIORITY, 0.02, true)), TITLE))
                .as("no guardrail").isEqualTo("Conversion rate and Revenue per user are up.");
    }

    @Test
    void rollBackNamesWhatGotWorse() {
        Decision rollBack = decision(Recommendation.ROLL_BACK, null, null,
                test("revenue", TestKind.SUPERIORITY, 0.03, true),
                test("refund_rate", TestKind.NON_INFERIORITY, 0.6, false),
                test("refund_rate", TestKind.DETERIORATION, 0.6, true));

        assertThat(DecisionTexts.headline(rollBack)).isEqualTo("Roll back");
        assertThat(DecisionTexts.why(rollBack, TITLE)).isEqualTo("Refund rate got worse.");
    }

    @Test
    void keepRunningSaysTheDaysLeftAndThePlannedSample() {
        Decision running = decision(Recommendation.KEEP_RUNNING, 12_500L, 5, test("conversion", TestKind.SUPERIORITY, 0.01, false));

        assertThat(DecisionTexts.headline(running)).isEqualTo("Keep running — about 5 days left");
        assertThat(DecisionTexts.why(running, TITLE)).isEqualTo("It has not reached its planned sample of 12,500 units per"
                + " variant: stopping now would be reading the numbers too early.");
        assertThat(DecisionTexts.headline(decision(Recommendation.KEEP_RUNNING, null, 1))).isEqualTo("Keep running — about 1 day left");
        assertThat(DecisionTexts.headline(decision(Recommendation.KEEP_RUNNING, null, null))).isEqualTo("Keep running");
        assertThat(DecisionTexts.why(decision(Recommendation.KEEP_RUNNING, null, null), TITLE))
                .isEqualTo("Nothing is conclusive yet: stopping now would be reading the numbers too early.");
    }

    @Test
    void noShipSaysWhichPartFailed() {
        Decision nothingMoved = decision(Recommendation.NO_SHIP, 4000L, null,
                test("conversion", TestKind.SUPERIORITY, 0.001, false), test("refund_rate", TestKind.NON_INFERIORITY, 0, true));
        Decision notSafe = decision(Recommendation.NO_SHIP, 4000L, null,
                test("conversion", TestKind.SUPERIORITY, 0.05, true), test("refund_rate", TestKind.NON_INFERIORITY, 0.2, false));

        assertThat(DecisionTexts.headline(nothingMoved)).isEqualTo("Don't ship");
        assertThat(DecisionTexts.why(nothingMoved, TITLE))
                .isEqualTo("Conversion rate did not move enough to tell: the change does not do what it was meant to.");
        assertThat(DecisionTexts.why(notSafe, TITLE))
                .isEqualTo("Conversion rate is up, but Refund rate was not shown to stay within its margin.");
    }

    @Test
    void unhealthySaysToFixTheDataFirst() {
        Decision unhealthy = decision(Recommendation.UNHEALTHY, null, null);

        assertThat(DecisionTexts.headline(unhealthy)).isEqualTo("Fix the data first");
        assertThat(DecisionTexts.why(unhealthy, TITLE))
                .isEqualTo("A data-quality check failed, so the numbers cannot be trusted until the data is fixed.");
    }

    @Test
    void aMetricThatShouldFallIsDownAndAnUnknownMetricKeepsItsId() {
        Decision ship = decision(Recommendation.SHIP, null, null, test("latency_ms", TestKind.SUPERIORITY, -0.04, true));

        assertThat(DecisionTexts.why(ship, TITLE)).isEqualTo("Latency_ms is down.");
    }
}
