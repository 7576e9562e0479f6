package io.splitscope.metrics.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveredExperimentsTest {

    @Test
    void aKeyThatIsAnIdIsItsOwnId() {
        assertThat(DiscoveredExperiments.idOf("checkout-redesign-2026", new HashSet<>())).isEqualTo("checkout-redesign-2026");
    }

    @Test
    void aKeyThatIsNotAnIdGetsOneInsteadOfBeingDropped() {
        Set<String> taken = new HashSet<>(Set.of("checkout_v2"));

        assertThat(DiscoveredExperiments.idOf("Checkout v2 (EU) ✓", new HashSet<>())).isEqualTo("Checkout_v2_EU_");
        assertThat(DiscoveredExperiments.idOf("checkout v2", taken)).isEqualTo("checkout_v2_2");
        assertThat(DiscoveredExperiments.idOf("checkout  v2", taken)).isEqualTo("checkout_v2_3");
        assertThat(DiscoveredExperiments.idOf("✓", new HashSet<>())).isEqualTo("_");
        assertThat(DiscoveredExperiments.idOf("x".repeat(80) + " y", new HashSet<>())).hasSize(60);
    }
}
