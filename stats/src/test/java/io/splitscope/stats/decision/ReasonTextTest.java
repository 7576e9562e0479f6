package io.splitscope.stats.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.Interval;
import org.junit.jupiter.api.Test;

/** The numbers of the reason lines: signs, rounding, decimals from the interval's width. */
class ReasonTextTest {

    @Test
    void aNumberThatRoundsToZeroHasNoSign() {
        assertThat(ReasonText.number(-0.04, 1)).isEqualTo("0.0");
        assertThat(ReasonText.number(-0.0, 1)).isEqualTo("0.0");
        assertThat(ReasonText.number(0.04, 1)).isEqualTo("0.0");
        assertThat(ReasonText.number(-0.05001, 1)).isEqualTo("−0.1");
        assertThat(ReasonText.number(2.06, 1)).isEqualTo("+2.1");
        assertThat(ReasonText.number(-1234.5, 0)).isEqualTo("−1234");
    }

    @Test
    void twoSignificantDigitsOfTheWidth() {
        // the example of spec/decisions.md
        assertThat(ReasonText.effect(0.021, new Interval(0.004, 0.038), true)).isEqualTo("+2.1 % [+0.4, +3.8]");
        // a narrow interval keeps its digits rather than showing [0.0, +0.1]
        assertThat(ReasonText.effect(0.0003, new Interval(-0.0001, 0.0007), true)).isEqualTo("+0.030 % [−0.010, +0.070]");
        // absolute effects: no decimals for a wide interval, and no "−0"
        assertThat(ReasonText.effect(210, new Interval(-40, 460), false)).isEqualTo("+210 [−40, +460]");
        assertThat(ReasonText.effect(-0.2, new Interval(-0.4, 0.01), false)).isEqualTo("−0.20 [−0.40, +0.01]");
        // a zero-width interval takes its digits from the magnitude
        assertThat(ReasonText.effect(0.5, new Interval(0.5, 0.5), false)).isEqualTo("+0.50 [+0.50, +0.50]");
    }

    @Test
    void marginsLevelsAndDays() {
        assertThat(ReasonText.margin(Margin.parse("+10%"))).isEqualTo("+10 %");
        assertThat(ReasonText.margin(Margin.parse("-1.5%"))).isEqualTo("−1.5 %");
        assertThat(ReasonText.margin(Margin.parse("-0.5"))).isEqualTo("−0.5");
        assertThat(ReasonText.level(1)).isEqualTo("α");
        assertThat(ReasonText.level(6)).isEqualTo("α/6");
        assertThat(ReasonText.daysLeft(1, 2.5, 40)).isEqualTo("about 1 day left at ~2.5 units a day (planned sample 40 per variant)");
        assertThat(ReasonText.daysLeft(12, 1234.4, 20000))
                .isEqualTo("about 12 days left at ~1234 units a day (planned sample 20000 per variant)");
    }
}
