package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComparisonResultTest {

    @Test
    void okHasNoReasonAndOthersNeedOne() {
        ComparisonResult ok = ComparisonResult.ok(1, 2, 1, new Interval(0.5, 1.5), 1, new Interval(0.5, 1.5), 0.01);
        assertThat(ok.isOk()).isTrue();
        assertThat(ok.reason()).isNull();
        assertThatThrownBy(() -> new ComparisonResult(ResultStatus.OK, "why", null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComparisonResult(ResultStatus.EMPTY_ARM, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
    }

    @Test
    void numbersAreFiniteOrNull() {
        assertThatThrownBy(() -> new ComparisonResult(ResultStatus.NON_FINITE, "x", Double.NaN, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controlValue");
        assertThatThrownBy(() -> new ComparisonResult(ResultStatus.OK, null, 1.0, 1.0, 0.0, null, null, null, 1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pValue");
    }

    @Test
    void intervalsAreOrderedAndFinite() {
        assertThat(new Interval(-1, 2).contains(0)).isTrue();
        assertThat(new Interval(-1, 2).contains(3)).isFalse();
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStatusHasALabel() {
        for (ResultStatus s : ResultStatus.values()) {
            assertThat(s.label()).isNotBlank();
        }
        assertThat(ResultStatus.ZERO_BASELINE.label()).isEqualTo("Zero baseline");
    }
}
