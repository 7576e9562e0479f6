package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Cap;
import org.junit.jupiter.api.Test;

/** The cap a row shows: the pooled values of a percentile cap with their levels, or the fixed bounds. */
class CapUsedTest {

    @Test
    void takesThePooledPercentilesOfThePercentileCapsTails() {
        assertThat(CapUsed.of(new Cap.Percentile(0.01, 0.99), 0.5, 412.5)).isEqualTo(new CapUsed(0.5, 412.5, 0.01, 0.99));
        assertThat(CapUsed.of(Cap.abovePercentile(0.99), 0.5, 412.5)).isEqualTo(new CapUsed(null, 412.5, null, 0.99));
        assertThat(CapUsed.of(new Cap.Absolute(0.0, 100.0), 1.0, 2.0)).isEqualTo(new CapUsed(0.0, 100.0, null, null));
        assertThat(CapUsed.of(null, 1.0, 2.0)).isNull();
    }

    @Test
    void saysWhereTheValuesWereCapped() {
        assertThat(new CapUsed(null, 412.5, null, 0.99).text()).isEqualTo("capped at p99 = 412.5");
        assertThat(new CapUsed(0.375, 1.625, 0.25, 0.75).text()).isEqualTo("capped at p25 = 0.375 and p75 = 1.625");
        assertThat(new CapUsed(null, 1234567.0, null, 0.995).text()).isEqualTo("capped at p99.5 = 1235000");
        assertThat(new CapUsed(0.0, 100.0, null, null).text()).isEqualTo("capped at 0 and 100");
        assertThat(new CapUsed(null, null, null, 0.99).text()).isEqualTo("capped at p99 (no units)");
    }
}
