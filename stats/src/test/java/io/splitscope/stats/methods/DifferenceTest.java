package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import org.junit.jupiter.api.Test;

class DifferenceTest {

    @Test
    void meansAndTheirStandardErrors() {
        // means 2 and 4; sample variances 2/3 and 8/3 over 4 units each
        Difference means = Difference.ofMeans(Moments.of(1, 2, 2, 3), Moments.of(2, 4, 4, 6));
        assertThat(means.d()).isEqualTo(2.0);
        assertThat(means.controlVariance()).isEqualTo(2.0 / 3 / 4);
        assertThat(means.treatmentVariance()).isEqualTo(8.0 / 3 / 4);

        Difference diff = new Difference(2, 4, 0.25, 1);
        assertThat(diff.se()).isEqualTo(Math.sqrt(1.25));
        assertThat(diff.relative()).isEqualTo(1.0);
        // √(1 + 2² · 0.25) / 2
        assertThat(diff.relativeSe()).isEqualTo(Math.sqrt(2) / 2);
    }

    @Test
    void theRelativeEffectOrWhyThereIsNone() {
        Difference diff = new Difference(2, 3, 0.25, 0.25);
        Interval absolute = new Interval(0, 2);
        Interval relative = new Interval(0, 1);

        ComparisonResult ok = diff.withRelative(diff.absolute(absolute).pValue(0.04), relative, "control mean", "Overflow.");
        assertThat(ok.status()).isEqualTo(ResultStatus.OK);
        assertThat(ok.relativeEffect()).isEqualTo(0.5);
        assertThat(ok.relativeCi()).isEqualTo(relative);
        assertThat(ok.absoluteEffect()).isEqualTo(1.0);

        ComparisonResult overflow = diff.withRelative(diff.absolute(absolute).pValue(0.04), null, "control mean", "Overflow.");
        assertThat(overflow.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(overflow.reason()).isEqualTo("Overflow.");
        assertThat(overflow.absoluteCi()).isEqualTo(absolute);
        assertThat(overflow.relativeEffect()).isNull();

        Difference zero = new Difference(0, 3, 0.25, 0.25);
        ComparisonResult baseline = zero.withRelative(zero.absolute(new Interval(2, 4)).pValue(0.01), null, "control ratio", "Overflow.");
        assertThat(baseline.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(baseline.reason()).isEqualTo("The control ratio is 0, so there is no relative effect.");
        assertThat(baseline.pValue()).isEqualTo(0.01);
    }
}
