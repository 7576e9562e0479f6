package io.splitscope.stats.health;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SRM against R 4.2.2's {@code chisq.test} (stats/src/test/r/reference-values.R, "SRM") and the
 * golden scorecards. Tolerance: relative 1e-9 (the golden contract); measured agreement ~1e-15.
 */
class SampleRatioMismatchTest {

    private static final double TOL = 1e-9;

    @Test
    void goldenExpAutoplay() {
        // exp_autoplay.json "srm"; R 4.2.2: chisq.test(c(863, 897), p = c(0.5, 0.5))
        SrmResult r = SampleRatioMismatch.check(ordered("control", 863L, "previews", 897L),
                ordered("control", 0.5, "previews", 0.5));
        assertThat(r.chiSquare()).isCloseTo(0.65681818181818186, relative(0.65681818181818186, TOL));
        assertThat(r.pValue()).isCloseTo(0.41768549718429437, relative(0.41768549718429437, TOL));
        assertThat(r.mismatch()).isFalse();
        assertThat(r.expectedShare()).containsExactly(Map.entry("control", 0.5), Map.entry("previews", 0.5));
    }

    @Test
    void goldenExpPriceWithThreeVariants() {
        // exp_price.json "srm"; R 4.2.2: chisq.test(c(781, 342, 376), p = c(0.5, 0.25, 0.25))
        SrmResult r = SampleRatioMismatch.check(
                ordered("control", 781L, "price_up_1", 342L, "price_up_2", 376L),
                ordered("control", 0.5, "price_up_1", 0.25, "price_up_2", 0.25));
        assertThat(r.chiSquare()).isCloseTo(4.1901267511674449, relative(4.1901267511674449, TOL));
        assertThat(r.pValue()).isCloseTo(0.12306244425258571, relative(0.12306244425258571, TOL));
        assertThat(r.mismatch()).isFalse();
        assertThat(r.expectedShare()).containsExactly(Map.entry("control", 0.5),
                Map.entry("price_up_1", 0.25), Map.entry("price_up_2", 0.25));
    }

    @Test
    void aMismatchIsFlaggedBelowTheThreshold() {
        // R 4.2.2: chisq.test(c(1000, 1200), p = c(0.5, 0.5)): 18.181818181818183, 2.0078656124264834e-05
        SrmResult r = SampleRatioMismatch.check(ordered("a", 1000L, "b", 1200L), ordered("a", 0.5, "b", 0.5));
        assertThat(r.chiSquare()).isCloseTo(18.181818181818183, relative(18.181818181818183, TOL));
        assertThat(r.pValue()).isCloseTo(2.0078656124264834e-05, relative(2.0078656124264834e-05, TOL));
        assertThat(r.mismatch()).isTrue();

        // R 4.2.2: chisq.test(c(5000, 2600, 2400), p = c(0.5, 0.25, 0.25)): 8, 0.018315638888734179
        SrmResult three = SampleRatioMismatch.check(ordered("c", 5000L, "t1", 2600L, "t2", 2400L),
                ordered("c", 0.5, "t1", 0.25, "t2", 0.25));
        assertThat(three.chiSquare()).isCloseTo(8, relative(8, TOL));
        assertThat(three.pValue()).isCloseTo(0.018315638888734179, relative(0.018315638888734179, TOL));
        assertThat(three.mismatch()).isFalse();
        assertThat(SampleRatioMismatch.THRESHOLD).isEqualTo(0.001);
    }

    @Test
    void aVariantWithAWeightButNoCountHasZeroUnits() {
        // R 4.2.2: chisq.test(c(100, 0), p = c(0.5, 0.5)): 100, 1.5239706048321054e-23
        SrmResult r = SampleRatioMismatch.check(Map.of("control", 100L), ordered("control", 0.5, "treatment", 0.5));
        assertThat(r.chiSquare()).isCloseTo(100, relative(100, TOL));
        assertThat(r.pValue()).isCloseTo(1.5239706048321054e-23, relative(1.5239706048321054e-23, TOL));
        assertThat(r.mismatch()).isTrue();
        assertThat(r.expectedShare()).containsExactly(Map.entry("control", 0.5), Map.entry("treatment", 0.5));
    }

    @Test
    void documentedConventions() {
        // No units at all: the test is undefined.
        SrmResult none = SampleRatioMismatch.check(ordered("a", 0L, "b", 0L), ordered("a", 0.5, "b", 0.5));
        assertThat(none.chiSquare()).isNaN();
        assertThat(none.pValue()).isNaN();
        assertThat(none.mismatch()).isFalse();

        // A variant planned at weight 0 that received units.
        SrmResult zeroWeight = SampleRatioMismatch.check(ordered("a", 10L, "b", 1L), ordered("a", 1.0, "b", 0.0));
        assertThat(zeroWeight.chiSquare()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(zeroWeight.pValue()).isZero();
        assertThat(zeroWeight.mismatch()).isTrue();

        // ... and one that received none is not a category of the test.
        SrmResult unused = SampleRatioMismatch.check(ordered("a", 10L, "b", 10L, "c", 0L),
                ordered("a", 0.5, "b", 0.5, "c", 0.0));
        assertThat(unused.chiSquare()).isZero();
        assertThat(unused.pValue()).isEqualTo(1.0);
    }

    @Test
    void expectedShareKeepsVariantOrderAndIsUnmodifiable() {
        Map<String, Double> weights = ordered("z", 0.2, "a", 0.3, "m", 0.5);
        SrmResult r = SampleRatioMismatch.check(ordered("z", 20L, "a", 30L, "m", 50L), weights);
        assertThat(r.expectedShare().keySet()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> r.expectedShare().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        weights.put("z", 0.9);
        assertThat(r.expectedShare().get("z")).isEqualTo(0.2);
    }

    @Test
    void badInputIsAOneLineErrorNamingTheProblem() {
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("control", 10L, "mystery", 5L),
                ordered("control", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variant 'mystery' has 5 units but no weight");
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("a", 10L, "b", 5L), ordered("a", 0.5, "b", 0.4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to 0.9")
                .hasMessageContaining("not 1");
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("a", 10L, "b", -5L), ordered("a", 0.5, "b", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variant 'b'")
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("a", 10L, "b", 5L), ordered("a", Double.NaN, "b", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variant 'a' has an invalid weight NaN");
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("a", 10L, "b", 5L), ordered("a", 1.5, "b", -0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variant 'b' has an invalid weight -0.5");
        assertThatThrownBy(() -> SampleRatioMismatch.check(ordered("a", 10L), ordered("a", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two variants");
        assertThatCode(() -> SampleRatioMismatch.check(ordered("a", 10L, "b", 5L), ordered("a", 0.5, "b", 0.5000001)))
                .as("within the 1e-6 tolerance").doesNotThrowAnyException();
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
