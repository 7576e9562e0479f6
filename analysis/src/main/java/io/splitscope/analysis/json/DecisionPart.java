package io.splitscope.analysis.json;

import io.splitscope.stats.Interval;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.List;
import java.util.Locale;

/**
 * One of the {@code decisions} of a scorecard document ({@code spec/decisions.md}): the
 * recommendation for one treatment variant, its reasons, and the one-sided tests it read.
 *
 * @param variant      the treatment variant
 * @param decision     {@code unhealthy}, {@code roll_back}, {@code keep_running}, {@code ship} or {@code no_ship}
 * @param headline     the decision in a product manager's words ("Ship it")
 * @param reasons      one line per metric and per failed quality check
 * @param alpha        the rule's overall one-sided level
 * @param power        the rule's planned power
 * @param plannedUnits the planned units per variant; null when no plan could be made
 * @param daysLeft     days to the planned sample at the last days' intake; null when finished or not known
 * @param tests        the tests of the rule
 */
public record DecisionPart(String variant, String decision, String headline, List<String> reasons, double alpha,
                           double power, Long plannedUnits, Integer daysLeft, List<TestPart> tests) {

    /**
     * One one-sided test of the rule, on the scale it was tested on (relative: fractions of the
     * control's value).
     *
     * @param kind      {@code superiority}, {@code non_inferiority} or {@code deterioration}
     * @param level     its one-sided level
     * @param levelText the level as a share of α ({@code α/2})
     * @param relative  whether it tests the relative effect
     * @param margin    the margin the bound is compared with (0 for superiority and deterioration)
     * @param ciLow     the two-sided interval at 1 − 2·level, low end
     * @param ciHigh    its high end
     * @param bound     the one-sided bound compared with the margin
     * @param note      why the test could not run, when it could not
     */
    public record TestPart(String metric, String kind, double level, String levelText, boolean relative, double margin,
                           Double controlValue, Double estimate, Double ciLow, Double ciHigh, Double bound,
                           Double pValue, boolean significant, String note) {

        static TestPart of(TestResult test) {
            Interval ci = test.interval();
            return new TestPart(test.metric(), test.kind().name().toLowerCase(Locale.ROOT), test.level(), test.levelText(),
                    test.relative(), test.margin(), test.controlValue(), test.estimate(), ci == null ? null : ci.low(),
                    ci == null ? null : ci.high(), test.bound(), test.pValue(), test.significant(), test.note());
        }

        TestResult toTest() {
            return new TestResult(metric, TestKind.valueOf(kind.toUpperCase(Locale.ROOT)), level, levelText, relative,
                    margin, controlValue, estimate, ciLow == null || ciHigh == null ? null : new Interval(ciLow, ciHigh),
                    bound, pValue, significant, note);
        }
    }

    public static DecisionPart of(Decision decision) {
        return new DecisionPart(decision.variant(), decision.recommendation().id(), decision.recommendation().headline(),
                decision.reasons(), decision.alpha(), decision.power(), decision.plannedUnits(), decision.daysLeft(),
                decision.tests().stream().map(TestPart::of).toList());
    }

    /** @throws IllegalArgumentException for a decision that is not one of the five */
    public Decision toDecision() {
        return new Decision(variant, Recommendation.valueOf(decision.toUpperCase(Locale.ROOT)), reasons, alpha, power,
                plannedUnits, daysLeft, tests.stream().map(TestPart::toTest).toList());
    }
}
