package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.ResultStatus;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bootstrap_quantile}: exact percentiles against the golden scorecards, intervals and
 * p-values of the same size as the golden ones (another random stream cannot give the same
 * digits), reproducibility whatever the number of threads, and the band shortcut against the
 * plain computation.
 */
class BootstrapQuantileTest {

    private final BootstrapQuantile bootstrap = new BootstrapQuantile();

    /**
     * Golden rows (shared/golden/streaming-small/expected/exp_*.json, method bootstrap_quantile):
     * experiment, treatment, level, then control_value, treatment_value, absolute_effect,
     * relative_effect (exact, R's quantile type 7 — golden-inputs.R prints the same), and
     * absolute_ci_low, absolute_ci_high, p_value of the golden bootstrap.
     */
    static Stream<Arguments> goldenRows() {
        return Stream.of(
                Arguments.of("exp_autoplay", "previews", 0.5, 907.5, 867.29999999999995, -40.200000000000045,
                        -0.044297520661157073, -70.0025, -9.4049999999999, 0.03),
                Arguments.of("exp_autoplay", "previews", 0.9, 1773.2900000000002, 1646.46, -126.83000000000015,
                        -0.071522424420145683, -225.12874999999994, -38.3, 0.0),
                Arguments.of("exp_price", "price_up_1", 0.5, 888.10000000000002, 887.39999999999998,
                        -0.70000000000004547, -0.00078819952708033495, -44.205000000000041, 39.306249999999949, 0.842),
                Arguments.of("exp_price", "price_up_2", 0.5, 888.10000000000002, 898.70000000000005,
                        10.600000000000023, 0.011935592838644322, -35.758749999999999, 56.002499999999998, 0.686),
                Arguments.of("exp_price", "price_up_1", 0.9, 1686.9600000000003, 1617.0799999999999,
                        -69.880000000000337, -0.041423625930668374, -167.00624999999999, 9.5482499999999586, 0.088),
                Arguments.of("exp_price", "price_up_2", 0.9, 1686.9600000000003, 1782.3799999999999,
                        95.419999999999618, 0.056563285436524641, -39.557499999999813, 183.05099999999993, 0.2));
    }

    @ParameterizedTest(name = "{0} {1} p{2}")
    @MethodSource("goldenRows")
    void goldenRows(String experiment, String variant, double level, double controlValue, double treatmentValue,
            double effect, double relative, double ciLow, double ciHigh, double p) {
        ComparisonResult r = bootstrap.compare(GoldenEvents.sample(experiment, "control", level),
                GoldenEvents.sample(experiment, variant, level));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        // the point values are exact: the same doubles as R's quantile(type = 7)
        assertThat(r.controlValue()).isEqualTo(controlValue);
        assertThat(r.treatmentValue()).isEqualTo(treatmentValue);
        assertThat(r.absoluteEffect()).isEqualTo(effect);
        assertThat(r.relativeEffect()).isEqualTo(relative);
        // intervals: each bound within a third of the golden interval's width of the golden bound
        double width = ciHigh - ciLow;
        assertThat(r.absoluteCi().low()).isBetween(ciLow - width / 3, ciLow + width / 3);
        assertThat(r.absoluteCi().high()).isBetween(ciHigh - width / 3, ciHigh + width / 3);
        assertThat(r.absoluteCi().contains(effect)).isTrue();
        // p-values: the same order of magnitude
        if (p < 0.01) {
            assertThat(r.pValue()).isLessThan(0.01);
        } else {
            assertThat(r.pValue()).isBetween(p / 3, Math.min(1, p * 3));
        }
        // the relative interval is the bootstrap's too, around the relative effect
        assertThat(r.relativeCi().contains(relative)).isTrue();
    }

