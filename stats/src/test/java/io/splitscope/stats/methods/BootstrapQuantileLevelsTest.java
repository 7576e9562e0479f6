package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.QuantileSample;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's shortcuts give exactly what the plain computation gives:
 * {@code BootstrapQuantile.compareLevels} (several percentiles of the same events, drawn once per
 * replicate) what comparing level by level gives, with a band and without; and the bucketed draws
 * of many units the counts of adding the same draws one by one.
 */
class BootstrapQuantileLevelsTest {

    private final BootstrapQuantile bootstrap = new BootstrapQuantile();

    @Test
    void givesExactlyWhatComparingLevelByLevelGives() {
        // the golden events: small samples, the band is the whole sample
        QuantileSample c50 = GoldenEvents.sample("exp_autoplay", "control", 0.5);
        QuantileSample t50 = GoldenEvents.sample("exp_autoplay", "previews", 0.5);
        QuantileSample c90 = new QuantileSample(0.9, c50.values(), c50.unitOffsets());
        QuantileSample t90 = new QuantileSample(0.9, t50.values(), t50.unitOffsets());

        List<ComparisonResult> together = bootstrap.compareLevels(List.of(c50, c90), List.of(t50, t90), ConfidenceLevel.DEFAULT);

        assertThat(together).containsExactly(bootstrap.compare(c50, t50), bootstrap.compare(c90, t90));
    }

    @Test
    void givesExactlyWhatComparingLevelByLevelGivesWithBands() {
        // 60,000 units with ~5 events each: beyond FULL_BAND_EVENTS, each level resamples a band
        QuantileSample c = clustered(30_000, 1, 0.5);
        QuantileSample t = clustered(30_000, 2, 0.5);
        QuantileSample c99 = new QuantileSample(0.99, c.values(), c.unitOffsets());
        QuantileSample t99 = new QuantileSample(0.99, t.values(), t.unitOffsets());

        List<ComparisonResult> together = bootstrap.compareLevels(List.of(c, c99), List.of(t, t99), ConfidenceLevel.DEFAULT);

        assertThat(together).containsExactly(bootstrap.compare(c, t), bootstrap.compare(c99, t99));
    }

    @Test
    void refusesSamplesOfDifferentEvents() {
        QuantileSample c = clustered(100, 1, 0.5);
        QuantileSample t = clustered(100, 2, 0.5);
        QuantileSample other = clustered(100, 3, 0.9);

        assertThatThrownBy(() -> bootstrap.compareLevels(List.of(c, other), List.of(t, t), ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bootstrap.compareLevels(List.of(c), List.of(), ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsBucketedDrawsToExactlyTheCountsOfAddingThemOneByOne() {
        int n = BootstrapQuantile.DRAW_BLOCK + 12_345; // bucketed, in two blocks
        int[] bucketed = new int[n];
        BootstrapQuantile.Resampler.draw(new SplittableRandom(7), bucketed);

        int[] plain = new int[n];
        SplittableRandom random = new SplittableRandom(7);
        long threshold = ((1L << 32) - n) % n;
        for (int i = 0; i < n; i++) {
            plain[BootstrapQuantile.uniformIndex(random, n, threshold)]++;
        }
        assertThat(bucketed).isEqualTo(plain);
        assertThat(java.util.Arrays.stream(bucketed).sum()).isEqualTo(n);
    }

    /** Units with 0 to 10 log-normal values around a unit level (seeded). */
    private static QuantileSample clustered(int units, long seed, double level) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] offsets = new int[units + 1];
        double[] values = new double[units * 10];
        int at = 0;
        for (int u = 0; u < units; u++) {
            int k = random.nextInt(11);
            double unitLevel = 6.5 + 0.3 * random.nextGaussian();
            for (int i = 0; i < k; i++) {
                values[at++] = Math.rint(10 * Math.exp(unitLevel + 0.5 * random.nextGaussian())) / 10;
            }
            offsets[u + 1] = at;
        }
        return new QuantileSample(level, java.util.Arrays.copyOf(values, at), offsets);
    }
}
