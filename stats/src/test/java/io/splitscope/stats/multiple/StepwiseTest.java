package io.splitscope.stats.multiple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepwiseTest {

    @Test
    void walksInTheGivenOrderAndPutsEachBackAtItsIndex() {
        // decreasing p: 0.4 (k = 0), 0.2 (k = 1), 0.1 (k = 2); a running sum capped at 1
        List<Double> p = Arrays.asList(0.2, null, 0.4, 0.1);

        List<Double> walked = Stepwise.walk(p, Comparator.comparingDouble((Integer i) -> p.get(i)).reversed(), 0,
                (running, m, k, value) -> running + value);

        assertThat(walked).containsExactly(0.6000000000000001, null, 0.4, 0.7000000000000001);
    }

    @Test
    void givesMAndTheStepToEachPValue() {
        List<Double> walked = Stepwise.walk(List.of(0.5, 0.1), Comparator.naturalOrder(), 0,
                (running, m, k, value) -> 10 * m + k);

        assertThat(walked).containsExactly(1.0, 1.0);
        assertThat(Stepwise.walk(List.of(0.25, 0.5), Comparator.naturalOrder(), 0,
                (running, m, k, value) -> k * 0.5 + m * value)).containsExactly(0.5, 1.0);
    }

    @Test
    void badPValuesThrow() {
        assertThatThrownBy(() -> Stepwise.walk(Arrays.asList(0.1, Double.NaN), Comparator.naturalOrder(), 0,
                (running, m, k, value) -> value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p-value at index 1 must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Stepwise.walk(null, Comparator.naturalOrder(), 0, (running, m, k, value) -> value))
                .isInstanceOf(NullPointerException.class);
    }
}
