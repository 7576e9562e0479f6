package io.splitscope.stats.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarginTest {

    @Test
    void readsSignedPercentagesAsRelativeFractions() {
        assertThat(Margin.parse("-1%")).isEqualTo(new Margin(-0.01, true));
        assertThat(Margin.parse(" +10 % ")).isEqualTo(new Margin(0.10, true));
        assertThat(Margin.parse("2.5%")).isEqualTo(new Margin(0.025, true));
    }

    @Test
    void readsNumbersAsAbsoluteChanges() {
        assertThat(Margin.parse("-3")).isEqualTo(new Margin(-3, false));
        assertThat(Margin.parse("0.5")).isEqualTo(new Margin(0.5, false));
        assertThat(Margin.parse("-1e-3")).isEqualTo(new Margin(-0.001, false));
    }

    @Test
    void writesWhatItReads() {
        for (String text : new String[] {"-1%", "+10%", "+2.5%", "-3", "+0.5"}) {
            assertThat(Margin.parse(text).text()).isEqualTo(text);
        }
        assertThat(Margin.parse("-1%").allowsDecrease()).isTrue();
        assertThat(Margin.parse("+10%").allowsDecrease()).isFalse();
    }

    @Test
    void refusesWhatIsNotAMargin() {
        assertThatThrownBy(() -> Margin.parse("five percent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a margin is a signed percentage such as \"-1%\" or \"+10%\", or a number, got 'five percent'");
        assertThatThrownBy(() -> Margin.parse("--1%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Margin(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupSequentialDesignsNeedLooksAndSpending() {
        assertThat(Design.groupSequential(5, Design.Spending.POCOCK).looks()).isEqualTo(5);
        assertThatThrownBy(() -> Design.groupSequential(1, Design.Spending.POCOCK))
                .hasMessageContaining("2 or more looks");
        assertThatThrownBy(() -> new Design(Design.Kind.FIXED, 3, null))
                .hasMessage("a fixed design has one look and no spending function");
    }
}
