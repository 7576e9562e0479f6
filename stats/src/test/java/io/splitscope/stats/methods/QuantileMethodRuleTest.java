package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.QuantileSample;
import org.junit.jupiter.api.Test;

/** The default quantile method: asymptotic when both arms have at least N* units, else the bootstrap. */
class QuantileMethodRuleTest {

    private static final int N_STAR = QuantileMethodRule.MIN_UNITS_PER_ARM;

    @Test
    void bothArmsMustReachNStar() {
        assertThat(N_STAR).isEqualTo(2000);
        assertThat(QuantileMethodRule.defaultMethod(N_STAR, N_STAR)).isEqualTo(QuantileAsymptotic.ID);
        assertThat(QuantileMethodRule.defaultMethod(5_800_000, 2_900_000)).isEqualTo(QuantileAsymptotic.ID);
        assertThat(QuantileMethodRule.defaultMethod(N_STAR - 1, 1_000_000)).isEqualTo(BootstrapQuantile.ID);
        assertThat(QuantileMethodRule.defaultMethod(1_000_000, N_STAR - 1)).isEqualTo(BootstrapQuantile.ID);
        assertThat(QuantileMethodRule.defaultMethod(0, 0)).isEqualTo(BootstrapQuantile.ID);
    }

    @Test
    void theGoldenArmsOfAbout900UnitsKeepTheBootstrap() {
        // golden/streaming-small: exp_autoplay 863 vs 897, exp_price 781 vs 342 and 376
        assertThat(QuantileMethodRule.defaultMethod(863, 897)).isEqualTo(BootstrapQuantile.ID);
        assertThat(QuantileMethodRule.defaultMethod(781, 376)).isEqualTo(BootstrapQuantile.ID);
    }

    @Test
    void samplesCountTheirUnitsWithOrWithoutEvents() {
        double[] none = {};
        double[][] units = new double[N_STAR][];
        for (int u = 0; u < N_STAR; u++) {
            units[u] = u % 2 == 0 ? none : new double[] {u};
        }
        QuantileSample big = QuantileSample.ofUnits(0.5, units);
        QuantileSample small = QuantileSample.ofUnits(0.5, new double[] {1}, new double[] {2});
        assertThat(QuantileMethodRule.defaultMethod(big, big)).isEqualTo(QuantileAsymptotic.ID);
        assertThat(QuantileMethodRule.defaultMethod(big, small)).isEqualTo(BootstrapQuantile.ID);
    }
}
