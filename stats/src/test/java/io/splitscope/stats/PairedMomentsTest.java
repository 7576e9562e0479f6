package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairedMomentsTest {

    @Test
    void covarianceOfPairedValues() {
        // cov((1, 2, 4), (2, 3, 7)) = ((1·2 + 2·3 + 4·7) − 7·12/3) / 2 = (36 − 28) / 2
        Moments a = Moments.of(1, 2, 4);
        Moments b = Moments.of(2, 3, 7);

        assertThat(PairedMoments.sumOfProducts("a and b", new double[] {1, 2, 4}, new double[] {2, 3, 7})).isEqualTo(36.0);
        assertThat(PairedMoments.covariance(a, b, 36)).isEqualTo(4.0);
        assertThat(PairedMoments.covariance(a, b, Double.NaN)).isNaN();
        assertThat(PairedMoments.covariance(Moments.of(1), Moments.of(2), 2)).isNaN();
    }

    @Test
    void badPairsThrowNamingTheParts() {
        assertThatThrownBy(() -> PairedMoments.check("the numerator", Moments.of(1, 2), "the denominator", Moments.of(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the numerator has 2 units but the denominator has 1: both moments must be over the same units");
        assertThatThrownBy(() -> PairedMoments.check("a", new Moments(0, 0, 0), "b", new Moments(0, 0, 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 0 but sumProduct = 1.0");
        assertThatThrownBy(() -> PairedMoments.sumOfProducts("y and x", new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y and x must be non-null arrays of the same length");
    }
}
