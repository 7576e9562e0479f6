package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.PlanVerdicts;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.Verdict;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The badges of the rows a decision plan decides by: the verdict of {@link PlanVerdicts} (the
 * plan's own one-sided tests, not the Benjamini–Hochberg adjusted p-value, so that the badge agrees
 * with the decision above the table; a guardrail better on its own as well stays better), with a
 * note that says which test and at which level. Other rows, segments and rows whose test could not
 * run keep their verdict.
 */
final class DecisionVerdicts {

    /** No decision: every row keeps its verdict. */
    static final DecisionVerdicts NONE = new DecisionVerdicts(PlanVerdicts.NONE);

    private final PlanVerdicts plan;

    private DecisionVerdicts(PlanVerdicts plan) {
        this.plan = plan;
    }

    /** The verdicts of a scorecard's decisions. */
    static DecisionVerdicts of(List<Decision> decisions) {
        return new DecisionVerdicts(PlanVerdicts.of(decisions));
    }

    /** {@code formatted} judged by the plan's tests when the plan decides its row; else as it is. */
    ResultRow judge(ScorecardRow row, ResultRow formatted) {
        Verdict own = formatted.verdict() == null ? null : Verdict.valueOf(formatted.verdict().name());
        return plan.judge(row, own).map(judged -> formatted.judgedBy(ResultRow.Verdict.of(judged.verdict()), note(judged)))
                .orElse(formatted);
    }

    private static String note(PlanVerdicts.Judgement judged) {
        TestResult test = judged.test();
        boolean success = test.kind() == TestKind.SUPERIORITY;
        return switch (judged.verdict()) {
            case WORSE -> "Worse by the decision plan's " + described(test) + ".";
            case BETTER -> success ? "Better by the decision plan's " + described(test) + ", which decides this success metric."
                    : "Better, and within its margin of " + margin(test) + " by the decision plan's " + described(test) + ".";
            case WITHIN_MARGIN -> "Within its margin of " + margin(test) + " by the decision plan's " + described(test) + ".";
            default -> success ? "Not shown better by the decision plan's " + described(test) + "."
                    : "Not shown within its margin of " + margin(test) + " by the decision plan's " + described(test) + ".";
        };
    }

    /**
     * E.g. {@code superiority test (one-sided, at α/2 = 0.025; bound +0.4 %)}: the bound tells why a
     * one-sided test can pass while the two-sided interval of the table still includes zero.
     */
    private static String described(TestResult test) {
        String bound = test.bound() == null ? "" : "; bound " + (test.relative() ? Formats.signedPercent(test.bound())
                : Formats.signedNumber(test.bound()));
        return test.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " test (one-sided, at " + test.levelText()
                + " = " + new BigDecimal(test.level()).round(new MathContext(3)).stripTrailingZeros().toPlainString() + bound + ")";
    }

    private static String margin(TestResult test) {
        return test.relative() ? Formats.signedPercent(test.margin()) : Formats.signedNumber(test.margin());
    }
}
