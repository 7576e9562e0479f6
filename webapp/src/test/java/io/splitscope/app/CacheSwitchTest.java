package io.splitscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The setting that switches the caches off: on unless it says off, anything else refused. */
class CacheSwitchTest {

    @Test
    void onUnlessTheSettingSaysOff() {
        assertThat(CacheSwitch.parse(null).on()).isTrue();
        assertThat(CacheSwitch.parse(" on ").on()).isTrue();
        assertThat(CacheSwitch.parse("off").on()).isFalse();
    }

    @Test
    void anyOtherValueIsRefusedInOneLine() {
        assertThatThrownBy(() -> CacheSwitch.parse("yes")).hasMessage("splitscope.cache must be on or off, not 'yes'");
    }
}
