package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.ResultStatus;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quantile_asymptotic} against an independent transcription of Deng, Knoblich &amp; Lu
 * (2018) in R 4.2.2 (stats/src/test/r/quantile-asymptotic.R) on the golden startup_ms events and a
 * small clustered example; with one event per unit it is the classical order-statistic interval.
 */
class QuantileAsymptoticTest {

    /** R 4.2.2: {@code qnorm(0.975)}. */
    private static final double Z_975 = 1.9599639845400536;

    private final QuantileAsymptotic asymptotic = new QuantileAsymptotic();

    /** quantile-asymptotic.R output: name, level, values, ranks of both, d, ci, r, rci, p. */
    static Stream<Arguments> rReference() {
        return Stream.of(
                Arguments.of("exp_autoplay", "previews", 0.5, 907.5, 867.29999999999995, 1331, 1427, 1527, 1638,
                        -40.200000000000045, -71.634256790959796, -8.7657432090402985, -0.044297520661157073,
                        -0.078072150937899237, -0.01052289038441491, 0.012192661122776246),
                Arguments.of("exp_autoplay", "previews", 0.9, 1773.2900000000002, 1646.46, 2452, 2512, 2816, 2881,
                        -126.83000000000015, -210.57679098329697, -43.083209016703321, -0.071522424420145683,
                        -0.11603458625163326, -0.027010262588658095, 0.0029949108690550522),
                Arguments.of("exp_price", "price_up_1", 0.5, 888.10000000000002, 887.39999999999998, 1174, 1273, 510,
                        577, -0.70000000000004547, -43.370423011730303, 41.970423011730212,
                        -0.00078819952708033495, -0.048823338133969052, 0.047246939079808384, 0.97435017418720626),
                Arguments.of("exp_price", "price_up_2", 0.5, 888.10000000000002, 898.70000000000005, 1174, 1273, 544,
                        610, 10.600000000000023, -36.479560320801596, 57.679560320801642, 0.011935592838644322,
                        -0.04123769342457434, 0.065108879101862985, 0.65900492413594747),
                Arguments.of("exp_price", "price_up_1", 0.9, 1686.9600000000003, 1617.0799999999999, 2172, 2232, 960,
                        997, -69.880000000000337, -159.34597118457978, 19.585971184579108, -0.041423625930668374,
                        -0.093273448492242422, 0.010426196630905681, 0.12579734751766225),
                Arguments.of("exp_price", "price_up_2", 0.9, 1686.9600000000003, 1782.3799999999999, 2172, 2232, 1018,
                        1060, 95.419999999999618, -32.518110037627579, 223.35811003762683, 0.056563285436524641,
                        -0.020441108921338089, 0.13356767979438738, 0.14379637945829452));
    }

    @ParameterizedTest(name = "{0} {1} p{2}")
    @MethodSource("rReference")
    void goldenEventsAgainstR(String experiment, String variant, double level, double qc, double qt, int cr1, int cr2,
            int tr1, int tr2, double d, double ciLow, double ciHigh, double r, double rLow, double rHigh, double p) {
        QuantileSample c = GoldenEvents.sample(experiment, "control", level);
        QuantileSample t = GoldenEvents.sample(experiment, variant, level);
        QuantileAsymptotic.Estimate ec = QuantileAsymptotic.estimate(QuantileVariant.of(c), Z_975);
        QuantileAsymptotic.Estimate et = QuantileAsymptotic.estimate(QuantileVariant.of(t), Z_975);
        assertThat(new int[] {ec.lowRank(), ec.highRank(), et.lowRank(), et.highRank()})
                .containsExactly(cr1, cr2, tr1, tr2);
        assertResult(asymptotic.compare(c, t), 1e-12, qc, qt, d, ciLow, ciHigh, r, rLow, rHigh, p);
    }

