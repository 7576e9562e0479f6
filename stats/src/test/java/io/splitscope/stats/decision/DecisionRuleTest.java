package io.splitscope.stats.decision;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.methods.Sequential;
import io.splitscope.stats.methods.WelchT;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The decision rule on real {@code welch_t} comparisons: its one-sided tests against R's
 * {@code t.test} (stats/src/test/r/decision.R, R 4.2.2; p-values and bounds to relative 1e-10),
 * its plan against the same script, each recommendation and reason line, degenerate rows and bad input.
 */
class DecisionRuleTest {

    private static final WelchT WELCH = new WelchT();
    private static final double TOL = 1e-10;

    // stats/src/test/r/decision.R
    private static final double[] REVENUE_CONTROL = {10.2, 11.5, 9.8, 12.1, 10.9, 11.3, 10.4, 12.6, 9.5, 11.0, 10.7, 11.8};
    private static final double[] REVENUE_TREATMENT = {12.4, 11.9, 13.1, 12.2, 11.6, 13.5, 12.8, 11.4, 12.9, 13.0};
    private static final double[] LATENCY_CONTROL = {201, 195, 210, 188, 205, 199, 192, 207, 198, 203, 196, 201, 194, 209};
    private static final double[] LATENCY_TREATMENT = {200, 197, 206, 190, 204, 201, 195, 205, 199, 202, 198, 200, 196, 207, 193};

    private static final RoleMetric REVENUE = RoleMetric.success("revenue", "revenue", true);

    private static RoleMetric latency(String margin) {
        return RoleMetric.guardrail("latency", "latency", false, Margin.parse(margin));
    }

    /** welch_t on fixed data, re-run at any level. */
    static Comparison welch(double[] control, double[] treatment) {
        return level -> WELCH.compare(Moments.of(control), Moments.of(treatment), level);
    }

    /** welch_t on summaries: n units per arm with these means and standard deviations. */
    static Comparison welch(long n, double controlMean, double treatmentMean, double sd) {
        return level -> WELCH.compare(moments(n, controlMean, sd), moments(n, treatmentMean, sd), level);
    }

    static Moments moments(long n, double mean, double sd) {
        return new Moments(n, n * mean, (n - 1) * sd * sd + n * mean * mean);
    }

    private static VariantEvidence evidence(Map<String, Comparison> metrics, List<QualityCheck> checks, long units,
            double intake) {
        return new VariantEvidence("B", metrics, checks, units, units, intake);
    }

    private static VariantEvidence fixture(List<QualityCheck> checks) {
        return new VariantEvidence("B", Map.of("revenue", welch(REVENUE_CONTROL, REVENUE_TREATMENT),
                "latency", welch(LATENCY_CONTROL, LATENCY_TREATMENT)), checks, 12, 10, 0);
    }

    private static final DecisionRule FIXED = new DecisionRule(Design.FIXED, 0.05, 0.8);

