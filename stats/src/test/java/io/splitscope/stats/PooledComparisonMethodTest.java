package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PooledComparisonMethodTest {

    /** Gives the positions of the two variants compared as its values, and the number pooled as its effect. */
    private record Positions(String id, String title, Class<Moments> inputType)
            implements PooledComparisonMethod<Moments> {

        @Override
        public ComparisonResult comparePooled(List<Moments> allVariants, int control, int treatment,
                ConfidenceLevel level) {
            return ComparisonResult.builder().values((double) control, (double) treatment)
                    .absolute((double) allVariants.size(), null).withStatus(ResultStatus.TOO_FEW_UNITS, "Test.");
        }
    }

    private final Positions method = new Positions("positions", "Positions", Moments.class);
    private final Moments a = Moments.of(1, 2);
    private final Moments b = Moments.of(3, 4);
    private final Moments c = Moments.of(5, 6);

    @Test
    void findsTheComparedVariantsAmongAll() {
        ComparisonResult r = method.compare(b, a, List.of(c, a, b), ConfidenceLevel.DEFAULT);

        assertThat(r.controlValue()).isEqualTo(2.0);
        assertThat(r.treatmentValue()).isEqualTo(1.0);
        assertThat(r.absoluteEffect()).isEqualTo(3.0);
    }

    @Test
    void twoVariantsAloneAreTheWholeAnalysis() {
        ComparisonResult r = method.compare(a, b);

        assertThat(r.controlValue()).isEqualTo(0.0);
        assertThat(r.treatmentValue()).isEqualTo(1.0);
        assertThat(r.absoluteEffect()).isEqualTo(2.0);
    }

    @Test
    void badArgumentsThrow() {
        assertThatThrownBy(() -> method.compare(a, b, List.of(a, c), ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allVariants must contain the control and the treatment (it is every variant of the analysis)");
        assertThatThrownBy(() -> method.compare(a, b, null, ConfidenceLevel.DEFAULT))
                .isInstanceOf(NullPointerException.class).hasMessage("allVariants");
        assertThatThrownBy(() -> method.compare(null, b)).isInstanceOf(NullPointerException.class).hasMessage("control");
        assertThatThrownBy(() -> method.compare(a, b, (ConfidenceLevel) null))
                .isInstanceOf(NullPointerException.class).hasMessage("level");
    }
}
