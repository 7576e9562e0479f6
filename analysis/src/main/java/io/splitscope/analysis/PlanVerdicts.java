package io.splitscope.analysis;

import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The verdicts of the rows a decision plan decides by ({@code spec/decisions.md}): a success
 * metric's or guardrail's row of a treatment is judged by the plan's own one-sided tests, not by
 * its Benjamini–Hochberg adjusted p-value, so that its verdict agrees with the decision. In order:
 * <ol>
 *   <li>the deterioration test significant: {@link Verdict#WORSE};</li>
 *   <li>the superiority test (a success metric) significant: {@link Verdict#BETTER};</li>
 *   <li>the non-inferiority test (a guardrail) significant: {@link Verdict#WITHIN_MARGIN}, or
 *       {@link Verdict#BETTER} when the row is better on its own as well;</li>
 *   <li>else {@link Verdict#INCONCLUSIVE}: not shown better, or not shown within the margin.</li>
 * </ol>
 * Other rows, segments (a sliced scorecard has no decision) and rows whose test could not run get
 * {@link Verdict}'s rule.
 */
public final class PlanVerdicts {

    /** No decision: every row gets {@link Verdict}'s rule. */
    public static final PlanVerdicts NONE = new PlanVerdicts(Map.of());

    /**
     * A row's verdict by the plan, and the test that gave it.
     *
     * @param test the deciding test: the deterioration test for {@link Verdict#WORSE}, else the
     *             superiority or non-inferiority one
     */
    public record Judgement(Verdict verdict, TestResult test) {
    }

    /** The tests of each treatment's role metric, by {@code metric/variant}. */
    private final Map<String, List<TestResult>> tests;

    private PlanVerdicts(Map<String, List<TestResult>> tests) {
        this.tests = tests;
    }

    /** The verdicts of a scorecard's decisions. */
    public static PlanVerdicts of(List<Decision> decisions) {
        Map<String, List<TestResult>> tests = new HashMap<>();
        for (Decision decision : decisions) {
            for (TestResult test : decision.tests()) {
                tests.merge(test.metric() + "/" + decision.variant(), List.of(test),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return new PlanVerdicts(Map.copyOf(tests));
    }

    /**
     * The plan's judgement of {@code row}, whose own verdict ({@link Verdict#of}) is {@code own} (null
     * when not known); empty when the plan does not decide it.
     */
    public Optional<Judgement> judge(ScorecardRow row, Verdict own) {
        List<TestResult> ran = row.segment() == null ? tests.get(row.metricId() + "/" + row.variant()) : null;
        if (ran == null || ran.stream().anyMatch(test -> test.note() != null)) {
            return Optional.empty();
        }
        for (TestResult test : ran) {
            if (test.kind() == TestKind.DETERIORATION && test.significant()) {
                return Optional.of(new Judgement(Verdict.WORSE, test));
            }
        }
        return ran.stream().filter(test -> test.kind() != TestKind.DETERIORATION).findFirst()
                .map(main -> new Judgement(!main.significant() ? Verdict.INCONCLUSIVE
                        : main.kind() == TestKind.SUPERIORITY || own == Verdict.BETTER ? Verdict.BETTER
                        : Verdict.WITHIN_MARGIN, main));
    }

    /**
     * The verdict of {@code row} at {@code alpha}: the plan's when it decides the row, else
     * {@link ScorecardRow#verdict}'s (empty when the row's direction is not known).
     */
    public Optional<Verdict> verdict(ScorecardRow row, double alpha) {
        Optional<Verdict> own = row.verdict(alpha);
        return judge(row, own.orElse(null)).map(Judgement::verdict).or(() -> own);
    }
}
