package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code welch_t} against R 4.2.2. The R code of every expected value is in
 * stats/src/test/r/reference-values.R ("welch(...)" blocks: {@code t.test(trt, ctl)} for means,
 * effect, df, p-value and absolute CI; the relative CI by the formula of spec/metrics.md,
 * {@code r ± qt(0.975, df) · se_r}) and stats/src/test/r/golden-sums.R.
 */
class WelchTTest {

    private final WelchT welch = new WelchT();

    /** Every value of an OK result, relative tolerance {@code tol}. */
    private static void assertOk(ComparisonResult r, double tol, double controlValue, double treatmentValue,
            double effect, double ciLow, double ciHigh, double relative, double relLow, double relHigh, double p) {
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        assertThat(r.reason()).isNull();
        assertThat(r.controlValue()).isCloseTo(controlValue, relative(controlValue, tol));
        assertThat(r.treatmentValue()).isCloseTo(treatmentValue, relative(treatmentValue, tol));
        assertThat(r.absoluteEffect()).isCloseTo(effect, relative(effect, tol));
        assertThat(r.absoluteCi().low()).isCloseTo(ciLow, relative(ciLow, tol));
        assertThat(r.absoluteCi().high()).isCloseTo(ciHigh, relative(ciHigh, tol));
        assertThat(r.relativeEffect()).isCloseTo(relative, relative(relative, tol));
        assertThat(r.relativeCi().low()).isCloseTo(relLow, relative(relLow, tol));
        assertThat(r.relativeCi().high()).isCloseTo(relHigh, relative(relHigh, tol));
        assertThat(r.pValue()).isCloseTo(p, relative(p, tol));
    }

    @Test
    void identity() {
        assertThat(welch.id()).isEqualTo("welch_t");
        assertThat(welch.title()).isEqualTo("Welch's t-test");
        assertThat(welch.inputType()).isEqualTo(Moments.class);
    }

    /** Small vectors; tolerance relative 1e-12 (the sums are exact to a few ulps). */
    @Nested
    class AgainstRTTest {

        @Test
        void otherConfidenceLevels() {
            // R 4.2.2: x <- c(3.1, 2.4, 5.6, 4.4, 3.9, 2.2, 6.1, 4.8); y <- c(4.2, 5.1, 3.3, 6.6, 5.9, 4.7, 7.2)
            //          t.test(y, x, conf.level = 0.90)$conf.int, t.test(y, x, conf.level = 0.99)$conf.int;
            //          p = 0.11534549059399279 at every level
            Moments x = Moments.of(3.1, 2.4, 5.6, 4.4, 3.9, 2.2, 6.1, 4.8);
            Moments y = Moments.of(4.2, 5.1, 3.3, 6.6, 5.9, 4.7, 7.2);
            ComparisonResult at90 = welch.compare(x, y, ConfidenceLevel.parse("90"));
            ComparisonResult at99 = welch.compare(x, y, ConfidenceLevel.parse("99"));
            assertThat(at90.absoluteCi().low()).isCloseTo(-0.06056844334379697, relative(0.06056844334379697, 1e-12));
            assertThat(at90.absoluteCi().high()).isCloseTo(2.50699701477236792, relative(2.50699701477236792, 1e-12));
            assertThat(at99.absoluteCi().low()).isCloseTo(-0.96240175547201989, relative(0.96240175547201989, 1e-12));
            assertThat(at99.absoluteCi().high()).isCloseTo(3.40883032690059107, relative(3.40883032690059107, 1e-12));
            assertThat(at90.pValue()).isCloseTo(0.11534549059399279, relative(0.11534549059399279, 1e-12));
            assertThat(at99.pValue()).isEqualTo(at90.pValue());
        }

