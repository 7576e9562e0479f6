package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import org.junit.jupiter.api.Test;

/**
 * {@code sequential} against GrowthBook's published gbstats fixture
 * (packages/stats/tests/frequentist/test_tests.py, TestSequentialTTest.test_sequential_test_runs:
 * relative difference, N* = 1000, 5 decimals) and the formula of Waudby-Smith et al. (2023) in R
 * 4.2.2 (stats/src/test/r/reference-values.R, block "sequential").
 */
class SequentialTest {

    @Test
    void growthBookFixture() {
        Sequential sequential = new Sequential(1000);
        ComparisonResult r = sequential.compare(new Moments(3000, 1396.87, 52377.9767),
                new Moments(3461, 2422.7, 134698.29));
        // gbstats: expected = 0.50336, ci = [-0.55844, 1.56516], p_value = 1
        assertThat(r.relativeEffect()).isCloseTo(0.50336, within(5e-6));
        assertThat(r.relativeCi().low()).isCloseTo(-0.55844, within(5e-6));
        assertThat(r.relativeCi().high()).isCloseTo(1.56516, within(5e-6));
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
    }

    @Test
    void againstR() {
        // R 4.2.2 reference-values.R "sequential": N* = 5000, nc = 4000, ȳc = 3.2, s²c = 9.1;
        // nt = 4100, ȳt = 3.4, s²t = 9.4
        ComparisonResult r = new Sequential().compare(new Moments(4000, 12800, 77350.9),
                new Moments(4100, 13940, 85926.6));
        assertThat(r.absoluteEffect()).isCloseTo(0.2, relative(0.2, 1e-12));
        assertThat(r.absoluteCi().low()).isCloseTo(SEQ_LOW, relative(SEQ_LOW, 1e-10));
        assertThat(r.absoluteCi().high()).isCloseTo(SEQ_HIGH, relative(SEQ_HIGH, 1e-10));
        assertThat(r.pValue()).isCloseTo(SEQ_P, relative(SEQ_P, 1e-10));
    }

    private static final double SEQ_LOW = -0.0060025337107690035;
    private static final double SEQ_HIGH = 0.40600253371076844;
    private static final double SEQ_P = 0.064042120851674322;

    @Test
    void theIntervalExcludesZeroExactlyWhenPIsAtMostAlpha() {
        Sequential s = new Sequential();
        for (double shift : new double[] {0, 0.05, 0.1, 0.12, 0.15, 0.2, 0.3}) {
            ComparisonResult r = s.compare(new Moments(4000, 12800, 77350.9),
                    new Moments(4100, 4100 * (3.2 + shift), 4099 * 9.4 + 4100 * (3.2 + shift) * (3.2 + shift)));
            assertThat(r.absoluteCi().contains(0)).isEqualTo(r.pValue() > 0.05);
            // wider than welch_t's fixed-horizon interval: the price of peeking
            ComparisonResult w = new WelchT().compare(new Moments(4000, 12800, 77350.9),
                    new Moments(4100, 4100 * (3.2 + shift), 4099 * 9.4 + 4100 * (3.2 + shift) * (3.2 + shift)));
            assertThat(r.absoluteCi().high() - r.absoluteCi().low())
                    .isGreaterThan(w.absoluteCi().high() - w.absoluteCi().low());
            assertThat(r.pValue()).isGreaterThanOrEqualTo(w.pValue());
        }
    }

    @Test
    void registeredConfiguredAndDegenerate() {
        assertThat(ComparisonMethods.byId("sequential", Moments.class)).isInstanceOf(Sequential.class);
        assertThat(new Sequential().tuning()).isEqualTo(5000);
        assertThatThrownBy(() -> new Sequential(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Sequential().compare(Moments.of(1), Moments.of(1, 2)).status())
                .isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(new Sequential().compare(Moments.of(1, 1), Moments.of(2, 2)).status())
                .isEqualTo(ResultStatus.ZERO_VARIANCE);
        ComparisonResult r = new Sequential().compare(Moments.of(-1, 1, 0), Moments.of(1, 2, 3));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.absoluteCi()).isNotNull();
    }

    @Test
    void momentsNear1e154GiveAResultNotAnException() {
        // found by SequentialFuzzTest: d ≈ 2.5e153 and se ≈ 1e154, so d² and s² = se²·N overflow and
        // the p-value's exponent was ∞/∞ = NaN ("pValue must be finite"); d/se is about 0.1
        ComparisonResult r = new Sequential().compare(new Moments(4, -1e154, 1e308), new Moments(4, 1e10, 1e308));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.absoluteEffect()).isCloseTo(2.5e153, relative(2.5e153, 1e-12));
    }
}
