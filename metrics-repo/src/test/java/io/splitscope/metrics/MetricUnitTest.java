package io.splitscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.preset.StandardMetrics;
import org.junit.jupiter.api.Test;

class MetricUnitTest {

    @Test
    void aUnitFollowsTheNumber() {
        assertThat(MetricUnit.of("ms").format("1,234")).isEqualTo("1,234 ms");
        assertThat(MetricUnit.of("h").format("+0.3492")).isEqualTo("+0.3492 h");
    }

    @Test
    void moneyHasItsSymbolBeforeTheDigitsAndAfterTheSign() {
        assertThat(MetricUnit.currency("USD").format("12.50")).isEqualTo("$12.50");
        assertThat(MetricUnit.currency("EUR").format("−0.4200")).isEqualTo("−€0.4200");
        assertThat(MetricUnit.currency("GBP").format("+1.200")).isEqualTo("+£1.200");
        // no one-character symbol in English: the code
        assertThat(MetricUnit.currency("CHF").format("8.000")).isEqualTo("CHF 8.000");
    }

    @Test
    void aBadCurrencyIsRefusedByName() {
        assertThatThrownBy(() -> MetricUnit.currency("usd")).hasMessage(
                "unknown currency 'usd': an ISO 4217 code in capitals, e.g. USD, EUR, GBP");
        assertThatThrownBy(() -> MetricUnit.currency("XYZW")).hasMessageStartingWith("unknown currency 'XYZW'");
        assertThatThrownBy(() -> Metric.define("m").currency("DOLLARS")).hasMessageStartingWith("unknown currency 'DOLLARS'");
        assertThatThrownBy(() -> MetricUnit.of(" ")).hasMessage("a metric unit is 1 to 20 characters: ' '");
    }

    @Test
    void theStandardMetricsCarryTheirUnits() {
        assertThat(StandardMetrics.STREAMING_HOURS.unit()).isEqualTo(MetricUnit.of("h"));
        assertThat(StandardMetrics.REVENUE_PER_MEMBER.unit()).isEqualTo(MetricUnit.currency("USD"));
        assertThat(StandardMetrics.STARTUP_MS_P90.unit()).isEqualTo(MetricUnit.of("ms"));
        assertThat(StandardMetrics.PLAY_RATE.unit()).isNull(); // a share: shown as such
        // a metric restricted to some units keeps its unit
        assertThat(StandardMetrics.STARTUP_MS_P50.restrictedTo(null).unit()).isEqualTo(MetricUnit.of("ms"));
    }
}
