package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersHaveFourSignificantDigits() {
        // golden exp_autoplay streaming_hours: control 3.1990929251963434, CI low -0.053855907569589301
        assertThat(Formats.number(3.1990929251963434)).isEqualTo("3.199");
        assertThat(Formats.number(0.7404403244495944)).isEqualTo("0.7404");
        assertThat(Formats.number(-0.053855907569589301)).isEqualTo("−0.05386");
        assertThat(Formats.number(2.5)).isEqualTo("2.5");
        assertThat(Formats.number(12345.6)).isEqualTo("12,350");
        assertThat(Formats.number(999.96)).isEqualTo("1,000");
        assertThat(Formats.number(0.0)).isEqualTo("0");
        assertThat(Formats.number(null)).isEqualTo("—");
        assertThat(Formats.number(1.5e-9)).isEqualTo("1.5e−9");
    }

    @Test
    void columnValuesKeepTheirFourSignificantDigits() {
        assertThat(Formats.value(3.1990929251963434)).isEqualTo("3.199");
        assertThat(Formats.value(3.2)).isEqualTo("3.200");
        assertThat(Formats.value(0.5)).isEqualTo("0.5000");
        assertThat(Formats.value(2.0)).isEqualTo("2.000");
        assertThat(Formats.value(-0.0539)).isEqualTo("−0.05390");
        assertThat(Formats.value(999.96)).isEqualTo("1,000");
        assertThat(Formats.value(12345.6)).isEqualTo("12,350");
        assertThat(Formats.value(0.0)).isEqualTo("0");
        assertThat(Formats.value(null)).isEqualTo("—");
        assertThat(Formats.signedValue(0.349)).isEqualTo("+0.3490");
        assertThat(Formats.signedValue(-0.5)).isEqualTo("−0.5000");
    }

    @Test
    void effectsCarryTheirSign() {
        assertThat(Formats.signedNumber(0.34923127274741983)).isEqualTo("+0.3492");
        assertThat(Formats.signedNumber(-0.5)).isEqualTo("−0.5");
        assertThat(Formats.interval(-0.053855907569589301, 0.7523184530644289)).isEqualTo("−0.05386 to +0.7523");
        assertThat(Formats.interval(null, 1.0)).isEqualTo("—");
    }

    @Test
    void relativeEffectsArePercentages() {
        assertThat(Formats.signedPercent(0.1091657169433382)).isEqualTo("+10.9 %");
        assertThat(Formats.signedPercent(-0.023288844437096654)).isEqualTo("−2.3 %");
        assertThat(Formats.signedPercent(0.0045)).isEqualTo("+0.45 %");
        assertThat(Formats.signedPercent(0.00001)).isEqualTo("0.00 %");
        // in the scorecard's column: one decimal always, so the column lines up
        assertThat(Formats.relativeEffect(0.0046)).isEqualTo("+0.5 %");
        assertThat(Formats.relativeEffect(-0.0004)).isEqualTo("0.0 %");
        assertThat(Formats.relativeEffect(0.1091657169433382)).isEqualTo("+10.9 %");
        assertThat(Formats.relativeInterval(-0.0045, 0.0123)).isEqualTo("−0.4 % to +1.2 %");
        assertThat(Formats.signedPercent(0.0103)).isEqualTo("+1.0 %");
        assertThat(Formats.percent(0.5)).isEqualTo("50 %");
        assertThat(Formats.percentInterval(-0.023288844437096654, 0.24162027832377303)).isEqualTo("−2.3 % to +24.2 %");
    }

    @Test
    void chancesHaveOneDecimalAndNeverReachCertainty() {
        assertThat(Formats.chance(0.912)).isEqualTo("91.2 %");
        assertThat(Formats.chance(0.5)).isEqualTo("50.0 %");
        assertThat(Formats.chance(0.99996)).isEqualTo("> 99.9 %");
        assertThat(Formats.chance(0.00004)).isEqualTo("< 0.1 %");
        assertThat(Formats.chance(null)).isEqualTo("—");
    }

    @Test
    void pValuesAreReadable() {
        assertThat(Formats.pValue(0.089445813084142178)).isEqualTo("0.089");
        assertThat(Formats.pValue(0.41768549718429437)).isEqualTo("0.418");
        assertThat(Formats.pValue(0.0042)).isEqualTo("0.004"); // three decimals always: one style per column
        assertThat(Formats.pValue(0.0004)).isEqualTo("< 0.001");
        assertThat(Formats.pValue(1.0)).isEqualTo("1.000");
        assertThat(Formats.pValue(0.5)).isEqualTo("0.500");
        assertThat(Formats.pValue(null)).isEqualTo("—");
        assertThat(Formats.pStatement(0.0004)).isEqualTo("p < 0.001");
        assertThat(Formats.pStatement(0.41768549718429437)).isEqualTo("p = 0.418");
    }

    @Test
    void countsAndDates() {
        assertThat(Formats.count(3012)).isEqualTo("3,012");
        assertThat(Formats.dateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 14)))
                .isEqualTo("1 Mar 2026 – 14 Apr 2026 (45 days)");
        assertThat(Formats.dateRange(LocalDate.of(2026, 3, 1), null)).isEqualTo("1 Mar 2026 – ongoing");
    }
}
