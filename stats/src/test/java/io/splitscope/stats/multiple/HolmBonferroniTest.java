package io.splitscope.stats.multiple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holm and Bonferroni against R 4.2.2's {@code p.adjust} (stats/src/test/r/reference-values.R, "holm", "bonferroni"). */
class HolmBonferroniTest {

    private static final List<Double> P = Arrays.asList(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, null, 0.5, null, 0.049);

    @Test
    void holmAgainstR() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, NA, 0.5, NA, 0.049), "holm")
        assertThat(new Holm().adjust(P)).containsExactly(0.070000000000000007, 0.20000000000000001,
                0.17999999999999999, 0.040000000000000001, 0.40000000000000002, 0.20000000000000001, null, 0.5, null,
                0.20000000000000001);
        // R 4.2.2: p.adjust(c(0, 1, 0.5, 0.5, 0.5), "holm") = 0 1 1 1 1
        assertThat(new Holm().adjust(List.of(0.0, 1.0, 0.5, 0.5, 0.5))).containsExactly(0.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(new Holm().id()).isEqualTo("holm");
    }

    @Test
    void bonferroniAgainstR() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, NA, 0.5, NA, 0.049), "bonferroni")
        assertThat(new Bonferroni().adjust(P)).containsExactly(0.080000000000000002, 0.32000000000000001,
                0.23999999999999999, 0.040000000000000001, 1.0, 0.32000000000000001, null, 1.0, null,
                0.39200000000000002);
        assertThat(new Bonferroni().id()).isEqualTo("bonferroni");
    }

    @Test
    void edgeCasesAndValidation() {
        for (PValueAdjustment a : List.of(new Holm(), new Bonferroni())) {
            assertThat(a.adjust(List.of())).isEmpty();
            assertThat(a.adjust(List.of(0.3))).containsExactly(0.3);
            assertThat(a.adjust(Arrays.asList(null, null))).containsExactly(null, null);
            assertThatThrownBy(() -> a.adjust(List.of(0.1, Double.NaN))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("index 1");
            assertThatThrownBy(() -> a.adjust(List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.adjust(null)).isInstanceOf(NullPointerException.class).hasMessage("pValues");
            assertThatThrownBy(() -> a.adjust(List.of(0.1)).set(0, 0.2)).isInstanceOf(UnsupportedOperationException.class);
        }
        // Holm ≤ Bonferroni, both ≥ BH
        List<Double> holm = new Holm().adjust(P);
        List<Double> bonferroni = new Bonferroni().adjust(P);
        List<Double> bh = new BenjaminiHochberg().adjust(P);
        for (int i = 0; i < P.size(); i++) {
            if (P.get(i) != null) {
                assertThat(holm.get(i)).isLessThanOrEqualTo(bonferroni.get(i)).isGreaterThanOrEqualTo(bh.get(i));
            }
        }
    }
}
