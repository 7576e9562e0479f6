package io.splitscope.stats.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.Moments;
import io.splitscope.stats.methods.WelchT;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the decision rule on data with known truth ({@code spec/decisions.md},
 * "Checks"): per-unit normal data summed into {@link Moments} and compared by the real
 * {@code welch_t}. Simulated experiment i draws from its own {@code SplittableRandom}, seeded by a
 * SplitMix64 hash of (seed, i), so the outcome is the same on every run and for any number of threads.
 *
 * <p>The metrics: a success metric "revenue" (mean 10, sd 5, higher is better) and a guardrail
 * "latency" (mean 100, sd 10, lower is better, margin +1 %); mde 5 %, power 0.8. Monte-Carlo
 * error: a rate is allowed 3 binomial standard deviations beyond its bound,
 * {@code bound ± 3·√(bound (1 − bound)/n)} for n simulated variants or experiments.
 */
class DecisionRuleSimulationTest {

    private static final double ALPHA = DecisionRule.ALPHA;
    private static final double POWER = 0.8;
    private static final double MDE = 0.05;

    private static final RoleMetric REVENUE = RoleMetric.success("revenue", "revenue", true);
    private static final RoleMetric LATENCY = RoleMetric.guardrail("latency", "latency", false, Margin.parse("+1%"));
    private static final List<RoleMetric> METRICS = List.of(REVENUE, LATENCY);
    private static final WelchT WELCH = new WelchT();

    /** One arm's per-unit data summed: revenue ~ N(10·(1 + lift), 5²), latency ~ N(100·(1 + harm), 10²). */
    private record Arm(Moments revenue, Moments latency) {

        static Arm draw(SplittableRandom random, int n, double lift, double harm) {
            return new Arm(normal(random, n, 10 * (1 + lift), 5), normal(random, n, 100 * (1 + harm), 10));
        }

        Arm plus(Arm more) {
            return new Arm(add(revenue, more.revenue), add(latency, more.latency));
        }

        private static Moments add(Moments a, Moments b) {
            return new Moments(a.n() + b.n(), a.sum() + b.sum(), a.sumSquares() + b.sumSquares());
        }
    }

    /**
     * Experiment i's generator: seeds {@code seed + i·γ} directly would give the same stream shifted
     * by i draws (γ is SplittableRandom's own increment), so the seed is hashed (SplitMix64's finalizer).
     */
    private static SplittableRandom random(long seed, int i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static Moments normal(SplittableRandom random, int n, double mean, double sd) {
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double x = mean + sd * random.nextGaussian();
            sum += x;
            sumSquares += x * x;
        }
        return new Moments(n, sum, sumSquares);
    }

    private static VariantEvidence evidence(String variant, Arm control, Arm treatment) {
        Map<String, Comparison> metrics = Map.of(
                "revenue", level -> WELCH.compare(control.revenue(), treatment.revenue(), level),
                "latency", level -> WELCH.compare(control.latency(), treatment.latency(), level));
        return new VariantEvidence(variant, metrics, List.of(), control.revenue().n(), treatment.revenue().n(), 0);
    }

    private static double upper(double bound, int n) {
        return bound + 3 * Math.sqrt(bound * (1 - bound) / n);
    }

    private static double lower(double bound, int n) {
        return bound - 3 * Math.sqrt(bound * (1 - bound) / n);
    }

    /** The decisions of each simulated experiment's A treatment arms, at the end of a fixed design. */
    private static List<List<Recommendation>> fixed(int sims, long seed, int arms, int n, double lift, double harm) {
        DecisionRule rule = new DecisionRule(Design.FIXED, MDE, POWER);
        return IntStream.range(0, sims).parallel().mapToObj(i -> {
            SplittableRandom random = random(seed, i);
            Arm control = Arm.draw(random, n, 0, 0);
            List<Recommendation> decisions = new ArrayList<>();
            for (int a = 0; a < arms; a++) {
                Arm treatment = Arm.draw(random, n, lift, harm);
                decisions.add(rule.decide(METRICS, arms, evidence("T" + a, control, treatment), true, 1).recommendation());
            }
            return decisions;
        }).toList();
    }

    private static double variantRate(List<List<Recommendation>> decisions, Recommendation r) {
        long count = decisions.stream().flatMap(List::stream).filter(r::equals).count();
        return (double) count / decisions.stream().mapToInt(List::size).sum();
    }

    private static double experimentRate(List<List<Recommendation>> decisions, Recommendation r) {
        return (double) decisions.stream().filter(d -> d.contains(r)).count() / decisions.size();
    }

