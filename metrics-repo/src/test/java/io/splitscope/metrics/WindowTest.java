package io.splitscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Windows in whole hours: days, hours, retention days, and the texts the scorecard shows. */
class WindowTest {

    @Test
    void aRetentionDayIsADelayedWindowOfOneDay() {
        Window day7 = Window.between(Duration.ofDays(7), Duration.ofDays(8));

        assertThat(day7).isEqualTo(Window.days(1).delayedBy(7));
        assertThat(day7.delayHours()).isEqualTo(168);
        assertThat(day7.endHours()).isEqualTo(192);
        assertThat(day7.endDays()).isEqualTo(8);
        assertThat(day7.wholeDays()).isTrue();
        assertThat(day7.shortText()).isEqualTo("1 d after 7 d");
    }

    @Test
    void aConversionWindowMayBeHours() {
        Window within = Window.hours(36);

        assertThat(within.endHours()).isEqualTo(36);
        assertThat(within.endDays()).isEqualTo(2); // rounded up: the days a unit needs before it is complete
        assertThat(within.wholeDays()).isFalse();
        assertThat(within.shortText()).isEqualTo("36 h");
        assertThat(Window.words(within.length())).isEqualTo("36 hours");
        assertThat(Window.words(Duration.ofDays(1))).isEqualTo("1 day");
    }

    @Test
    void refusesWindowsThatCannotBe() {
        assertThatThrownBy(() -> Window.hours(0)).hasMessage("a metric window must be at least 1 hour long, not 0");
        assertThatThrownBy(() -> new Window(Duration.ofMinutes(90), Duration.ZERO))
                .hasMessage("a metric window is a whole number of hours, at least 1, not PT1H30M");
        assertThatThrownBy(() -> new Window(Duration.ofHours(1), Duration.ofHours(-2)))
                .hasMessage("a metric window's delay is a whole number of hours, not negative: PT-2H");
        assertThatThrownBy(() -> Window.between(Duration.ofDays(8), Duration.ofDays(7)))
                .hasMessage("a window's end 7 d is not after its start 8 d");
    }
}
