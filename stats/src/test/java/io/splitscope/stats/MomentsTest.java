package io.splitscope.stats;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected values: stats/src/test/r/reference-values.R (R 4.2.2). Tolerances are relative. */
class MomentsTest {

    private static final double[] X = {3.1, 4.7, 2.2, 5.9, 4.4, 3.8};

    @Test
    void ofComputesTheSumsMeanAndSampleVariance() {
        Moments m = Moments.of(X);

        assertThat(m.n()).isEqualTo(6);
        // R 4.2.2: sum(x), sum(x^2), mean(x), var(x) with x = c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8)
        assertThat(m.sum()).isCloseTo(24.100000000000001, relative(24.100000000000001, 1e-15));
        assertThat(m.sumSquares()).isCloseTo(105.15000000000001, relative(105.15000000000001, 1e-15));
        assertThat(m.mean()).isCloseTo(4.0166666666666666, relative(4.0166666666666666, 1e-15));
        assertThat(m.variance()).isCloseTo(1.6696666666666669, relative(1.6696666666666669, 1e-13));
    }

    @Test
    void aProportionIsTheSameWithSumSquaresEqualToSum() {
        // R 4.2.2: var(c(rep(1, 120), rep(0, 880))) = 0.1057057057057057
        Moments m = new Moments(1000, 120, 120);
        assertThat(m.mean()).isEqualTo(0.12);
        assertThat(m.variance()).isCloseTo(0.1057057057057057, relative(0.1057057057057057, 1e-14));
    }

    @Test
    void varianceFromSumsSurvivesALargeOffset() {
        // R 4.2.2: var(c(1000.1, 1000.2, 1000.4, 1000.3, 999.9)) = 0.0369999999999975
        // (coefficient of variation 2e-4: Σy² carries ~1e-9 of the 0.148 we need; tolerance 1e-7)
        Moments m = Moments.of(1000.1, 1000.2, 1000.4, 1000.3, 999.9);
        assertThat(m.mean()).isCloseTo(1000.1799999999999, relative(1000.1799999999999, 1e-15));
        assertThat(m.variance()).isCloseTo(0.0369999999999975, relative(0.0369999999999975, 1e-7));
    }

    @Test
    void constantValuesHaveExactlyZeroVariance() {
        assertThat(Moments.of(0.1, 0.1, 0.1).variance()).isZero();
        assertThat(Moments.of(7, 7, 7, 7).variance()).isZero();
        // Σy² − (Σy)²/n a few ulps below 0 (0.3 · 0.3 / 3 rounds above 0.03): round-off, clamped.
        assertThat(new Moments(3, 0.3, 0.03).variance()).isZero();
        // A spread below the round-off level of the sums (coefficient of variation 1e-8) is 0 too.
        assertThat(Moments.of(1e6, 1e6 + 0.01).variance()).isZero();
    }

    @Test
    void meanAndVarianceDoNotExistForTooFewUnits() {
        Moments empty = new Moments(0, 0, 0);
        assertThat(empty.mean()).isNaN();
        assertThat(empty.variance()).isNaN();
        Moments one = Moments.of(4.2);
        assertThat(one.mean()).isEqualTo(4.2);
        assertThat(one.variance()).isNaN();
        assertThat(Moments.of()).isEqualTo(empty);
    }

    @Test
    void nonFiniteSumsAreAcceptedAsData() {
        Moments nan = new Moments(5, Double.NaN, 10);
        assertThat(nan.isFinite()).isFalse();
        assertThat(nan.mean()).isNaN();
        assertThat(nan.variance()).isNaN();
        assertThat(new Moments(5, 1, Double.POSITIVE_INFINITY).isFinite()).isFalse();
        assertThat(Moments.of(1, Double.NaN, 3).isFinite()).isFalse();
        assertThat(Moments.of(1, Double.POSITIVE_INFINITY).sum()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Moments.of(1, 2).isFinite()).isTrue();
    }

    @Test
    void impossibleSumsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new Moments(-1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be at least 0, got -1");
        assertThatThrownBy(() -> new Moments(3, 1, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum of squares cannot be negative");
        assertThatThrownBy(() -> new Moments(0, 5, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 0 but sum = 5.0");
        // Σy² = 1 < (Σy)²/n = 12: a negative variance, e.g. swapped or mis-scaled columns.
        assertThatThrownBy(() -> new Moments(3, 6, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent sums")
                .hasMessageContaining("negative variance");
        assertThatThrownBy(() -> Moments.of((double[]) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
