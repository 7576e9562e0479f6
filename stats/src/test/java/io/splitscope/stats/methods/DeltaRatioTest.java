package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code delta_ratio} against the golden scorecards ({@link GoldenRows}) and R 4.2.2 on small
 * vectors (stats/src/test/r/reference-values.R, block {@code delta(...)}).
 */
class DeltaRatioTest {

    private final DeltaRatio delta = new DeltaRatio();

    static Stream<GoldenRows.GoldenRow<RatioMoments>> golden() {
        return GoldenRows.deltaRatio();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void reproducesEveryGoldenDeltaRatioRow(GoldenRows.GoldenRow<RatioMoments> row) {
        row.assertMatches(delta.compare(row.control(), row.treatment(), row.all(), ConfidenceLevel.DEFAULT));
    }

    @Test
    void smallVectorsAgainstR() {
        // R 4.2.2 delta("delta1", N_c = c(1, 0, 3, 2, 5), D_c = c(2, 1, 4, 3, 6),
        //                         N_t = c(2, 1, 4, 4, 3, 6), D_t = c(2, 2, 3, 5, 3, 5))
        ComparisonResult r = delta.compare(
                RatioMoments.of(new double[] {1, 0, 3, 2, 5}, new double[] {2, 1, 4, 3, 6}),
                RatioMoments.of(new double[] {2, 1, 4, 4, 3, 6}, new double[] {2, 2, 3, 5, 3, 5}));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        double tol = 1e-12;
        assertThat(r.controlValue()).isCloseTo(0.6875, relative(0.6875, tol));
        assertThat(r.treatmentValue()).isCloseTo(1.0, relative(1.0, tol));
        assertThat(r.absoluteEffect()).isCloseTo(0.3125, relative(0.3125, tol));
        assertThat(r.absoluteCi().low()).isCloseTo(0.041931320367529612, relative(0.041931320367529612, 1e-11));
        assertThat(r.absoluteCi().high()).isCloseTo(0.58306867963247044, relative(0.58306867963247044, tol));
        assertThat(r.relativeEffect()).isCloseTo(0.45454545454545453, relative(0.45454545454545453, tol));
        assertThat(r.relativeCi().low()).isCloseTo(-0.013298408637045067, relative(-0.013298408637045067, 1e-10));
        assertThat(r.relativeCi().high()).isCloseTo(0.92238931772795407, relative(0.92238931772795407, tol));
        assertThat(r.pValue()).isCloseTo(0.023592020866425412, relative(0.023592020866425412, 1e-11));
    }

    @Test
    void registered() {
        assertThat(ComparisonMethods.byId("delta_ratio", RatioMoments.class)).isInstanceOf(DeltaRatio.class);
    }

    @Test
    void degenerateDataGivesAStatus() {
        RatioMoments ok = RatioMoments.of(new double[] {1, 0, 3}, new double[] {2, 1, 4});
        RatioMoments empty = new RatioMoments(new Moments(0, 0, 0), new Moments(0, 0, 0), 0);
        RatioMoments zeroDenominator = RatioMoments.of(new double[] {0, 0}, new double[] {0, 0});
        RatioMoments one = RatioMoments.of(new double[] {1}, new double[] {2});
        RatioMoments nan = new RatioMoments(Moments.of(1, 2), Moments.of(1, 2), Double.POSITIVE_INFINITY);

        assertThat(delta.compare(empty, ok).status()).isEqualTo(ResultStatus.EMPTY_ARM);
        ComparisonResult r = delta.compare(ok, zeroDenominator);
        assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(r.reason()).contains("denominator of the treatment sums to 0");
        assertThat(r.controlValue()).isEqualTo(4.0 / 7);
        assertThat(delta.compare(one, ok).status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(delta.compare(ok, nan).status()).isEqualTo(ResultStatus.NON_FINITE);

        // every unit has ratio 1/2 in both variants
        RatioMoments half = RatioMoments.of(new double[] {1, 2, 3}, new double[] {2, 4, 6});
        RatioMoments half2 = RatioMoments.of(new double[] {1, 5}, new double[] {2, 10});
        r = delta.compare(half, half2);
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(r.absoluteEffect()).isEqualTo(0.0);

        RatioMoments zeroNumerator = RatioMoments.of(new double[] {0, 0, 0}, new double[] {1, 2, 3});
        r = delta.compare(zeroNumerator, ok);
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.relativeEffect()).isNull();
        assertThat(r.pValue()).isNotNull();
    }
}
