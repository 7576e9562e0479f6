package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.methods.QuantileMethodRule;
import org.junit.jupiter.api.Test;

/**
 * Which method each metric gets: quantile metrics {@code quantile_asymptotic} when both arms have
 * at least N* units, {@code bootstrap_quantile} below it or when asked for by name.
 */
class MethodChoiceTest {

    private static final int N_STAR = QuantileMethodRule.MIN_UNITS_PER_ARM;

    /** {@code units} units, one event each. */
    private static QuantileSample arm(int units) {
        double[] values = new double[units];
        for (int u = 0; u < units; u++) {
            values[u] = 800 + u % 97;
        }
        return QuantileSample.oneValuePerUnit(0.9, values);
    }

    @Test
    void quantileMetricsGetTheAsymptoticIntervalWhenBothArmsReachNStar() {
        assertThat(MethodChoice.methodFor(StandardMetrics.STARTUP_MS_P90, MeanMethod.WELCH_T, arm(N_STAR), arm(N_STAR + 5)))
                .isEqualTo("quantile_asymptotic");
        assertThat(MethodChoice.methodFor(StandardMetrics.STARTUP_MS_P90, MeanMethod.CUPED, arm(N_STAR - 1), arm(5 * N_STAR)))
                .isEqualTo("bootstrap_quantile");
        // the golden arms (863 and 897 units) keep the bootstrap
        assertThat(MethodChoice.methodFor(StandardMetrics.STARTUP_MS_P50, MeanMethod.WELCH_T, arm(863), arm(897)))
                .isEqualTo("bootstrap_quantile");
    }

    @Test
    void bootstrapQuantileAskedForByNameIsUsedWhateverTheSizes() {
        MeanMethod bootstrap = MeanMethod.parse("bootstrap_quantile");
        assertThat(bootstrap).isSameAs(MeanMethod.BOOTSTRAP_QUANTILE);
        assertThat(MethodChoice.methodFor(StandardMetrics.STARTUP_MS_P90, bootstrap, arm(5 * N_STAR), arm(5 * N_STAR)))
                .isEqualTo("bootstrap_quantile");
        // mean and proportion metrics then get welch_t, fetched as its sufficient statistics
        assertThat(MethodChoice.methodFor(StandardMetrics.STREAMING_HOURS, bootstrap)).isEqualTo("welch_t");
        assertThat(bootstrap.inputType()).isEqualTo(Moments.class);
        assertThat(bootstrap.methodId()).isEqualTo("bootstrap_quantile");
        assertThat(MeanMethod.values()).contains(MeanMethod.BOOTSTRAP_QUANTILE).startsWith(MeanMethod.WELCH_T);
    }

    @Test
    void otherMetricsAreUnchanged() {
        assertThat(MethodChoice.methodFor(StandardMetrics.STREAMING_HOURS, MeanMethod.CUPED)).isEqualTo("cuped");
        assertThat(MethodChoice.methodFor(StandardMetrics.REBUFFER_RATE, MeanMethod.WELCH_T)).isEqualTo("delta_ratio");
        assertThat(MeanMethod.WELCH_T.quantileMethodId()).isNull();
        assertThat(MethodChoice.methodFor(StandardMetrics.STARTUP_MS_P50, MeanMethod.WELCH_T)).isEqualTo("bootstrap_quantile");
        assertThatThrownBy(() -> MeanMethod.parse("quantile_magic")).hasMessageContaining("bootstrap_quantile");
    }
}