    private static void assertResult(ComparisonResult res, double tol, double qc, double qt, double d, double ciLow,
            double ciHigh, double r, double rLow, double rHigh, double p) {
        assertThat(res.status()).isEqualTo(ResultStatus.OK);
        assertThat(res.controlValue()).isEqualTo(qc);
        assertThat(res.treatmentValue()).isEqualTo(qt);
        assertThat(res.absoluteEffect()).isCloseTo(d, relative(d, tol));
        assertThat(res.absoluteCi().low()).isCloseTo(ciLow, relative(ciLow, tol));
        assertThat(res.absoluteCi().high()).isCloseTo(ciHigh, relative(ciHigh, tol));
        assertThat(res.relativeEffect()).isCloseTo(r, relative(r, tol));
        assertThat(res.relativeCi().low()).isCloseTo(rLow, relative(rLow, tol));
        assertThat(res.relativeCi().high()).isCloseTo(rHigh, relative(rHigh, tol));
        assertThat(res.pValue()).isCloseTo(p, relative(p, 1e-10));
    }

    @Test
    void smallClusteredAgainstR() {
        // quantile-asymptotic.R, "small p50" / "small p90"
        double[][] control = {{5, 7, 9}, {4}, {6, 6}, {8, 10, 11, 3}, {2, 12}, {7, 5, 9}};
        double[][] treatment = {{6, 8}, {9, 10, 7}, {12, 11, 8}, {13}, {9, 6, 14}};
        assertResult(asymptotic.compare(QuantileSample.ofUnits(0.5, control), QuantileSample.ofUnits(0.5, treatment)),
                1e-12, 7, 9, 2, -1.2015621187164243, 5.2015621187164243, 0.2857142857142857,
                -0.25510204081632648, 0.82653061224489788, 0.22080898795481732);
        assertResult(asymptotic.compare(QuantileSample.ofUnits(0.9, control), QuantileSample.ofUnits(0.9, treatment)),
                1e-12, 10.6, 12.9, 2.3000000000000007, -0.19999999999999929, 4.8000000000000007,
                0.21698113207547176, -0.03847459121712421, 0.47243685536806773, 0.071362012474637374);
    }

    @Test
    void oneEventPerUnitIsTheClassicalOrderStatisticInterval() {
        // σ² = s²_Y / n with Y the indicator of x ≤ q̂: p̂(1 − p̂)·n/(n − 1)/n, r = E (p ± z σ)
        double[] x = new double[401];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37) % 401; // a permutation of 0..400
        }
        QuantileAsymptotic.Estimate e = QuantileAsymptotic.estimate(QuantileVariant.of(QuantileSample.oneValuePerUnit(0.5, x)), Z_975);
        double pHat = 201.0 / 401;
        double sigma = Math.sqrt(pHat * (1 - pHat) * 401 / 400 / 401);
        assertThat(e.sigma()).isCloseTo(sigma, relative(sigma, 1e-12));
        assertThat(e.lowRank()).isEqualTo((int) Math.floor(401 * (0.5 - Z_975 * sigma)));
        assertThat(e.highRank()).isEqualTo((int) Math.ceil(401 * (0.5 + Z_975 * sigma)));
        assertThat(e.interval().low()).isEqualTo(e.lowRank() - 1.0);
        assertThat(e.interval().high()).isEqualTo(e.highRank() - 1.0);
    }

    @Test
    void registeredAndDegenerate() {
        assertThat(ComparisonMethods.byId("quantile_asymptotic", QuantileSample.class))
                .isInstanceOf(QuantileAsymptotic.class);
        ComparisonResult r = asymptotic.compare(QuantileSample.ofUnits(0.5, new double[] {2, 2}, new double[] {2}),
                QuantileSample.ofUnits(0.5, new double[] {3, 3}, new double[] {3}, new double[] {2}));
        assertThat(r.status()).isIn(ResultStatus.ZERO_VARIANCE, ResultStatus.OK);
        r = asymptotic.compare(QuantileSample.ofUnits(0.5, new double[] {2, 2}, new double[] {2}),
                QuantileSample.ofUnits(0.5, new double[] {2}, new double[] {2, 2, 2}));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(asymptotic.compare(QuantileSample.ofUnits(0.5, new double[] {1}),
                QuantileSample.ofUnits(0.5, new double[] {1}, new double[] {Double.POSITIVE_INFINITY})).status())
                .isEqualTo(ResultStatus.NON_FINITE);
    }
}