    @Test
    void oneSidedTestsMatchRsTTest() {
        // S = 1, G = 1, A = 2: superiority at α/2, non-inferiority at α, deterioration at α/4
        Decision d = FIXED.decide(List.of(REVENUE, latency("+0.5")), 2, fixture(List.of()), true, 1);
        List<TestResult> tests = d.tests();
        assertThat(tests).extracting(TestResult::kind).containsExactly(TestKind.SUPERIORITY, TestKind.DETERIORATION,
                TestKind.NON_INFERIORITY, TestKind.DETERIORATION);

        TestResult superiority = tests.get(0);
        // R 4.2.2: t.test(revenue_treatment, revenue_control, alternative = "greater", conf.level = 0.975):
        // p = 0.00017268010557153606, conf.int[1] = 0.77232066550579281
        assertThat(superiority.levelText()).isEqualTo("α/2");
        assertThat(superiority.level()).isEqualTo(0.025);
        assertThat(superiority.bound()).isCloseTo(0.77232066550579281, relative(0.77232066550579281, TOL));
        assertThat(superiority.pValue()).isCloseTo(0.00017268010557153606, relative(0.00017268010557153606, TOL));
        assertThat(superiority.significant()).isTrue();

        TestResult revenueWorse = tests.get(1);
        // R 4.2.2: t.test(..., alternative = "less", conf.level = 1 - 0.05/4): p = 0.99982731989442852,
        // conf.int[2] = 2.3382285036716048
        assertThat(revenueWorse.levelText()).isEqualTo("α/4");
        assertThat(revenueWorse.bound()).isCloseTo(2.3382285036716048, relative(2.3382285036716048, TOL));
        assertThat(revenueWorse.pValue()).isCloseTo(0.99982731989442852, relative(0.99982731989442852, TOL));
        assertThat(revenueWorse.significant()).isFalse();

        TestResult nonInferior = tests.get(2);
        // R 4.2.2: t.test(latency_treatment, latency_control, alternative = "less", mu = 0.5, conf.level = 0.95):
        // conf.int[2] = 3.3589537380082342, p = 0.35264609719719714 (> α: not shown non-inferior).
        // The rule gives no p-value for a non-zero margin (the result has no se and df to compute it from).
        assertThat(nonInferior.bound()).isCloseTo(3.3589537380082342, relative(3.3589537380082342, TOL));
        assertThat(nonInferior.margin()).isEqualTo(0.5);
        assertThat(nonInferior.relative()).isFalse();
        assertThat(nonInferior.pValue()).isNull();
        assertThat(nonInferior.significant()).isFalse();
        assertThat(nonInferior.estimate()).isCloseTo(-0.32380952380952976, within(1e-10)); // R: mean(t) - mean(c)

        TestResult latencyWorse = tests.get(3);
        // R 4.2.2: t.test(latency_treatment, latency_control, alternative = "greater", conf.level = 1 - 0.05/4):
        // p = 0.55916090263690499, conf.int[1] = -5.4706076227787355
        assertThat(latencyWorse.bound()).isCloseTo(-5.4706076227787355, relative(-5.4706076227787355, TOL));
        assertThat(latencyWorse.pValue()).isCloseTo(0.55916090263690499, relative(0.55916090263690499, TOL));
        assertThat(latencyWorse.significant()).isFalse();
    }

    @Test
    void aLevelThatIsNoDecimalPercentageIsExact() {
        // S = 3, A = 1: superiority at α/3. R 4.2.2: t.test(..., alternative = "greater", conf.level = 1 - 0.05/3):
        // conf.int[1] = 0.70295645964110665
        RoleMetric other = RoleMetric.success("other", "other", true);
        RoleMetric third = RoleMetric.success("third", "third", true);
        Comparison revenue = welch(REVENUE_CONTROL, REVENUE_TREATMENT);
        Decision d = FIXED.decide(List.of(REVENUE, other, third), 1,
                evidence(Map.of("revenue", revenue, "other", revenue, "third", revenue), List.of(), 10, 0), true, 1);
        TestResult superiority = d.tests().get(0);
        assertThat(superiority.levelText()).isEqualTo("α/3");
        assertThat(superiority.bound()).isCloseTo(0.70295645964110665, relative(0.70295645964110665, TOL));
        assertThat(superiority.pValue()).isCloseTo(0.00017268010557153606, relative(0.00017268010557153606, TOL));
    }

    @Test
    void shipsWhenFinishedWithASuccessBetterAndEveryGuardrailNonInferior() {
        Decision d = FIXED.decide(List.of(REVENUE, latency("+4")), 2, fixture(List.of()), true, 1);
        // R 4.2.2 (decision.R): revenue relative effect 13.626707 % [6.479031, 20.774383] at 97.5 %;
        // latency: bound 3.3589537 below the margin 4 (p = 0.028), estimate −0.3238, lower bound 2·d − upper = −4.0066
        assertThat(d.recommendation()).isEqualTo(Recommendation.SHIP);
        assertThat(d.reasons()).containsExactly(
                "revenue: +13.6 % [+6.5, +20.8], better at α/2",
                "latency: −0.3 [−4.0, +3.4], within its margin of +4 (non-inferior at α)");
        assertThat(d.alpha()).isEqualTo(0.05);
        assertThat(d.power()).isEqualTo(0.8);
        // R 4.2.2 (decision.R): plan revenue 47.59, latency 38.50 → 48 units per variant
        assertThat(d.plannedUnits()).isEqualTo(48L);
        assertThat(d.daysLeft()).isNull();
        assertThat(d.variant()).isEqualTo("B");
    }

