package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations: on A/A data every frequentist method rejects at α = 0.05 in 5 % of the
 * experiments, within Monte-Carlo error; its 95 % interval covers a planted effect in 95 % of them;
 * under daily peeking the sequential test stays at or below α while repeated {@code welch_t} does
 * not. Simulated experiment i draws from {@code SplittableRandom(mix(seed, i))}, so the outcome is
 * the same on every run and for any number of threads.
 *
 * <p>Tolerance: {@value #SIGMAS} binomial standard deviations of the simulated rate (so a correct
 * method fails about once in 2,000 seeds; these seeds are fixed).
 */
class SimulationTest {

    static final double ALPHA = 0.05;
    static final double SIGMAS = 3.5;

    /** One simulated experiment: the inputs of control and treatment and the true effect. */
    record Experiment<I extends VariantData>(I control, I treatment, double trueEffect) {
    }

    private static <I extends VariantData> double rejectionRate(ComparisonMethod<I> method, int sims, long seed,
            Function<SplittableRandom, Experiment<I>> draw) {
        long rejected = IntStream.range(0, sims).parallel().filter(i -> {
            Experiment<I> e = draw.apply(new SplittableRandom(BootstrapQuantile.mix(seed, i)));
            ComparisonResult r = method.compare(e.control(), e.treatment());
            assertThat(r.status()).isIn(ResultStatus.OK, ResultStatus.ZERO_BASELINE);
            return r.pValue() < ALPHA;
        }).count();
        return (double) rejected / sims;
    }

    private static <I extends VariantData> double coverage(ComparisonMethod<I> method, int sims, long seed,
            Function<SplittableRandom, Experiment<I>> draw) {
        long covered = IntStream.range(0, sims).parallel().filter(i -> {
            Experiment<I> e = draw.apply(new SplittableRandom(BootstrapQuantile.mix(seed, i)));
            Interval ci = method.compare(e.control(), e.treatment()).absoluteCi();
            return ci.contains(e.trueEffect());
        }).count();
        return (double) covered / sims;
    }

    private static void assertRate(String what, double observed, double expected, int sims) {
        double tolerance = SIGMAS * Math.sqrt(expected * (1 - expected) / sims);
        assertThat(observed).as(what + " (expected %.3f ± %.3f over %d simulations)", expected, tolerance, sims)
                .isBetween(expected - tolerance, expected + tolerance);
    }

    private static <I extends VariantData> void checkFalsePositivesAndCoverage(String name, ComparisonMethod<I> method,
            int sims, Function<SplittableRandom, Experiment<I>> aa, Function<SplittableRandom, Experiment<I>> ab) {
        assertRate(name + ": A/A false-positive rate", rejectionRate(method, sims, 1, aa), ALPHA, sims);
        assertRate(name + ": 95 % interval coverage of the planted effect", coverage(method, sims, 2, ab), 0.95, sims);
    }

    // ---- data ---------------------------------------------------------------------------------------