    @Test
    void onAaDataTheRuleShipsAtMostAtAlphaOverAAndRollsBackAtMostAtAlpha() {
        int sims = 1000;
        int arms = 2;
        List<List<Recommendation>> decisions = fixed(sims, 11, arms, 500, 0, 0);
        // per variant: ship ≤ α/A = 0.025 + 3·√(0.025·0.975/2000) = 0.0355
        assertThat(variantRate(decisions, Recommendation.SHIP)).isLessThanOrEqualTo(upper(ALPHA / arms, sims * arms));
        // per experiment (any arm): roll back ≤ α = 0.05 + 3·√(0.05·0.95/1000) = 0.0707
        double rollBack = experimentRate(decisions, Recommendation.ROLL_BACK);
        assertThat(rollBack).isLessThanOrEqualTo(upper(ALPHA, sims));
        // and the deterioration tests are live: 4 tests at α/4 each, about 1 − (1 − 0.0125)⁴ = 4.9 % in all
        // (the two arms share the control, so a little less); far above 0
        assertThat(rollBack).isGreaterThan(0.02);
    }

    @Test
    void withASuccessEffectAtTheMdeAndThePlannedSampleItShipsAtLeastAtThePower() {
        // the plan, from a pilot of 1,000 units a variant with the same truth: about
        // 2·(sd/δ)²·(z(0.95) + z(0.9))² = 2·100·(1.645 + 1.2816)² = 1713 units a variant for each test
        SplittableRandom pilot = new SplittableRandom(5);
        Arm control = Arm.draw(pilot, 1000, 0, 0);
        Arm treatment = Arm.draw(pilot, 1000, MDE, 0);
        Decision plan = new DecisionRule(Design.FIXED, MDE, POWER).decide(METRICS, 1, evidence("T", control, treatment), false, 1);
        assertThat(plan.recommendation()).isEqualTo(Recommendation.KEEP_RUNNING);
        long planned = plan.plannedUnits();
        assertThat(planned).isBetween(1550L, 1900L);

        int sims = 800;
        List<List<Recommendation>> decisions = fixed(sims, 23, 1, (int) planned, MDE, 0);
        // ship ≥ power − 3·√(0.8·0.2/800) = 0.758 (each test has power 0.9, so about 0.81 is expected)
        assertThat(variantRate(decisions, Recommendation.SHIP)).isGreaterThanOrEqualTo(lower(POWER, sims));
    }

    @Test
    void withAGuardrailHarmBeyondItsMarginItRollsBack() {
        // latency +2 % (margin +1 %) at 1,700 units a variant: se of the difference 10·√(2/1700) = 0.343,
        // z = 2/0.343 = 5.8 against z(1 − α/2) = 1.96 for the deterioration test: expected rate
        // Φ(5.8 − 1.96) > 0.9999; required ≥ 0.99
        List<List<Recommendation>> decisions = fixed(200, 37, 1, 1700, MDE, 0.02);
        assertThat(variantRate(decisions, Recommendation.ROLL_BACK)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void aGroupSequentialDesignWithDailyLooksKeepsTheFalseShipRate() {
        // 5 daily looks of 100 new units an arm, A = 2, O'Brien–Fleming spending; A/A data; a variant's
        // decision is the first that is not keep_running (the last look always concludes)
        int sims = 400;
        int arms = 2;
        int looks = 5;
        DecisionRule rule = new DecisionRule(Design.groupSequential(looks, Design.Spending.OBRIEN_FLEMING), MDE, POWER);
        List<List<Recommendation>> decisions = IntStream.range(0, sims).parallel().mapToObj(i -> {
            SplittableRandom random = random(101, i);
            Arm control = Arm.draw(random, 100, 0, 0);
            Arm[] treatments = new Arm[arms];
            for (int a = 0; a < arms; a++) {
                treatments[a] = Arm.draw(random, 100, 0, 0);
            }
            Map<Integer, Recommendation> decided = new HashMap<>();
            for (int look = 1; look <= looks && decided.size() < arms; look++) {
                if (look > 1) {
                    control = control.plus(Arm.draw(random, 100, 0, 0));
                    for (int a = 0; a < arms; a++) {
                        treatments[a] = treatments[a].plus(Arm.draw(random, 100, 0, 0));
                    }
                }
                for (int a = 0; a < arms; a++) {
                    if (!decided.containsKey(a)) {
                        Recommendation r = rule.decide(METRICS, arms, evidence("T" + a, control, treatments[a]), false, look)
                                .recommendation();
                        if (r != Recommendation.KEEP_RUNNING) {
                            decided.put(a, r);
                        }
                    }
                }
            }
            assertThat(decided).hasSize(arms);
            return List.copyOf(decided.values());
        }).toList();
        // per variant: ship ≤ α/A = 0.025 + 3·√(0.025·0.975/800) = 0.0416
        assertThat(variantRate(decisions, Recommendation.SHIP)).isLessThanOrEqualTo(upper(ALPHA / arms, sims * arms));
        // per experiment: roll back ≤ α + 3·√(0.05·0.95/400) = 0.0827
        assertThat(experimentRate(decisions, Recommendation.ROLL_BACK)).isLessThanOrEqualTo(upper(ALPHA, sims));
    }
}