    @Test
    void reproducibleAndIndependentOfTheNumberOfThreads() throws Exception {
        QuantileSample c = GoldenEvents.sample("exp_price", "control", 0.9);
        QuantileSample t = GoldenEvents.sample("exp_price", "price_up_2", 0.9);
        ComparisonResult first = bootstrap.compare(c, t);
        assertThat(bootstrap.compare(c, t)).isEqualTo(first);
        ForkJoinPool single = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            assertThat(single.submit(() -> bootstrap.compare(c, t)).get()).isEqualTo(first);
            assertThat(three.submit(() -> bootstrap.compare(c, t)).get()).isEqualTo(first);
        } finally {
            single.shutdown();
            three.shutdown();
        }
        assertThat(new BootstrapQuantile(1000, 42).compare(c, t)).isNotEqualTo(first);
    }

    @Test
    void bandShortcutEqualsThePlainWeightedPercentile() {
        // 60,000 units with 0–9 events each (≈ 270,000 events: above the full-band limit), clustered values
        SplittableRandom random = new SplittableRandom(11);
        int units = 60_000;
        double[][] perUnit = new double[units][];
        for (int u = 0; u < units; u++) {
            double level = 500 + 200 * random.nextGaussian();
            perUnit[u] = new double[random.nextInt(10)];
            for (int i = 0; i < perUnit[u].length; i++) {
                perUnit[u][i] = Math.rint(level + 300 * random.nextGaussian());
            }
        }
        for (double level : new double[] {0.5, 0.9, 0.99}) {
            QuantileSample sample = QuantileSample.ofUnits(level, perUnit);
            assertThat(sample.events()).isGreaterThan(BootstrapQuantile.FULL_BAND_EVENTS);
            QuantileVariant v = QuantileVariant.of(sample);
            BootstrapQuantile.Resampler resampler = new BootstrapQuantile.Resampler(v);
            assertThat(resampler.bandSize()).isLessThan(sample.events() / 2);
            BootstrapQuantile.Band full = BootstrapQuantile.Band.full(v);
            int[] w = new int[units];
            java.util.Arrays.fill(w, 1);
            // all weights 1: the exact percentile of the sample
            assertThat(resampler.percentile(w)).isEqualTo(v.quantile);
            for (int b = 0; b < 20; b++) {
                double q = resampler.replicate(new SplittableRandom(b), w);
                assertThat(q).isEqualTo(full.percentile(w, sample.unitOffsets(), level));
            }
            assertThat(resampler.fallbacks()).isZero();
        }
    }

    @Test
    void registeredAndConfigured() {
        assertThat(ComparisonMethods.byId("bootstrap_quantile", QuantileSample.class))
                .isInstanceOf(BootstrapQuantile.class);
        assertThatThrownBy(() -> new BootstrapQuantile(999, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1000");
        assertThatThrownBy(() -> bootstrap.compare(QuantileSample.ofUnits(0.5, new double[] {1}),
                QuantileSample.ofUnits(0.9, new double[] {1}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level");
    }

    @Test
    void degenerateDataGivesAStatus() {
        QuantileSample ok = QuantileSample.ofUnits(0.5, new double[] {1, 2}, new double[] {3}, new double[] {4, 5, 6});
        assertThat(bootstrap.compare(ok, new QuantileSample(0.5, new double[0], new int[] {0})).status())
                .isEqualTo(ResultStatus.EMPTY_ARM);
        ComparisonResult r = bootstrap.compare(ok, QuantileSample.ofUnits(0.5, new double[0], new double[0]));
        assertThat(r.status()).isEqualTo(ResultStatus.EMPTY_ARM);
        assertThat(r.reason()).contains("not a single value");
        assertThat(bootstrap.compare(ok, QuantileSample.ofUnits(0.5, new double[] {1, Double.NaN})).status())
                .isEqualTo(ResultStatus.NON_FINITE);
        r = bootstrap.compare(ok, QuantileSample.ofUnits(0.5, new double[] {7, 8}));
        assertThat(r.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(r.absoluteEffect()).isEqualTo(7.5 - 3.5);
        r = bootstrap.compare(QuantileSample.ofUnits(0.5, new double[] {2, 2}, new double[] {2}),
                QuantileSample.ofUnits(0.5, new double[] {2}, new double[] {2, 2, 2}));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        r = bootstrap.compare(QuantileSample.ofUnits(0.5, new double[] {-1, 0}, new double[] {0, 1}),
                QuantileSample.ofUnits(0.5, new double[] {2, 3}, new double[] {1}));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.absoluteCi()).isNotNull();
        assertThat(r.pValue()).isNotNull();
    }

    @Test
    void uniformIndexIsUniform() {
        // 7 buckets, 70,000 draws: every count within 5 SDs of 10,000; and an n near 2³¹ stays in range
        SplittableRandom random = new SplittableRandom(1);
        int n = 7;
        long threshold = ((1L << 32) - n) % n;
        int[] counts = new int[n];
        for (int i = 0; i < 70_000; i++) {
            counts[BootstrapQuantile.uniformIndex(random, n, threshold)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(10_000 - 5 * 93, 10_000 + 5 * 93);
        }
        int big = Integer.MAX_VALUE - 1;
        long bigThreshold = ((1L << 32) - big) % big;
        for (int i = 0; i < 1000; i++) {
            assertThat(BootstrapQuantile.uniformIndex(random, big, bigThreshold)).isBetween(0, big - 1);
        }
    }
}