    /** Skewed per-unit values: log-normal with median {@code scale}. */
    private static double[] logNormal(SplittableRandom r, int n, double mu, double sigma) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.exp(mu + sigma * r.nextGaussian());
        }
        return y;
    }

    private static double logNormalMean(double mu, double sigma) {
        return Math.exp(mu + sigma * sigma / 2);
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > limit) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    private static Experiment<Moments> means(SplittableRandom r, double shift) {
        double[] c = logNormal(r, 300, 0, 0.8);
        double[] t = logNormal(r, 250, 0, 0.8);
        for (int i = 0; i < t.length; i++) {
            t[i] += shift;
        }
        return new Experiment<>(Moments.of(c), Moments.of(t), shift);
    }

    private static CovariateMoments cupedArm(SplittableRandom r, int n, double shift) {
        double[] x = logNormal(r, n, 0.5, 0.6);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1 + 0.9 * x[i] + 0.7 * r.nextGaussian() + shift;
        }
        return CovariateMoments.of(y, x);
    }

    private static Experiment<CovariateMoments> cupedData(SplittableRandom r, double shift) {
        return new Experiment<>(cupedArm(r, 250, 0), cupedArm(r, 300, shift), shift);
    }

    /** Sessions D ~ 1 + Poisson(4) per unit, events N ~ Binomial(D·3, rate) per unit. */
    private static RatioMoments ratioArm(SplittableRandom r, int n, double rate) {
        double[] num = new double[n];
        double[] den = new double[n];
        for (int i = 0; i < n; i++) {
            int sessions = 1 + poisson(r, 4);
            int events = 0;
            for (int k = 0; k < 3 * sessions; k++) {
                if (r.nextDouble() < rate) {
                    events++;
                }
            }
            den[i] = sessions;
            num[i] = events;
        }
        return RatioMoments.of(num, den);
    }

    private static Experiment<RatioMoments> ratioData(SplittableRandom r, double rateT) {
        // true ratio = E[N]/E[D] = 3·rate
        return new Experiment<>(ratioArm(r, 300, 0.1), ratioArm(r, 260, rateT), 3 * (rateT - 0.1));
    }

    /**
     * Clustered events: unit level U ~ N(μ, 0.6²), 1 + Poisson(2) events U + N(0, 0.8²); the
     * events' marginal is N(μ, 1), so the true p-quantile is μ + z_p.
     */
    private static QuantileSample quantileArm(SplittableRandom r, int units, double mu, double level) {
        double[][] perUnit = new double[units][];
        for (int u = 0; u < units; u++) {
            double unit = mu + 0.6 * r.nextGaussian();
            perUnit[u] = new double[1 + poisson(r, 2)];
            for (int i = 0; i < perUnit[u].length; i++) {
                perUnit[u][i] = unit + 0.8 * r.nextGaussian();
            }
        }
        return QuantileSample.ofUnits(level, perUnit);
    }

    private static Experiment<QuantileSample> quantileData(SplittableRandom r, int units, double shift, double level) {
        return new Experiment<>(quantileArm(r, units, 10, level), quantileArm(r, units, 10 + shift, level), shift);
    }

    private static Experiment<UnitValues> rankData(SplittableRandom r, double shift) {
        double[] c = logNormal(r, 120, 0, 1);
        double[] t = logNormal(r, 140, 0, 1);
        for (int i = 0; i < t.length; i++) {
            t[i] += shift;
        }
        return new Experiment<>(new UnitValues(c), new UnitValues(t), shift);
    }

    // ---- the methods ------------------------------------------------------------------------------

    @Test
    void welchT() {
        checkFalsePositivesAndCoverage("welch_t", new WelchT(), 2000, r -> means(r, 0), r -> means(r, 0.3));
    }

    @Test
    void cuped() {
        checkFalsePositivesAndCoverage("cuped", new Cuped(), 2000, r -> cupedData(r, 0), r -> cupedData(r, 0.2));
    }

    @Test
    void cupedIsMoreSensitiveThanWelchOnTheSameData() {
        // same planted effect, same units: CUPED's interval is narrower (the covariate explains variance)
        Experiment<CovariateMoments> e = cupedData(new SplittableRandom(5), 0.2);
        ComparisonResult cuped = new Cuped().compare(e.control(), e.treatment());
        ComparisonResult welch = new WelchT().compare(e.control().y(), e.treatment().y());
        assertThat(cuped.absoluteCi().high() - cuped.absoluteCi().low())
                .isLessThan(0.7 * (welch.absoluteCi().high() - welch.absoluteCi().low()));
    }

    @Test
    void deltaRatio() {
        checkFalsePositivesAndCoverage("delta_ratio", new DeltaRatio(), 2000, r -> ratioData(r, 0.1),
                r -> ratioData(r, 0.115));
    }

    @Test
    void quantileAsymptotic() {
        double z90 = 1.2815515655446004;
        checkFalsePositivesAndCoverage("quantile_asymptotic p90", new QuantileAsymptotic(), 1500,
                r -> quantileData(r, 300, 0, 0.9), r -> quantileData(r, 300, 0.25, 0.9));
        assertThat(z90).isPositive(); // the true p90 difference is the shift: μ + z₀.₉ cancels
    }

    @Test
    void bootstrapQuantile() {
        checkFalsePositivesAndCoverage("bootstrap_quantile p50", new BootstrapQuantile(), 400,
                r -> quantileData(r, 100, 0, 0.5), r -> quantileData(r, 100, 0.3, 0.5));
    }

    @Test
    void mannWhitney() {
        checkFalsePositivesAndCoverage("mann_whitney", new MannWhitney(), 2000, r -> rankData(r, 0),
                r -> rankData(r, 0.4));
    }

    @Test
    void sequentialAtOneLook() {
        Sequential sequential = new Sequential(1000);
        int sims = 2000;
        double fpr = rejectionRate(sequential, sims, 1, r -> means(r, 0));
        // always valid, so conservative at a single look: at most α (within Monte-Carlo error)
        assertThat(fpr).isLessThanOrEqualTo(ALPHA + SIGMAS * Math.sqrt(ALPHA * (1 - ALPHA) / sims));
        assertThat(coverage(sequential, sims, 2, r -> means(r, 0.3))).isGreaterThanOrEqualTo(0.95 - SIGMAS
                * Math.sqrt(0.95 * 0.05 / sims));
    }

    @Test
    void bayesianCredibleIntervalsAreCalibratedUnderFlatPriors() {
        int sims = 2000;
        assertRate("bayesian (normal) credible interval coverage", coverage(new Bayesian(), sims, 3,
                r -> means(r, 0.3)), 0.95, sims);
        assertRate("bayesian (beta-binomial) credible interval coverage", coverage(new Bayesian(), 400, 4, r -> {
            int c = 0;
            int t = 0;
            for (int i = 0; i < 400; i++) {
                c += r.nextDouble() < 0.2 ? 1 : 0;
                t += r.nextDouble() < 0.25 ? 1 : 0;
            }
            return new Experiment<>(new Moments(400, c, c), new Moments(400, t, t), 0.05);
        }), 0.95, 400);
    }

    // ---- peeking ----------------------------------------------------------------------------------

    /**
     * 20 daily looks at an A/A test gaining 150 units per variant a day: the share of experiments
     * in which some look rejects. welch_t at every look: far above α; sequential: at most α.
     */
    @Test
    void dailyPeekingInflatesWelchButNotSequential() {
        int sims = 500;
        int days = 20;
        int perDay = 150;
        Sequential sequential = new Sequential(days * perDay * 2);
        WelchT welch = new WelchT();
        long[] counts = IntStream.range(0, sims).parallel().mapToObj(i -> {
            SplittableRandom r = new SplittableRandom(BootstrapQuantile.mix(7, i));
            double cs = 0, css = 0, ts = 0, tss = 0;
            boolean welchRejected = false;
            boolean sequentialRejected = false;
            for (int day = 1; day <= days; day++) {
                for (int k = 0; k < perDay; k++) {
                    double c = Math.exp(0.8 * r.nextGaussian());
                    double t = Math.exp(0.8 * r.nextGaussian());
                    cs += c;
                    css += c * c;
                    ts += t;
                    tss += t * t;
                }
                long n = (long) day * perDay;
                Moments control = new Moments(n, cs, css);
                Moments treatment = new Moments(n, ts, tss);
                welchRejected |= welch.compare(control, treatment).pValue() < ALPHA;
                sequentialRejected |= sequential.compare(control, treatment).pValue() < ALPHA;
            }
            return new long[] {welchRejected ? 1 : 0, sequentialRejected ? 1 : 0};
        }).reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        double welchRate = (double) counts[0] / sims;
        double sequentialRate = (double) counts[1] / sims;
        double slack = SIGMAS * Math.sqrt(ALPHA * (1 - ALPHA) / sims);
        assertThat(welchRate).as("welch_t peeking daily for %d days", days).isGreaterThan(2 * ALPHA);
        assertThat(sequentialRate).as("sequential peeking daily for %d days", days).isLessThanOrEqualTo(ALPHA + slack);
    }

    /** The asymptotic A/A rate also holds for a 3-variant CUPED (θ pooled over all three). */
    @Test
    void cupedPooledOverThreeVariants() {
        Cuped cuped = new Cuped();
        int sims = 1500;
        long rejected = IntStream.range(0, sims).parallel().filter(i -> {
            SplittableRandom r = new SplittableRandom(BootstrapQuantile.mix(11, i));
            CovariateMoments a = cupedArm(r, 200, 0);
            CovariateMoments b = cupedArm(r, 150, 0);
            CovariateMoments c = cupedArm(r, 180, 0);
            return cuped.compare(a, b, List.of(a, b, c), ConfidenceLevel.DEFAULT).pValue() < ALPHA;
        }).count();
        assertRate("cuped (3 variants) A/A false-positive rate", (double) rejected / sims, ALPHA, sims);
    }

    @Test
    void theMeansDataAreSkewed() {
        // the simulated per-unit values are log-normal (skewness ≈ 3.7), not a friendly normal
        assertThat(logNormalMean(0, 0.8)).isGreaterThan(1.3);
    }
}
