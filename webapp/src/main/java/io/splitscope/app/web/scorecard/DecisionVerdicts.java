package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The verdicts of the rows a decision plan decides by: a success metric's or guardrail's row of a
 * treatment is judged by the plan's own one-sided tests ({@code spec/decisions.md}), not by its
 * Benjamini–Hochberg adjusted p-value, so that the badge agrees with the decision above the table;
 * the row's note says which test and at which level. In order:
 * <ol>
 *   <li>the deterioration test significant: {@link ResultRow.Verdict#WORSE};</li>
 *   <li>the superiority test (a success metric) significant: {@link ResultRow.Verdict#BETTER};</li>
 *   <li>the non-inferiority test (a guardrail) significant: {@link ResultRow.Verdict#WITHIN_MARGIN}, or
 *       {@link ResultRow.Verdict#BETTER} when the row is better on its own as well;</li>
 *   <li>else {@link ResultRow.Verdict#INCONCLUSIVE}: not shown better, or not shown within the margin.</li>
 * </ol>
 * Other rows, segments (a sliced scorecard has no decision) and rows whose test could not run keep
 * their verdict.
 */
final class DecisionVerdicts {

    /** No decision: every row keeps its verdict. */
    static final DecisionVerdicts NONE = new DecisionVerdicts(Map.of());

    /** The tests of each treatment's role metric, by {@code metric/variant}. */
    private final Map<String, List<TestResult>> tests;

    private DecisionVerdicts(Map<String, List<TestResult>> tests) {
        this.tests = tests;
    }

    /** The verdicts of a scorecard's decisions. */
    static DecisionVerdicts of(List<Decision> decisions) {
        Map<String, List<TestResult>> tests = new HashMap<>();
        for (Decision decision : decisions) {
            for (TestResult test : decision.tests()) {
                tests.merge(test.metric() + "/" + decision.variant(), List.of(test),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return new DecisionVerdicts(Map.copyOf(tests));
    }

    /** {@code formatted} judged by the plan's tests when the plan decides its row; else as it is. */
    ResultRow judge(ScorecardRow row, ResultRow formatted) {
        List<TestResult> ran = row.segment() == null ? tests.get(row.metricId() + "/" + row.variant()) : null;
        if (ran == null || ran.stream().anyMatch(test -> test.note() != null)) {
            return formatted;
        }
        for (TestResult test : ran) {
            if (test.kind() == TestKind.DETERIORATION && test.significant()) {
                return formatted.judgedBy(ResultRow.Verdict.WORSE, "Worse by the decision plan's " + described(test) + ".");
            }
        }
        TestResult main = ran.stream().filter(test -> test.kind() != TestKind.DETERIORATION).findFirst().orElse(null);
        if (main == null) {
            return formatted;
        }
        boolean success = main.kind() == TestKind.SUPERIORITY;
        if (!success && main.significant() && formatted.verdict() == ResultRow.Verdict.BETTER) {
            return formatted.judgedBy(ResultRow.Verdict.BETTER, "Better, and within its margin of " + margin(main)
                    + " by the decision plan's " + described(main) + ".");
        }
        if (main.significant()) {
            return formatted.judgedBy(success ? ResultRow.Verdict.BETTER : ResultRow.Verdict.WITHIN_MARGIN, success
                    ? "Better by the decision plan's " + described(main) + ", which decides this success metric."
                    : "Within its margin of " + margin(main) + " by the decision plan's " + described(main) + ".");
        }
        return formatted.judgedBy(ResultRow.Verdict.INCONCLUSIVE, success
                ? "Not shown better by the decision plan's " + described(main) + "."
                : "Not shown within its margin of " + margin(main) + " by the decision plan's " + described(main) + ".");
    }

    /** E.g. {@code superiority test (one-sided, at α/2 = 0.025)}. */
    private static String described(TestResult test) {
        return test.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " test (one-sided, at " + test.levelText()
                + " = " + new BigDecimal(test.level()).round(new MathContext(3)).stripTrailingZeros().toPlainString() + ")";
    }

    private static String margin(TestResult test) {
        return test.relative() ? Formats.signedPercent(test.margin()) : Formats.signedNumber(test.margin());
    }
}
