package io.splitscope.stats.decision;

import java.util.List;

/**
 * The decision rule's recommendation for one treatment variant, with its reasons and the numbers
 * it used ({@code spec/decisions.md}: the JSON scorecard's {@code decisions}).
 *
 * @param variant        the treatment variant
 * @param recommendation what the rule recommends
 * @param reasons        the failed quality checks, one line per metric, then (for keep_running) the
 *                       days left or the plan, or (for no_ship) which part failed
 * @param alpha          the rule's α
 * @param power          the rule's power {@code 1 − β}
 * @param plannedUnits   the planned sample per variant; null if no plan could be made
 * @param daysLeft       the days until the planned sample at the last 7 days' intake; null if
 *                       finished or unknown
 * @param tests          every one-sided test the rule ran
 */
public record Decision(String variant, Recommendation recommendation, List<String> reasons, double alpha,
        double power, Long plannedUnits, Integer daysLeft, List<TestResult> tests) {

    public Decision {
        reasons = List.copyOf(reasons);
        tests = List.copyOf(tests);
    }
}
