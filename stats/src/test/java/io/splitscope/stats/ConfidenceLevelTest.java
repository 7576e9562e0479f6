package io.splitscope.stats;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfidenceLevelTest {

    @ParameterizedTest
    @CsvSource({"95, 95", "95%, 95", "99.5 %, 99.5", "0.9, 90", "0.95, 95", " 99 , 99", "0.999, 99.9"})
    void readsPercentagesAndFractions(String text, double percent) {
        assertThat(ConfidenceLevel.parse(text).percent()).isEqualTo(percent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "100", "120", "45", "0.3", "95.25", "NaN", "-95"})
    void refusesWhatIsNotALevel(String text) {
        assertThatThrownBy(() -> ConfidenceLevel.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("confidence level must be a percentage")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theProbabilitiesAreTheDecimalOnes() {
        // the doubles R receives for qt(0.975, df) at 95 % and qnorm(0.95) at 90 %
        assertThat(ConfidenceLevel.DEFAULT.upperProbability()).isEqualTo(0.975);
        assertThat(ConfidenceLevel.DEFAULT.lowerProbability()).isEqualTo(0.025);
        assertThat(ConfidenceLevel.DEFAULT.alpha()).isEqualTo(0.05);
        assertThat(ConfidenceLevel.parse("90").upperProbability()).isEqualTo(0.95);
        assertThat(ConfidenceLevel.parse("99").lowerProbability()).isEqualTo(0.005);
        assertThat(ConfidenceLevel.parse("99").value()).isEqualTo(0.99);
    }

    @Test
    void quantilesAsR() {
        // R 4.2.2: qnorm(c(0.95, 0.975, 0.995)); qt(c(0.95, 0.975, 0.995), 7.5); relative 1e-14
        assertThat(ConfidenceLevel.parse("90").z()).isCloseTo(1.6448536269514715, relative(1.6448536269514715, 1e-14));
        assertThat(ConfidenceLevel.DEFAULT.z()).isCloseTo(1.9599639845400536, relative(1.9599639845400536, 1e-14));
        assertThat(ConfidenceLevel.parse("99").z()).isCloseTo(2.5758293035488999, relative(2.5758293035488999, 1e-14));
        assertThat(ConfidenceLevel.parse("90").t(7.5)).isCloseTo(1.8757474792112874, relative(1.8757474792112874, 1e-13));
        assertThat(ConfidenceLevel.DEFAULT.t(7.5)).isCloseTo(2.3330396268649736, relative(2.3330396268649736, 1e-13));
        assertThat(ConfidenceLevel.parse("99").t(7.5)).isCloseTo(3.4214226881240428, relative(3.4214226881240428, 1e-13));
    }

    @Test
    void readsAsAPercentage() {
        assertThat(ConfidenceLevel.DEFAULT).hasToString("95 %");
        assertThat(ConfidenceLevel.parse("99.5")).hasToString("99.5 %");
        assertThat(ConfidenceLevel.parse("0.9").percentText()).isEqualTo("90");
        assertThat(ConfidenceLevel.parse(ConfidenceLevel.parse("99.5%").percentText())).isEqualTo(new ConfidenceLevel(99.5));
        assertThat(ConfidenceLevel.OFFERED).extracting(ConfidenceLevel::percent).containsExactly(90.0, 95.0, 99.0);
    }

    @Test
    void readsAProbabilityTheDefaultAndBlankText() {
        assertThat(ConfidenceLevel.ofValue(0.95)).isEqualTo(ConfidenceLevel.DEFAULT).matches(ConfidenceLevel::isDefault);
        assertThat(ConfidenceLevel.ofValue(0.9).percent()).isEqualTo(90.0);
        assertThat(ConfidenceLevel.parseOrDefault(null)).isEqualTo(ConfidenceLevel.DEFAULT);
        assertThat(ConfidenceLevel.parseOrDefault(" ")).isEqualTo(ConfidenceLevel.DEFAULT);
        assertThat(ConfidenceLevel.parseOrDefault("99").isDefault()).isFalse();
        assertThatThrownBy(() -> ConfidenceLevel.ofValue(1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSidedLevelsAreExact() {
        // a = α/6: the interval at 1 − 2a has its bounds at the a and 1 − a quantiles, a kept exactly;
        // R 4.2.2: qnorm(1 - 0.05/6) = 2.3939797998185104, qt(1 - 0.05/6, 37.5) = 2.5061533615200662,
        // -qt(1e-20, 37.5) = 18.474727617494683; relative 1e-13
        ConfidenceLevel sixth = ConfidenceLevel.oneSided(0.05 / 6);
        assertThat(sixth.lowerProbability()).isEqualTo(0.05 / 6);
        assertThat(sixth.alpha()).isEqualTo(2 * (0.05 / 6));
        assertThat(sixth.z()).isCloseTo(2.3939797998185104, relative(2.3939797998185104, 1e-13));
        assertThat(sixth.t(37.5)).isCloseTo(2.5061533615200662, relative(2.5061533615200662, 1e-13));
        assertThat(ConfidenceLevel.oneSided(1e-20).t(37.5)).isCloseTo(18.474727617494683, relative(18.474727617494683, 1e-12));
        assertThat(sixth.percentText()).isEqualTo("98.3333");
        assertThat(sixth).isEqualTo(ConfidenceLevel.oneSided(0.05 / 6)).isNotEqualTo(ConfidenceLevel.DEFAULT);
        assertThat(sixth.hashCode()).isEqualTo(ConfidenceLevel.oneSided(0.05 / 6).hashCode());
    }

    @Test
    void aOneSidedLevelThatIsADecimalPercentageIsThatPercentage() {
        assertThat(ConfidenceLevel.oneSided(0.025)).isEqualTo(ConfidenceLevel.DEFAULT).matches(ConfidenceLevel::isDefault);
        assertThat(ConfidenceLevel.oneSided(0.05)).isEqualTo(new ConfidenceLevel(90));
        assertThat(ConfidenceLevel.oneSided(0.05 / 4).percentText()).isEqualTo("97.5");
        assertThatThrownBy(() -> ConfidenceLevel.oneSided(0)).hasMessage("a one-sided level must be in (0, 0.25], got 0.0");
        assertThatThrownBy(() -> ConfidenceLevel.oneSided(0.3)).hasMessage("a one-sided level must be in (0, 0.25], got 0.3");
    }
}