        @Test
        void smallSamples() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8),
            //          trt = c(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4); df = 9.4372197043192028
            ComparisonResult r = welch.compare(Moments.of(3.1, 4.7, 2.2, 5.9, 4.4, 3.8),
                    Moments.of(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4));
            assertOk(r, 1e-12, 4.0166666666666666, 5.7571428571428571, 1.7404761904761905,
                    0.27875626073449333, 3.2021961202178879,
                    0.43331357439241258, -0.040181810033877829, 0.90680895881870294,
                    0.024437314017439201);
        }

        @Test
        void unequalVariancesAndSizes() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(10, 12, 9, 11, 14, 8, 10, 13),
            //          trt = c(15, 3, 22, 9, 18); df = 4.3694930762279673
            ComparisonResult r = welch.compare(Moments.of(10, 12, 9, 11, 14, 8, 10, 13),
                    Moments.of(15, 3, 22, 9, 18));
            assertOk(r, 1e-12, 10.875, 13.4, 2.5250000000000004,
                    -6.6930650286145807, 11.743065028614581,
                    0.23218390804597705, -0.62501847045245174, 1.0893862865444057,
                    0.4993996345408383);
        }

        @Test
        void negativeControlMean() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(-2.5, -3.1, -1.8, -2.9, -2.2),
            //          trt = c(-1.9, -2.4, -1.1, -2.0, -1.6, -2.8); df = 8.9489190873490401
            ComparisonResult r = welch.compare(Moments.of(-2.5, -3.1, -1.8, -2.9, -2.2),
                    Moments.of(-1.9, -2.4, -1.1, -2.0, -1.6, -2.8));
            assertOk(r, 1e-12, -2.5, -1.9666666666666666, 0.53333333333333344,
                    -0.23149638494654468, 1.2981630516132117,
                    -0.21333333333333337, -0.48973872480066188, 0.063072058133995135,
                    0.14902431102871022);
        }

        @Test
        void oneArmWithZeroVarianceIsFine() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(2, 2, 2, 2), trt = c(1, 3, 4, 2, 5); df = 4
            ComparisonResult r = welch.compare(Moments.of(2, 2, 2, 2), Moments.of(1, 3, 4, 2, 5));
            assertOk(r, 1e-12, 2, 3, 1,
                    -0.96324316147755717, 2.963243161477557,
                    0.5, -0.48162158073877859, 1.4816215807387785,
                    0.23019964108049878);
        }

        @Test
        void proportionFromCounts() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(rep(1, 120), rep(0, 880)),
            //          trt = c(rep(1, 150), rep(0, 850)); df = 1980.5183447225058.
            // Tolerance 1e-11: the CI's low end 4.27e-5 is a difference of two numbers ~0.03.
            ComparisonResult r = welch.compare(new Moments(1000, 120, 120), new Moments(1000, 150, 150));
            assertOk(r, 1e-11, 0.12, 0.14999999999999999, 0.029999999999999999,
                    4.2747861890044546e-05, 0.059957252138109957,
                    0.25, -0.029648521215745904, 0.5296485212157459,
                    0.049674292992218004);
        }

        @Test
        void largeSamplesWithMillionsOfDegreesOfFreedom() {
            // R 4.2.2 by the formula from summary statistics nc = 4e6, ȳc = 3.2, s²c = 9.1;
            // nt = 4.1e6, ȳt = 3.205, s²t = 9.4: df = 8099416.2522091614,
            // p = pbeta(t^2/(df+t^2), 1/2, df/2, lower.tail = FALSE) (exact; R's pt is a normal
            // approximation above df = 4e5), q = qt(0.975, df) = 1.9599642774341963.
            // Sums: Σy = n ȳ, Σy² = (n − 1) s² + n ȳ². Tolerance 1e-9 (R's qt above 4e5 is approximate,
            // and Σy² carries ~1e-16 of 8e7 into variances of 9: ~1e-9 in the effect 0.005).
            ComparisonResult r = welch.compare(new Moments(4_000_000, 12800000, 77359990.900000006),
                    new Moments(4_100_000, 13140500, 80655293.100000009));
            assertOk(r, 1e-9, 3.2, 3.205, 0.005,
                    0.00081113725294446395, 0.0091888627470553229,
                    0.0015624999999999667, 0.00025246127989261022, 0.0028725387201073232,
                    0.019309879694352591);
        }
    }

    /**
     * Rows of the golden scorecards (shared/golden/streaming-small/expected/*.json, computed by an
     * independent R implementation) from the sufficient statistics of the same units
     * (stats/src/test/r/golden-sums.R). Tolerance: the golden contract's relative 1e-9.
     */
    @Nested
    class AgainstGoldenScorecards {

        private static final double GOLDEN = 1e-9;

        @Test
        void expAutoplayStreamingHours() {
            // golden-sums.R: exp_autoplay streaming_hours, control and previews
            Moments control = new Moments(863, 2760.8171944444443, 23170.434693440588);
            Moments previews = new Moments(897, 3182.8468055555554, 29749.714227474538);
            // exp_autoplay.json, row streaming_hours / previews
            assertOk(welch.compare(control, previews), GOLDEN,
                    3.1990929251963434, 3.5483241979437632, 0.34923127274741983,
                    -0.053855907569589301, 0.7523184530644289,
                    0.1091657169433382, -0.023288844437096654, 0.24162027832377303,
                    0.089445813084142178);
        }

        @Test
        void expPriceStreamingHours() {
            // golden-sums.R: exp_price streaming_hours
            Moments control = new Moments(781, 2427.9001944444444, 21524.301001388118);
            Moments up1 = new Moments(342, 1021.2215, 8461.7220629151234);
            Moments up2 = new Moments(376, 1134.8646944444445, 8826.5752280979941);
            // exp_price.json, row streaming_hours / price_up_1
            assertOk(welch.compare(control, up1), GOLDEN,
                    3.1087070351401338, 2.9860277777777777, -0.12267925736235608,
                    -0.63974290746871409, 0.39438439274400194,
                    -0.039463113112820539, -0.20364826285346888, 0.12472203662782781,
                    0.64147506307748048);
            // exp_price.json, row streaming_hours / price_up_2
            assertOk(welch.compare(control, up2), GOLDEN,
                    3.1087070351401338, 3.0182571660756503, -0.09044986906448349,
                    -0.57623619224795863, 0.3953364541189916,
                    -0.029095655538478944, -0.18367456319926728, 0.12548325212230937,
                    0.71485365610931795);
        }

        @Test
        void expPriceCancelRateIsAProportion() {
            // golden-sums.R: exp_price cancel_rate (Σy² = Σy for 0/1 values)
            Moments control = new Moments(509, 41, 41);
            Moments up1 = new Moments(221, 23, 23);
            Moments up2 = new Moments(250, 29, 29);
            // exp_price.json, row cancel_rate / price_up_1
            assertOk(welch.compare(control, up1), GOLDEN,
                    0.080550098231827114, 0.10407239819004525, 0.02352229995821814,
                    -0.023405648710203071, 0.070450248626639345,
                    0.29202074826178132, -0.33850279524949017, 0.92254429177305286,
                    0.32497284129380921);
            // exp_price.json, row cancel_rate / price_up_2
            assertOk(welch.compare(control, up2), GOLDEN,
                    0.080550098231827114, 0.11600000000000001, 0.035449901768172892,
                    -0.010963016557271957, 0.081862820093617741,
                    0.44009756097560981, -0.21199403203911682, 1.0921891539903363,
                    0.13402906826901975);
        }
    }

    /** Degenerate data: a status and a reason, every value that exists, and never an exception. */
    @Nested
    class DegenerateData {

        private final Moments normal = Moments.of(1, 2, 3, 4);

        @Test
        void zeroControlMeanHasNoRelativeEffect() {
            // R 4.2.2: t.test(trt, ctl) with ctl = c(-1, 1, -2, 2, 0), trt = c(0.5, 1.5, 2.5, -0.5);
            // df = 6.9807692307692308. Tolerance relative 1e-12.
            ComparisonResult r = welch.compare(Moments.of(-1, 1, -2, 2, 0), Moments.of(0.5, 1.5, 2.5, -0.5));
            assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
            assertThat(r.reason()).contains("control mean is 0");
            assertThat(r.controlValue()).isEqualTo(0.0);
            assertThat(r.treatmentValue()).isEqualTo(1.0);
            assertThat(r.absoluteEffect()).isEqualTo(1.0);
            assertThat(r.absoluteCi().low()).isCloseTo(-1.265220281753525, relative(-1.265220281753525, 1e-12));
            assertThat(r.absoluteCi().high()).isCloseTo(3.2652202817535252, relative(3.2652202817535252, 1e-12));
            assertThat(r.pValue()).isCloseTo(0.33108326983868364, relative(0.33108326983868364, 1e-12));
            assertThat(r.relativeEffect()).isNull();
            assertThat(r.relativeCi()).isNull();
        }

        @Test
        void emptyControl() {
            ComparisonResult r = welch.compare(new Moments(0, 0, 0), normal);
            assertThat(r.status()).isEqualTo(ResultStatus.EMPTY_ARM);
            assertThat(r.reason()).isEqualTo("The control has no units, so there is nothing to compare.");
            assertThat(r.controlValue()).isNull();
            assertThat(r.treatmentValue()).isEqualTo(2.5);
            assertNoInference(r);
            assertThat(r.absoluteEffect()).isNull();
        }

        @Test
        void emptyTreatmentAndBothEmpty() {
            ComparisonResult r = welch.compare(normal, new Moments(0, 0, 0));
            assertThat(r.status()).isEqualTo(ResultStatus.EMPTY_ARM);
            assertThat(r.reason()).startsWith("The treatment has no units");
            assertThat(r.controlValue()).isEqualTo(2.5);
            assertThat(r.treatmentValue()).isNull();

            ComparisonResult both = welch.compare(new Moments(0, 0, 0), new Moments(0, 0, 0));
            assertThat(both.status()).isEqualTo(ResultStatus.EMPTY_ARM);
            assertThat(both.reason()).startsWith("Both variants have no units");
        }

        @Test
        void singleUnitGivesEffectsButNoInference() {
            ComparisonResult r = welch.compare(Moments.of(2), normal);
            assertThat(r.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
            assertThat(r.reason()).contains("The control has a single unit");
            assertThat(r.controlValue()).isEqualTo(2.0);
            assertThat(r.treatmentValue()).isEqualTo(2.5);
            assertThat(r.absoluteEffect()).isEqualTo(0.5);
            assertThat(r.relativeEffect()).isEqualTo(0.25);
            assertNoInference(r);

            ComparisonResult zeroControl = welch.compare(normal, Moments.of(7));
            assertThat(zeroControl.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
            assertThat(zeroControl.reason()).contains("The treatment has a single unit");
            assertThat(welch.compare(Moments.of(0), Moments.of(1)).relativeEffect()).isNull();
        }

        @Test
        void zeroVarianceInBothArms() {
            ComparisonResult r = welch.compare(Moments.of(2, 2, 2), Moments.of(3, 3, 3, 3));
            assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
            assertThat(r.reason()).contains("zero variance in both");
            assertThat(r.controlValue()).isEqualTo(2.0);
            assertThat(r.treatmentValue()).isEqualTo(3.0);
            assertThat(r.absoluteEffect()).isEqualTo(1.0);
            assertThat(r.relativeEffect()).isEqualTo(0.5);
            assertNoInference(r);

            // Constant values whose sums carry round-off (0.1 is not a binary fraction).
            ComparisonResult tenths = welch.compare(Moments.of(0.1, 0.1, 0.1), Moments.of(0.1, 0.1, 0.1, 0.1, 0.1));
            assertThat(tenths.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
            assertThat(tenths.pValue()).isNull();
        }

        @Test
        void nonFiniteSums() {
            ComparisonResult r = welch.compare(new Moments(10, Double.NaN, 5), normal);
            assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
            assertThat(r.reason()).isEqualTo("The control's sums are not finite (sum NaN, sum of squares 5.0).");
            assertThat(r.controlValue()).isNull();
            assertThat(r.treatmentValue()).isEqualTo(2.5);
            assertThat(r.absoluteEffect()).isNull();
            assertNoInference(r);

            ComparisonResult inf = welch.compare(normal, new Moments(10, 1, Double.POSITIVE_INFINITY));
            assertThat(inf.status()).isEqualTo(ResultStatus.NON_FINITE);
            assertThat(inf.reason()).startsWith("The treatment's sums are not finite");
            assertThat(inf.controlValue()).isEqualTo(2.5);
            assertThat(inf.treatmentValue()).isNull();

            ComparisonResult both = welch.compare(Moments.of(Double.NaN, 1), Moments.of(Double.NEGATIVE_INFINITY, 1));
            assertThat(both.status()).isEqualTo(ResultStatus.NON_FINITE);
            assertThat(both.reason()).contains("control's").contains(" and the treatment's");
        }

        @Test
        void overflowingValuesAreNonFinite() {
            // Finite values whose sum overflows to −∞.
            ComparisonResult r = welch.compare(Moments.of(-1.5e308, -1.6e308), Moments.of(1, 2));
            assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
            assertThat(r.controlValue()).isNull();
            assertThat(r.treatmentValue()).isEqualTo(1.5);
        }

        @Test
        void anOverflowingRelativeEffectIsNonFiniteButKeepsTheAbsoluteEffect() {
            // Control mean 2e-310 (subnormal): d / ȳc overflows.
            ComparisonResult r = welch.compare(Moments.of(1e-310, 2e-310, 3e-310), Moments.of(1, 2, 3));
            assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
            assertThat(r.reason()).contains("relative effect overflowed");
            assertThat(r.absoluteEffect()).isEqualTo(2.0);
            assertThat(r.absoluteCi()).isNotNull();
            assertThat(r.pValue()).isNotNull();
            assertThat(r.relativeEffect()).isNull();
            assertThat(r.relativeCi()).isNull();
        }

        @Test
        void nothingDegenerateEverThrows() {
            Moments[] inputs = {
                new Moments(0, 0, 0), Moments.of(0), Moments.of(5), Moments.of(0, 0), Moments.of(3, 3),
                Moments.of(1, 2), Moments.of(-1, 1), new Moments(4, Double.NaN, 1),
                new Moments(4, 1, Double.POSITIVE_INFINITY), new Moments(4, Double.NEGATIVE_INFINITY, 1),
                Moments.of(1e-300, 2e-300), Moments.of(1e300, -1e300), Moments.of(1e-320, 0),
            };
            for (Moments c : inputs) {
                for (Moments t : inputs) {
                    assertThatCode(() -> {
                        ComparisonResult r = welch.compare(c, t);
                        assertThat(r.status()).isNotNull();
                        assertThat(r.isOk()).isEqualTo(r.reason() == null);
                    }).as("compare(%s, %s)", c, t).doesNotThrowAnyException();
                }
            }
        }

        @Test
        void nullInputIsAProgrammingError() {
            assertThatThrownBy(() -> welch.compare(null, normal)).isInstanceOf(NullPointerException.class)
                    .hasMessage("control");
        }

        private static void assertNoInference(ComparisonResult r) {
            assertThat(r.absoluteCi()).isNull();
            assertThat(r.relativeCi()).isNull();
            assertThat(r.pValue()).isNull();
        }
    }
}
