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

    @Test
    void effectsOnlyOfTheDifference() {
        ComparisonResult result = Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Constant.", 2.0, 3.0);

        assertThat(result.absoluteEffect()).isEqualTo(1.0);
        assertThat(result.relativeEffect()).isEqualTo(0.5);
        assertThat(Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Constant.", 0.0, 3.0).relativeEffect()).isNull();
    }

    @Test
    void nonFiniteSumsNameTheArmsAndKeepTheFiniteValue() {
        ComparisonResult result = Degenerate.nonFiniteSums(false, true, "numerator, denominator or cross product",
                1.0, 2.0);

        assertThat(result.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(result.reason())
                .isEqualTo("Some of the control's sums (numerator, denominator or cross product) are not finite.");
        assertThat(result.controlValue()).isNull();
        assertThat(result.treatmentValue()).isEqualTo(2.0);
        assertThat(Degenerate.nonFiniteSums(false, false, "metric or covariate", 1.0, 2.0).reason())
                .isEqualTo("Some of the control's and the treatment's sums (metric or covariate) are not finite.");
        assertThatThrownBy(() -> Degenerate.nonFiniteSums(true, true, "metric", 1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonFiniteValuesNameTheArms() {
        ComparisonResult result = Degenerate.nonFiniteValues(true, false, 4.0, 5.0);

        assertThat(result.reason()).isEqualTo("Some values are NaN or infinite: the treatment has non-finite values.");
        assertThat(result.controlValue()).isEqualTo(4.0);
        assertThat(result.treatmentValue()).isNull();
        assertThat(Degenerate.nonFiniteValues(false, false, null, null).reason())
                .isEqualTo("Some values are NaN or infinite: the control and the treatment have non-finite values.");
    }

    @Test
    void tooFewUnitsSaysWhatNeedsTwo() {
        ComparisonResult result = Degenerate.tooFewUnits(1, 5, 2.0, 1.0);

        assertThat(result.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(result.reason())
                .isEqualTo("The control has a single unit; a variance, and so an interval and a p-value, need at least 2.");
        assertThat(result.absoluteEffect()).isEqualTo(-1.0);
        assertThat(result.relativeEffect()).isEqualTo(-0.5);
        assertThat(result.absoluteCi()).isNull();
        assertThat(Degenerate.tooFewUnits(1, 1, "the test needs at least 2.", 2.0, 1.0).reason())
                .isEqualTo("Both variants have a single unit; the test needs at least 2.");
        assertThatThrownBy(() -> Degenerate.tooFewUnits(2, 2, 2.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroBaselineKeepsTheAbsoluteInference() {
        ComparisonResult result = Degenerate.zeroBaseline(ComparisonResult.builder().values(0.0, 0.5)
                .absolute(0.5, new Interval(0.1, 0.9)).pValue(0.02), "control median");

        assertThat(result.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(result.reason()).isEqualTo("The control median is 0, so there is no relative effect.");
        assertThat(result.absoluteCi()).isEqualTo(new Interval(0.1, 0.9));
        assertThat(result.pValue()).isEqualTo(0.02);
        assertThat(result.relativeEffect()).isNull();
    }
}
