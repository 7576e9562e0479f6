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
        assertThatThrownBy(() -> ComparisonResult.builder().withStatus(ResultStatus.OK, "why"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComparisonResult.builder().withStatus(ResultStatus.EMPTY_ARM, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
    }

    @Test
    void numbersAreFiniteOrNull() {
        assertThatThrownBy(() -> ComparisonResult.builder().values(Double.NaN, null).withStatus(ResultStatus.NON_FINITE, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controlValue");
        assertThatThrownBy(() -> ComparisonResult.builder().values(1.0, 1.0).absolute(0.0, null).pValue(1.2).ok())
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

    @Test
    void extrasAreAnUnmodifiableCopyOfFiniteSnakeCaseNumbers() {
        ComparisonResult plain = ComparisonResult.ok(1, 2, 1, new Interval(0, 2), 1, new Interval(0, 2), 0.5);
        assertThat(plain.extras()).isEmpty();
        java.util.Map<String, Double> extras = new java.util.LinkedHashMap<>();
        extras.put("chance_to_beat_control", 0.9);
        extras.put("expected_loss", 0.01);
        ComparisonResult withExtras = plain.withExtras(extras);
        extras.put("later", 1.0);
        assertThat(withExtras.extras()).containsExactly(java.util.Map.entry("chance_to_beat_control", 0.9),
                java.util.Map.entry("expected_loss", 0.01));
        assertThatThrownBy(() -> withExtras.extras().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(withExtras.withExtras(java.util.Map.of())).isEqualTo(plain);
        assertThatThrownBy(() -> plain.withExtras(java.util.Map.of("Bad Key", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake_case");
        assertThatThrownBy(() -> plain.withExtras(java.util.Map.of("x", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> plain.withExtras(null)).isInstanceOf(NullPointerException.class);
    }
}
