package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitValues;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code mann_whitney} against R 4.2.2 (stats/src/test/r/reference-values.R, blocks {@code mw(...)}:
 * {@code wilcox.test(trt, ctl, exact = FALSE, correct = TRUE)}, {@code median(outer(trt, ctl, "-"))},
 * and the exact-branch interval {@code wilcox.test(..., exact = TRUE, conf.int = TRUE)}).
 */
class MannWhitneyTest {

    private final MannWhitney mw = new MannWhitney();

    private static void check(ComparisonResult r, double mc, double mt, double hl, double p) {
        assertThat(r.controlValue()).isEqualTo(mc);
        assertThat(r.treatmentValue()).isEqualTo(mt);
        assertThat(r.absoluteEffect()).isEqualTo(hl);
        assertThat(r.pValue()).isCloseTo(p, relative(p, 1e-12));
        assertThat(r.relativeCi()).isNull();
    }

    @Test
    void withTies() {
        // R: mw("mw-ties", ...): W = 61, p = 0.017617235479249715, HL = 3, medians 5, 7.5
        ComparisonResult r = mw.compare(UnitValues.of(3, 5, 5, 7, 2, 9, 4, 4, 6), UnitValues.of(6, 8, 5, 9, 10, 7, 7, 12));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        check(r, 5, 7.5, 3, 0.017617235479249715);
        assertThat(r.relativeEffect()).isEqualTo(3.0 / 5);
        assertThat(MannWhitney.rankSum(sorted(3, 5, 5, 7, 2, 9, 4, 4, 6), sorted(6, 8, 5, 9, 10, 7, 7, 12)).w())
                .isEqualTo(61);
    }

    @Test
    void withoutTiesAndTheExactBranchInterval() {
        double[] c = {1.1, 2.3, 0.7, 3.9, 2.8, 1.6, 4.4, 0.2, 3.1, 2.0};
        double[] t = {2.5, 3.3, 4.8, 1.9, 5.6, 3.7, 4.1, 6.2, 2.9, 5.0, 3.45};
        // R: mw("mw-noties"): W = 90, p = 0.015123134403066864, HL = 1.75, medians 2.15, 3.7
        ComparisonResult r = mw.compare(new UnitValues(c), new UnitValues(t));
        check(r, 2.1499999999999999, 3.7000000000000002, 1.75, 0.015123134403066864);
        // R: wilcox.test(t, c, exact = TRUE, conf.int = TRUE)$conf.int = [0.39999999999999947, 3.0999999999999996]
        // (qwilcox(0.025, 11, 10) = 27, which the normal approximation of the rank reproduces here)
        assertThat(r.absoluteCi().low()).isEqualTo(0.39999999999999947);
        assertThat(r.absoluteCi().high()).isEqualTo(3.0999999999999996);
        assertThat(c).containsExactly(1.1, 2.3, 0.7, 3.9, 2.8, 1.6, 4.4, 0.2, 3.1, 2.0); // inputs untouched
    }

    @Test
    void negativeShift() {
        // R: mw("mw-neg"): W = 4.5, p = 0.06601543152123103, HL = -3, medians -1, -3.5
        ComparisonResult r = mw.compare(UnitValues.of(-1, -3, 0, 2, -2), UnitValues.of(-4, -1, -5, -3, -2, -6));
        check(r, -1, -3.5, -3, 0.06601543152123103);
    }

    @Test
    void kthDifferenceMatchesSortingAllDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] c = new double[1 + random.nextInt(30)];
            double[] t = new double[1 + random.nextInt(30)];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextInt(20) * 0.3 - 2;
            }
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextGaussian() * 3;
            }
            Arrays.sort(c);
            Arrays.sort(t);
            double[] all = new double[c.length * t.length];
            int at = 0;
            for (double tj : t) {
                for (double ci : c) {
                    all[at++] = tj - ci;
                }
            }
            Arrays.sort(all);
            for (int k = 1; k <= all.length; k += 1 + all.length / 7) {
                assertThat(MannWhitney.kthDifference(c, t, k)).isEqualTo(all[k - 1] + 0.0);
            }
        }
    }

    @Test
    void registeredAndDegenerate() {
        assertThat(ComparisonMethods.byId("mann_whitney", UnitValues.class)).isInstanceOf(MannWhitney.class);
        assertThat(mw.compare(UnitValues.of(), UnitValues.of(1, 2)).status()).isEqualTo(ResultStatus.EMPTY_ARM);
        assertThat(mw.compare(UnitValues.of(1), UnitValues.of(1, 2)).status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(mw.compare(UnitValues.of(1, Double.NaN), UnitValues.of(1, 2)).status())
                .isEqualTo(ResultStatus.NON_FINITE);
        ComparisonResult r = mw.compare(UnitValues.of(4, 4, 4), UnitValues.of(4, 4));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(r.absoluteEffect()).isEqualTo(0.0);
        r = mw.compare(UnitValues.of(-1, 0, 1), UnitValues.of(2, 3));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.pValue()).isNotNull();
    }

    @Test
    void aRelativeEffectBeyondTheRangeOfADoubleIsNonFiniteNotAnException() {
        // found by MannWhitneyFuzzTest: shift = median of {-0.01, 0, 1.8e306, 1.8e306} = 9e305 over the
        // control median 0.005 is 1.8e308 > Double.MAX_VALUE; it threw "relativeEffect must be finite"
        ComparisonResult r = mw.compare(UnitValues.of(0.0, 0.01), UnitValues.of(0.0, 1.8e306));
        assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(r.reason()).startsWith("The relative effect overflowed");
        assertThat(r.absoluteEffect()).isEqualTo(9e305);
        assertThat(r.relativeEffect()).isNull();
        assertThat(r.pValue()).isNotNull();
    }

    @Test
    void differencesBeyondTheRangeOfADoubleAreNonFiniteNotAnException() {
        // found by MannWhitneyFuzzTest: 1.7e308 − (−1e308) overflows, so Moses's interval (k = 1: the
        // smallest and largest differences) is infinite; it threw "interval bounds must be finite".
        // The shift, the median of {−∞, −7e307, 7e307, ∞}, is 0.
        ComparisonResult r = mw.compare(UnitValues.of(-1e308, 1e308), UnitValues.of(-1.7e308, 1.7e308));
        assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(r.reason()).startsWith("Differences between the treatment's and the control's values overflow a double");
        assertThat(r.absoluteEffect()).isEqualTo(0.0);
        assertThat(r.absoluteCi()).isNull();
    }

    private static double[] sorted(double... v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
