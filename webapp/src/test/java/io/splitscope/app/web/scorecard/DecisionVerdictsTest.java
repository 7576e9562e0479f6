package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionVerdictsTest {

    /** +2.4 % [+0.2, +4.6], raw p 0.029, Benjamini–Hochberg adjusted p 0.096: grey by the correction alone. */
    private static final ComparisonResult REVENUE = ComparisonResult.ok(13.39, 13.72, 0.33, new Interval(0.034, 0.617), 0.0243,
            new Interval(0.0023, 0.0463), 0.029);

    private static ScorecardRow row(String metric, String segment) {
        return new ScorecardRow(metric, metric, MetricType.MEAN, "welch_t", "nudge", segment, 5623, 5537, 0, REVENUE, 0.096,
                InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED);
    }

    private static TestResult test(String metric, TestKind kind, double level, String levelText, double margin, boolean significant) {
        return new TestResult(metric, kind, level, levelText, true, margin, 13.39, 0.0243, new Interval(0.0023, 0.0463), 0.0023,
                null, significant, null);
    }

    private static DecisionVerdicts plan(TestResult... tests) {
        return DecisionVerdicts.of(List.of(new Decision("nudge", Recommendation.SHIP, List.of(), 0.05, 0.8, 20_000L, null,
                List.of(tests))));
    }

    private static ResultRow judged(DecisionVerdicts verdicts, ScorecardRow row) {
        return verdicts.judge(row, ResultRow.of(row, Direction.HIGHER_IS_BETTER, 0.05));
    }

    @Test
    void withoutAPlanTheAdjustedPDecides() {
        ResultRow row = judged(DecisionVerdicts.NONE, row("revenue_per_member", null));

        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.NOT_AFTER_CORRECTION);
        assertThat(row.verdictNote()).contains("adjusted p 0.096");
    }

    @Test
    void aSuccessMetricFollowsThePlansSuperiorityTestAndSaysSo() {
        DecisionVerdicts verdicts = plan(test("revenue_per_member", TestKind.SUPERIORITY, 0.025, "α/2", 0, true),
                test("revenue_per_member", TestKind.DETERIORATION, 0.0125, "α/4", 0, false));

        ResultRow row = judged(verdicts, row("revenue_per_member", null));

        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(row.verdictNote()).isEqualTo("Better by the decision plan's superiority test (one-sided, at α/2 = 0.025; bound +0.23 %),"
                + " which decides this success metric.");
    }

    @Test
    void aSuccessMetricNotShownBetterIsInconclusive() {
        ResultRow row = judged(plan(test("revenue_per_member", TestKind.SUPERIORITY, 0.025 / 3, "α/6", 0, false)),
                row("revenue_per_member", null));

        assertThat(row.verdict()).isEqualTo(ResultRow.Verdict.INCONCLUSIVE);
        assertThat(row.verdictNote()).isEqualTo("Not shown better by the decision plan's superiority test (one-sided, at α/6 = 0.00833; bound +0.23 %).");
    }

    @Test
    void aGuardrailIsWithinItsMarginOrWorse() {
        DecisionVerdicts within = plan(test("cancel_rate", TestKind.NON_INFERIORITY, 0.05, "α", 0.10, true),
                test("cancel_rate", TestKind.DETERIORATION, 0.0125, "α/4", 0, false));
        DecisionVerdicts worse = plan(test("cancel_rate", TestKind.NON_INFERIORITY, 0.05, "α", 0.10, false),
                test("cancel_rate", TestKind.DETERIORATION, 0.0125, "α/4", 0, true));

        assertThat(judged(within, row("cancel_rate", null))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ResultRow.Verdict.WITHIN_MARGIN);
            assertThat(r.verdictNote()).isEqualTo("Within its margin of +10.0 % by the decision plan's non-inferiority test"
                    + " (one-sided, at α = 0.05; bound +0.23 %).");
        });
        assertThat(judged(worse, row("cancel_rate", null))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ResultRow.Verdict.WORSE);
            assertThat(r.verdictNote()).isEqualTo("Worse by the decision plan's deterioration test (one-sided, at α/4 = 0.0125; bound +0.23 %).");
        });
    }

    @Test
    void aGuardrailBetterOnItsOwnStaysBetter() {
        ScorecardRow row = new ScorecardRow("revenue_per_member", "revenue", MetricType.MEAN, "welch_t", "nudge", null, 5623, 5537, 0,
                REVENUE, 0.001, InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED);
        DecisionVerdicts within = plan(test("revenue_per_member", TestKind.NON_INFERIORITY, 0.05, "α", -0.05, true));

        ResultRow judged = judged(within, row);

        assertThat(judged.verdict()).isEqualTo(ResultRow.Verdict.BETTER);
        assertThat(judged.verdictNote()).isEqualTo("Better, and within its margin of −5.0 % by the decision plan's"
                + " non-inferiority test (one-sided, at α = 0.05; bound +0.23 %).");
    }

    @Test
    void otherMetricsAndSegmentsKeepTheirVerdict() {
        DecisionVerdicts verdicts = plan(test("revenue_per_member", TestKind.SUPERIORITY, 0.025, "α/2", 0, true));

        assertThat(judged(verdicts, row("streaming_hours", null)).verdict()).isEqualTo(ResultRow.Verdict.NOT_AFTER_CORRECTION);
        assertThat(judged(verdicts, row("revenue_per_member", "US")).verdict()).isEqualTo(ResultRow.Verdict.NOT_AFTER_CORRECTION);
    }
}
