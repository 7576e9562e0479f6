package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DegenerateTest {

    @Test
    void namesTheArmsThatFail() {
        assertThat(Degenerate.arms(true, true)).isEqualTo("Both variants have");
        assertThat(Degenerate.arms(true, false)).isEqualTo("The control has");
        assertThat(Degenerate.arms(false, true)).isEqualTo("The treatment has");
        assertThatThrownBy(() -> Degenerate.arms(false, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyArmKeepsTheOtherArmsValue() {
        ComparisonResult result = Degenerate.emptyArm(0, 12, null, 3.5);

        assertThat(result.status()).isEqualTo(ResultStatus.EMPTY_ARM);
        assertThat(result.reason()).isEqualTo("The control has no units, so there is nothing to compare.");
        assertThat(result.treatmentValue()).isEqualTo(3.5);
        assertThat(result.controlValue()).isNull();
        assertThat(result.absoluteEffect()).isNull();
        assertThat(result.pValue()).isNull();
        assertThatThrownBy(() -> Degenerate.emptyArm(3, 4, 1.0, 2.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void effectsOnlyDropsWhatIsNotFinite() {
        ComparisonResult result = Degenerate.effectsOnly(ResultStatus.TOO_FEW_UNITS, "One unit.", 2.0, 3.0, 1.0,
                Double.POSITIVE_INFINITY);

        assertThat(result.absoluteEffect()).isEqualTo(1.0);
        assertThat(result.relativeEffect()).isNull();
        assertThat(result.absoluteCi()).isNull();
        assertThat(Degenerate.valuesOnly(ResultStatus.NON_FINITE, "Overflow.", Double.NaN, 4.0).controlValue()).isNull();
    }
}
