package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The input records added for cuped, delta_ratio, the quantile methods and rank tests. */
class InputRecordsTest {

    @Test
    void covariateMoments() {
        // R 4.2.2: y = c(1, 2, 4, 7), x = c(2, 2, 5, 6): cov(y, x) = 5.166666666666667
        CovariateMoments m = CovariateMoments.of(new double[] {1, 2, 4, 7}, new double[] {2, 2, 5, 6});
        assertThat(m.n()).isEqualTo(4);
        assertThat(m.sumProduct()).isEqualTo(2 + 4 + 20 + 42);
        assertThat(m.covariance()).isCloseTo(5.166666666666667, Relative.relative(5.166666666666667, 1e-15));
        assertThat(m.isFinite()).isTrue();
        assertThat(new CovariateMoments(Moments.of(1), Moments.of(1), Double.NaN).isFinite()).isFalse();
        assertThat(new CovariateMoments(new Moments(0, 0, 0), new Moments(0, 0, 0), 0).covariance()).isNaN();
        assertThatThrownBy(() -> new CovariateMoments(Moments.of(1, 2), Moments.of(1), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 units")
                .hasMessageContaining("covariate has 1");
        assertThatThrownBy(() -> new CovariateMoments(new Moments(0, 0, 0), new Moments(0, 0, 0), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CovariateMoments(null, Moments.of(1), 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ratioMoments() {
        // R 4.2.2: n = c(1, 0, 3), d = c(2, 1, 4): cov(n, d) = 2.3333333333333335, sum(n)/sum(d) = 4/7
        RatioMoments m = RatioMoments.of(new double[] {1, 0, 3}, new double[] {2, 1, 4});
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.sumProduct()).isEqualTo(14);
        assertThat(m.ratio()).isEqualTo(4.0 / 7);
        assertThat(m.covariance()).isCloseTo(2.3333333333333335, Relative.relative(2.3333333333333335, 1e-15));
        assertThatThrownBy(() -> new RatioMoments(Moments.of(1, 2), Moments.of(1), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denominator has 1");
    }

    @Test
    void quantileSampleTakesOwnershipAndValidatesOffsets() {
        double[] values = {5, 1, 2, 9};
        int[] offsets = {0, 2, 2, 4};
        QuantileSample s = new QuantileSample(0.5, values, offsets);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.units()).isEqualTo(3);
        assertThat(s.events()).isEqualTo(4);
        assertThat(s.values()).isSameAs(values);
        assertThat(s.unitOffsets()).isSameAs(offsets);
        assertThat(s.toString()).isEqualTo("QuantileSample[level=0.5, units=3, events=4]");
        assertThat(new QuantileSample(0.9, new double[0], new int[] {0}).n()).isZero();
        QuantileSample u = QuantileSample.ofUnits(0.9, new double[] {1, 2}, new double[0], new double[] {3});
        assertThat(u.values()).containsExactly(1, 2, 3);
        assertThat(u.unitOffsets()).containsExactly(0, 2, 2, 3);
        assertThat(QuantileSample.oneValuePerUnit(0.5, new double[] {4, 5}).unitOffsets()).containsExactly(0, 1, 2);

        assertThatThrownBy(() -> new QuantileSample(1, values, offsets)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new QuantileSample(0, values, offsets)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new QuantileSample(Double.NaN, values, offsets)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new QuantileSample(0.5, values, new int[0])).hasMessageContaining("units + 1");
        assertThatThrownBy(() -> new QuantileSample(0.5, values, new int[] {1, 4})).hasMessageContaining("start at 0");
        assertThatThrownBy(() -> new QuantileSample(0.5, values, new int[] {0, 3})).hasMessageContaining("end at");
        assertThatThrownBy(() -> new QuantileSample(0.5, values, new int[] {0, 3, 1, 4}))
                .hasMessageContaining("must not decrease");
    }

    @Test
    void unitValues() {
        double[] v = {1, 2, 3};
        UnitValues u = new UnitValues(v);
        assertThat(u.n()).isEqualTo(3);
        assertThat(u.values()).isSameAs(v);
        assertThat(u.toString()).isEqualTo("UnitValues[n=3]");
    }

    @Test
    void threeArgumentCompareDelegatesByDefault() {
        ComparisonMethod<Moments> welch = ComparisonMethods.byId("welch_t", Moments.class);
        Moments c = Moments.of(3.1, 4.7, 2.2, 5.9, 4.4, 3.8);
        Moments t = Moments.of(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4);
        assertThat(welch.compare(c, t, List.of(c, t, Moments.of(1, 2, 3)), ConfidenceLevel.DEFAULT)).isEqualTo(welch.compare(c, t));
    }
}
