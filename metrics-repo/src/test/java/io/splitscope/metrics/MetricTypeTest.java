package io.splitscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A metric type reads back from the name the scorecard JSON gives it. */
class MetricTypeTest {

    @Test
    void readsEveryTypeFromItsJsonName() {
        assertThat(MetricType.MEAN.jsonName()).isEqualTo("mean");
        for (MetricType type : MetricType.values()) {
            assertThat(MetricType.fromJsonName(type.jsonName())).isEqualTo(type);
        }
    }

    @Test
    void rejectsANameThatIsNoTypeNamingTheKnownOnes() {
        assertThatThrownBy(() -> MetricType.fromJsonName("MEAN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown metric type 'MEAN' (known: [mean, proportion, ratio, quantile])");
        assertThatThrownBy(() -> MetricType.fromJsonName(null)).hasMessageContaining("unknown metric type 'null'");
    }
}
