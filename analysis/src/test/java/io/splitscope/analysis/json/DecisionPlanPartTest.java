package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The percentages of a decision plan's project-file form (its round trip: DecisionPlanKeysTest). */
class DecisionPlanPartTest {

    @Test
    void readsAndWritesPercentages() {
        assertThat(DecisionPlanPart.percent(0.05)).isEqualTo("5%");
        assertThat(DecisionPlanPart.percent(0.125)).isEqualTo("12.5%");
        assertThat(DecisionPlanPart.parsePercent(" 7.5 %")).isEqualTo(0.075);
        assertThatThrownBy(() -> DecisionPlanPart.parsePercent("0.05")).hasMessage(
                "a relative effect is a percentage such as \"5%\", got '0.05'");
        assertThatThrownBy(() -> DecisionPlanPart.parsePercent("five%")).hasMessage(
                "a relative effect is a percentage such as \"5%\", got 'five%'");
    }
}
