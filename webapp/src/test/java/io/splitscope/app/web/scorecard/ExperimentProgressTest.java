package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExperimentProgressTest {

    @Test
    void aPlannedSampleMeasuresTheSmallestArmAgainstIt() {
        ExperimentProgress progress = new ExperimentProgress(12, 42, 7_500, 30_000L, 9);

        assertThat(progress.share()).isCloseTo(0.25, within(1e-12));
        assertThat(progress.text()).isEqualTo("Day 12 of 42. 7,500 of 30,000 units in the smallest arm (25 % of the planned"
                + " sample), about 9 days left at the last 7 days' intake.");
    }

    @Test
    void aReachedPlanIsFullAndSaysSo() {
        ExperimentProgress progress = new ExperimentProgress(40, 42, 31_000, 30_000L, null);

        assertThat(progress.share()).isEqualTo(1.0);
        assertThat(progress.text()).endsWith("31,000 of 30,000 units in the smallest arm (103.3 % of the planned sample):"
                + " the planned sample is reached.");
    }

    @Test
    void withoutAPlanTheShareIsThePeriodsAndTheTextSaysWhy() {
        ExperimentProgress progress = new ExperimentProgress(1, 29, 0, null, null);

        assertThat(progress.share()).isCloseTo(1.0 / 29, within(1e-12));
        assertThat(progress.text()).startsWith("Day 1 of 29. No planned sample: the experiment has no decision plan");
    }

    @Test
    void aDayOutsideThePeriodIsRefused() {
        assertThatThrownBy(() -> new ExperimentProgress(43, 42, 10, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("day 43 is outside the period's 42 days");
    }
}
