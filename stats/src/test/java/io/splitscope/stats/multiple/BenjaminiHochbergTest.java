package io.splitscope.stats.multiple;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benjamini–Hochberg against R 4.2.2's {@code p.adjust(p, "BH")} (stats/src/test/r/reference-values.R,
 * "BH") and the golden scorecards' {@code p_value_adjusted}. Tolerance: relative 1e-15 for R (the
 * same double operations), 1e-9 for the golden files (their contract).
 */
class BenjaminiHochbergTest {

    private final BenjaminiHochberg bh = new BenjaminiHochberg();

    @Test
    void identity() {
        assertThat(bh.id()).isEqualTo("benjamini_hochberg");
    }

    @Test
    void nullsStayInPlaceAndDoNotCountAndTiesShareAValue() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, NA, 0.5, NA, 0.049), "BH")
        List<Double> adjusted = bh.adjust(Arrays.asList(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, null, 0.5, null, 0.049));
        assertClose(adjusted, Arrays.asList(0.040000000000000001, 0.064000000000000001, 0.064000000000000001,
                0.040000000000000001, 0.22857142857142856, 0.064000000000000001, null, 0.5, null,
                0.065333333333333327), 1e-15);
        assertThat(adjusted.get(1)).isEqualTo(adjusted.get(5)); // the tied 0.04s
    }

    @Test
    void cappedAtOneAndExtremes() {
        // R 4.2.2: p.adjust(c(0.9, 0.8), "BH") = 0.9 0.9
        assertClose(bh.adjust(List.of(0.9, 0.8)), List.of(0.9, 0.9), 1e-15);
        // R 4.2.2: p.adjust(c(0, 1, 0.5, 0.5, 0.5), "BH") = 0 1 0.625 0.625 0.625
        assertClose(bh.adjust(List.of(0.0, 1.0, 0.5, 0.5, 0.5)), List.of(0.0, 1.0, 0.625, 0.625, 0.625), 1e-15);
        assertThat(bh.adjust(List.of(0.3))).containsExactly(0.3);
        assertThat(bh.adjust(List.of())).isEmpty();
        assertThat(bh.adjust(Arrays.asList(null, null))).containsExactly(null, null);
    }

    @Test
    void goldenExpAutoplay() {
        // exp_autoplay.json: p_value and p_value_adjusted of its 9 rows, in row order
        List<Double> p = List.of(0.089445813084142178, 0.068784063362505893, 0.076311051177613429,
                0.71476458046599034, 0.43932566979183774, 0.43578455428678819, 0.75616406613584641,
                0.029999999999999999, 0.0);
        List<Double> expected = List.of(0.16100246355145592, 0.16100246355145592, 0.16100246355145592,
                0.75616406613584641, 0.56484728973236287, 0.56484728973236287, 0.75616406613584641,
                0.13500000000000001, 0.0);
        assertClose(bh.adjust(p), expected, 1e-9);
    }

    @Test
    void goldenExpPrice() {
        // exp_price.json: p_value and p_value_adjusted of its 18 rows, in row order
        List<Double> p = List.of(0.6414750630774805, 0.714853656109318, 0.8503313107536442, 0.772308327577783,
                0.5579754705948828, 0.8578862402818653, 0.9678675113933684, 0.40458861306853544,
                0.079658394914698, 0.0067056358851730535, 0.3249728412938092, 0.13402906826901975,
                0.4175375351225406, 0.09102173078407637, 0.842, 0.686, 0.088, 0.2);
        List<Double> expected = List.of(0.9083501367690339, 0.9083501367690339, 0.9083501367690339,
                0.9083501367690339, 0.9083501367690339, 0.9083501367690339, 0.9678675113933684,
                0.8350750702450812, 0.40959778852834366, 0.12070144593311496, 0.8350750702450812,
                0.48250464576847113, 0.8350750702450812, 0.40959778852834366, 0.9083501367690339,
                0.9083501367690339, 0.40959778852834366, 0.6000000000000001);
        assertClose(bh.adjust(p), expected, 1e-9);
    }

    @Test
    void resultIsUnmodifiableAndInputUntouched() {
        List<Double> input = new ArrayList<>(List.of(0.02, 0.01));
        List<Double> out = bh.adjust(input);
        assertThat(input).containsExactly(0.02, 0.01);
        assertThatThrownBy(() -> out.set(0, 0.5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidPValuesAreRejected() {
        assertThatThrownBy(() -> bh.adjust(List.of(0.1, 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-value at index 1 must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> bh.adjust(List.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> bh.adjust(List.of(-0.1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClose(List<Double> actual, List<Double> expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Double e = expected.get(i);
            if (e == null) {
                assertThat(actual.get(i)).as("index %d", i).isNull();
            } else {
                assertThat(actual.get(i)).as("index %d", i).isCloseTo(e, relative(e, tol));
            }
        }
    }
}
