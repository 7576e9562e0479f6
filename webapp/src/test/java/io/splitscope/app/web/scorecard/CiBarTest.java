package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiBarTest {

    @Test
    void theScaleHoldsMostIntervalsAndCutsTheWidest() {
        // exp_price's rows: one very wide interval (cancel rate, +109 %) must not squash the others
        List<Double> widest = Arrays.asList(0.204, 0.184, 0.203, 0.261, 0.921, 1.092, 0.23, 0.294, 0.042, 0.062, 0.094,
                0.111, 0.165, 0.158, 0.156, 0.119, 0.079, 0.106);
        assertThat(CiBar.scaleFor(widest)).isEqualTo(0.4); // 16 of 18 rows fit: the 16th widest is 0.294, with room 0.309
    }

    @Test
    void theScaleIsANiceNumberWithRoom() {
        assertThat(CiBar.scaleFor(List.of(0.0475))).isEqualTo(0.05);
        assertThat(CiBar.scaleFor(List.of(0.048))).isEqualTo(0.1);
        assertThat(CiBar.scaleFor(List.of(7.0))).isEqualTo(1.0);
        assertThat(CiBar.scaleFor(Arrays.asList(null, Double.NaN))).isEqualTo(0.005);
    }

    @Test
    void positionsAreClampedToTheBar() {
        assertThat(CiBar.position(0, 0.2)).isEqualTo(50);
        assertThat(CiBar.position(0.1, 0.2)).isEqualTo(75);
        assertThat(CiBar.position(-0.2, 0.2)).isEqualTo(0);
        assertThat(CiBar.position(0.9, 0.2)).isEqualTo(100);
    }
}