    @Test
    void noShipSaysWhichPartFailed() {
        Decision unsafe = FIXED.decide(List.of(REVENUE, latency("+0.5")), 2, fixture(List.of()), true, 1);
        assertThat(unsafe.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThat(unsafe.reasons()).containsExactly(
                "revenue: +13.6 % [+6.5, +20.8], better at α/2",
                "latency: −0.3 [−4.0, +3.4], not shown within its +0.5 margin (at α)",
                "not proven safe: latency is not shown within its margin");

        // No effect on revenue (equal means), 2,000 units a variant, the period over
        Decision flat = FIXED.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(2000, 10, 10, 5)), List.of(), 2000, 0), true, 1);
        assertThat(flat.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThat(flat.reasons()).hasSize(2);
        assertThat(flat.reasons().get(0)).startsWith("revenue: 0.0 % [").endsWith("], not significantly better at α");
        assertThat(flat.reasons().get(1))
                .isEqualTo("no success metric is significantly better: the change does not do what it was meant to");
    }

    @Test
    void twoGuardrailsNotShownSafeAndASuccessMetricThatGotWorse() {
        // revenue down 5 % at 2,000 units (z ≈ −3.2 beyond z(1 − α/6) = 2.39): worse, so roll back;
        // two guardrails with no effect and tight margins, not shown non-inferior
        RoleMetric latency = RoleMetric.guardrail("latency", "latency", false, Margin.parse("+0.1%"));
        RoleMetric errors = RoleMetric.guardrail("errors", "error rate", false, Margin.parse("+0.1%"));
        Map<String, Comparison> rows = Map.of("revenue", welch(2000, 10, 9.5, 5), "latency", welch(2000, 200, 200, 10),
                "errors", welch(2000, 0.02, 0.02, 0.1));
        Decision worse = FIXED.decide(List.of(REVENUE, latency, errors), 1, evidence(rows, List.of(), 2000, 0), true, 1);
        assertThat(worse.recommendation()).isEqualTo(Recommendation.ROLL_BACK);
        assertThat(worse.reasons().get(0)).startsWith("revenue: −5.0 % [").endsWith("], worse at α/3");

        Map<String, Comparison> flat = Map.of("revenue", welch(2000, 10, 10.5, 5), "latency", welch(2000, 200, 200, 10),
                "errors", welch(2000, 0.02, 0.02, 0.1));
        Decision unsafe = FIXED.decide(List.of(REVENUE, latency, errors), 1, evidence(flat, List.of(), 2000, 0), true, 1);
        assertThat(unsafe.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThat(unsafe.reasons()).last().isEqualTo("not proven safe: latency, error rate are not shown within their margins");
        assertThat(unsafe.reasons().get(2)).startsWith("error rate: 0.0 % [").endsWith("], not shown within its +0.1 % margin (at α)");
    }

    @Test
    void rollsBackWhenAGuardrailDeteriorates() {
        // latency (lower is better) up 5 % with sd 10 at 2,000 units: z ≈ 15.8, far beyond z(1 − α/2)
        Decision d = FIXED.decide(List.of(REVENUE, latency("+10%")), 1,
                evidence(Map.of("revenue", welch(2000, 10, 10.5, 5), "latency", welch(2000, 200, 210, 10)), List.of(), 2000, 0),
                false, 1);
        assertThat(d.recommendation()).isEqualTo(Recommendation.ROLL_BACK);
        assertThat(d.reasons().get(1)).startsWith("latency: +5.00 % [").endsWith("], worse at α/2");
        assertThat(d.tests().get(3).kind()).isEqualTo(TestKind.DETERIORATION);
        assertThat(d.tests().get(3).significant()).isTrue();
        // deterioration is tested on the absolute effect; the line shows the relative one
        assertThat(d.tests().get(3).relative()).isFalse();
        assertThat(d.tests().get(3).estimate()).isCloseTo(10, within(1e-9));
    }

    @Test
    void unhealthyWhenAQualityCheckFailsWhateverTheMetricsSay() {
        Decision d = FIXED.decide(List.of(REVENUE, latency("+4")), 2,
                fixture(List.of(QualityCheck.srm(0.0001), QualityCheck.crossoverShare(OptionalDouble.of(0.004)))), true, 1);
        assertThat(d.recommendation()).isEqualTo(Recommendation.UNHEALTHY);
        assertThat(d.reasons()).containsExactly(
                "sample ratio check failed: SRM p-value 0.0001 (fails below 0.001)",
                "revenue: +13.6 % [+6.5, +20.8], better at α/2",
                "latency: −0.3 [−4.0, +3.4], within its margin of +4 (non-inferior at α)");
    }

    @Test
    void keepsRunningAFixedDesignUntilThePlannedSampleWithTheDaysLeft() {
        // revenue +5 % (10 → 10.5, sd 5) at 500 units a variant: significant already, but the plan is larger.
        // Plan: se_now = 95 % half-width / z = t(0.975, df)·se/z with se = 5·√(2/500), n_now = 500, power 0.8, G = 0:
        // n = 2 (t/z)² 25 (z(0.95) + z(0.8))² / 0.5² — qt(0.975, 998) = 1.962343846, so (t/z)² = 1.002429949 (R 4.2.2):
        // 2·25·1.002429949·(qnorm(0.95) + qnorm(0.8))²/0.25 = 1239.516 → 1240
        Decision d = FIXED.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(500, 10, 10.5, 5)), List.of(), 500, 37.4), false, 1);
        assertThat(d.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThat(d.plannedUnits()).isEqualTo(1240L);
        assertThat(d.daysLeft()).isEqualTo(20); // ceil((1240 − 500)/37.4) = ceil(19.79)
        assertThat(d.reasons()).last().isEqualTo("about 20 days left at ~37 units a day (planned sample 1240 per variant)");

        Decision unknownIntake = FIXED.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(500, 10, 10.5, 5)), List.of(), 500, 0), false, 1);
        assertThat(unknownIntake.daysLeft()).isNull();
        assertThat(unknownIntake.reasons()).last().isEqualTo("the planned sample is 1240 per variant (500 so far)");

        // the planned sample reached: finished although the period is not over
        Decision reached = FIXED.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(1300, 10, 10.5, 5)), List.of(), 1300, 37.4), false, 1);
        assertThat(reached.recommendation()).isEqualTo(Recommendation.SHIP);
        assertThat(reached.daysLeft()).isNull();
    }

    @Test
    void aSequentialDesignShipsAtAnyLookOnAlwaysValidIntervals() {
        Sequential sequential = new Sequential();
        DecisionRule rule = new DecisionRule(Design.SEQUENTIAL, 0.05, 0.8);
        // a strong effect (+10 %, z ≈ 4.5) at 1,000 units a variant: concluded before the planned sample
        Decision d = rule.decide(List.of(REVENUE), 1, evidence(Map.of("revenue", level ->
                sequential.compare(moments(1000, 10, 5), moments(1000, 11, 5), level)), List.of(), 1000, 100), false, 1);
        assertThat(d.recommendation()).isEqualTo(Recommendation.SHIP);
        assertThat(d.plannedUnits()).isGreaterThan(1000L);
        assertThat(d.tests().get(0).pValue()).as("an always-valid p-value is not halved").isNull();

        // a weak effect (+1 %) at 1,000 units a variant, below the plan: not concluded, keeps running
        Decision weak = rule.decide(List.of(REVENUE), 1, evidence(Map.of("revenue", level ->
                sequential.compare(moments(1000, 10, 5), moments(1000, 10.1, 5), level)), List.of(), 1000, 100), false, 1);
        assertThat(weak.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThat(weak.reasons()).last().asString().startsWith("not concluded yet; about ");
    }

    @Test
    void aGroupSequentialDesignUsesTheBoundaryOfTheLook() {
        DecisionRule rule = new DecisionRule(Design.groupSequential(5, Design.Spending.OBRIEN_FLEMING), 0.05, 0.8);
        // look 2 of 5, O'Brien–Fleming at α = 0.05 one-sided: the nominal level of the second boundary
        Decision d = rule.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(400, 10, 10.5, 5)), List.of(), 400, 100), false, 2);
        TestResult superiority = d.tests().get(0);
        double[] c = GroupSequential.boundaries(5, 0.05, Design.Spending.OBRIEN_FLEMING);
        assertThat(superiority.level()).isEqualTo(GroupSequential.nominalLevels(c)[1]);
        assertThat(superiority.levelText()).isEqualTo("α spent to look 2 of 5");
        // z = 0.5/(5·√(2/400)) = 1.41 is below the look's boundary c₂ ≈ 3.2: keep running
        assertThat(d.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThat(d.reasons()).last().asString().startsWith("look 2 of 5 not concluded; ");

        // past the planned sample at an early look: still the boundary of the look, no days left
        Decision past = rule.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(2000, 10, 10.1, 5)), List.of(), 2000, 100), false, 2);
        assertThat(past.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThat(past.daysLeft()).isZero();
        assertThat(past.reasons()).last().asString().startsWith("look 2 of 5 not concluded; the planned sample of ")
                .endsWith(" per variant is reached");

        // at the last look the rule concludes either way
        Decision last = rule.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(400, 10, 10.5, 5)), List.of(), 400, 100), false, 5);
        assertThat(last.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThatThrownBy(() -> rule.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(400, 10, 10.5, 5)), List.of(), 400, 100), false, 6))
                .hasMessage("variant 'B': look 6 is outside the planned looks 1 to 5");
    }

    @Test
    void degenerateRowsGiveANoteNotACrash() {
        // zero variance in both arms: welch_t has no interval
        Decision flat = FIXED.decide(List.of(REVENUE), 1,
                evidence(Map.of("revenue", welch(100, 10, 10, 0)), List.of(), 100, 10), true, 1);
        assertThat(flat.recommendation()).isEqualTo(Recommendation.NO_SHIP);
        assertThat(flat.reasons().get(0)).isEqualTo("revenue: not tested (Every unit of each variant has the same value"
                + " (zero variance in both), so there is no standard error, interval or p-value.)");
        assertThat(flat.tests().get(0).note()).startsWith("Every unit");
        assertThat(flat.tests().get(0).significant()).isFalse();
        assertThat(flat.plannedUnits()).isNull();

        // one unit in the treatment arm: too few units; a relative margin on a zero control mean: no relative interval
        Comparison tooFew = level -> WELCH.compare(moments(50, 10, 5), Moments.of(12), level);
        Comparison zeroBaseline = welch(100, 0, 0.1, 1);
        Decision d = FIXED.decide(List.of(REVENUE, RoleMetric.guardrail("errors", "errors", false, Margin.parse("+1%"))), 1,
                new VariantEvidence("B", Map.of("revenue", tooFew, "errors", zeroBaseline), List.of(), 50, 1, 0), false, 1);
        assertThat(d.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThat(d.reasons().get(0)).startsWith("revenue: not tested (");
        assertThat(d.reasons().get(1)).startsWith("errors: not tested (").contains("control mean is 0");
        assertThat(d.reasons()).last().isEqualTo("no sample size can be planned from the data so far (1 units in the smaller arm)");
        assertThat(d.plannedUnits()).isNull();
    }

    @Test
    void badInputIsNamed() {
        VariantEvidence e = fixture(List.of());
        assertThatThrownBy(() -> FIXED.decide(List.of(latency("+4")), 1, e, true, 1))
                .hasMessageStartingWith("variant 'B': the decision rule needs at least one success metric");
        assertThatThrownBy(() -> FIXED.decide(List.of(REVENUE, RoleMetric.success("orders", "orders", true)), 1, e, true, 1))
                .hasMessage("variant 'B' has no comparison for metric 'orders'");
        assertThatThrownBy(() -> FIXED.decide(List.of(REVENUE, REVENUE), 1, e, true, 1))
                .hasMessage("variant 'B': metric 'revenue' is listed twice");
        assertThatThrownBy(() -> FIXED.decide(List.of(REVENUE), 0, e, true, 1))
                .hasMessage("variant 'B': the number of treatment arms must be at least 1, got 0");
        assertThatThrownBy(() -> RoleMetric.guardrail("latency", "latency", false, Margin.parse("-10%")))
                .hasMessageContaining("the margin -10% must point in the harmful direction (a rise, e.g. \"+10%\")");
        assertThatThrownBy(() -> new DecisionRule(Design.FIXED, 0, 0.8)).hasMessage("the mde must be a positive relative effect, got 0.0");
        assertThatThrownBy(() -> new DecisionRule(Design.FIXED, 0.05, 1)).hasMessage("the power must be in (0, 1), got 1.0");
    }

    @Test
    void recommendationsHaveIdsAndHeadlines() {
        assertThat(Recommendation.ROLL_BACK.id()).isEqualTo("roll_back");
        assertThat(Recommendation.KEEP_RUNNING.id()).isEqualTo("keep_running");
        assertThat(Recommendation.SHIP.headline()).isEqualTo("Ship it");
        assertThat(Recommendation.NO_SHIP.headline()).isEqualTo("Don't ship");
        assertThat(Recommendation.UNHEALTHY.headline()).isEqualTo("Fix the data first");
        assertThat(ConfidenceLevel.oneSided(0.025)).isEqualTo(ConfidenceLevel.DEFAULT);
    }
}
