package io.splitscope.sql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The campaign's seed and scale, from the system properties' texts, and the tries it makes. */
class CampaignTest {

    @Test
    void withoutPropertiesItIsTheCampaignOfCi() {
        assertThat(Campaign.parse(null, null)).isEqualTo(new Campaign(14, 1));
    }

    @Test
    void readsTheSeedAndTheScale() {
        assertThat(Campaign.parse("-7", " 3 ")).isEqualTo(new Campaign(-7, 3));
        assertThat(Campaign.parse(null, "10000")).isEqualTo(new Campaign(14, 10_000));
    }

    @Test
    void aSeedOrScaleThatIsNoWholeNumberIsNamed() {
        assertThatThrownBy(() -> Campaign.parse("1.5", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitscope.fuzz.seed must be a whole number, not '1.5'");
        assertThatThrownBy(() -> Campaign.parse(null, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitscope.fuzz.scale must be a whole number, not ''");
    }

    @Test
    void aScaleOutOfRangeIsNamed() {
        assertThatThrownBy(() -> Campaign.parse(null, "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitscope.fuzz.scale must be from 1 to 10000, not 0");
        assertThatThrownBy(() -> Campaign.parse(null, "99999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitscope.fuzz.scale must be from 1 to 10000, not 99999999999");
        assertThatThrownBy(() -> new Campaign(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitscope.fuzz.scale must be from 1 to 10000, not -1");
    }

    @Test
    void makesTheScaledTriesFromTheSeedAlike() {
        List<Integer> first = draws(new Campaign(5, 3));
        assertThat(first).hasSize(12);
        assertThat(draws(new Campaign(5, 3))).isEqualTo(first);
        assertThat(draws(new Campaign(6, 3))).isNotEqualTo(first);
    }

    private static List<Integer> draws(Campaign campaign) {
        List<Integer> drawn = new ArrayList<>();
        campaign.tries(4).forAll(SourceDSL.integers().all()).checkAssert(drawn::add);
        return drawn;
    }
}
