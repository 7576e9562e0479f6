package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cuped} against the golden scorecards (every cuped row, {@link GoldenRows}) and against R
 * 4.2.2 on small vectors (stats/src/test/r/reference-values.R, blocks {@code cuped(...)}: θ
 * pooled, adjusted values, {@code t.test}).
 */
class CupedTest {

    private final Cuped cuped = new Cuped();

    static Stream<GoldenRows.GoldenRow<CovariateMoments>> golden() {
        return GoldenRows.cuped();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void reproducesEveryGoldenCupedRowWithThetaPooledOverAllVariants(GoldenRows.GoldenRow<CovariateMoments> row) {
        row.assertMatches(cuped.compare(row.control(), row.treatment(), row.all(), ConfidenceLevel.DEFAULT));
    }

    @Test
    void poolingMatters() {
        // exp_price revenue_per_member / price_up_2: pooled over the three variants (golden) vs. the two
        GoldenRows.GoldenRow<CovariateMoments> row = GoldenRows.cuped()
                .filter(r -> r.experiment().equals("exp_price") && r.metric().equals("revenue_per_member")
                        && r.variant().equals("price_up_2"))
                .findFirst().orElseThrow();
        assertThat(row.all()).hasSize(3);
        ComparisonResult twoOnly = cuped.compare(row.control(), row.treatment());
        assertThat(twoOnly.controlValue()).isNotCloseTo(row.controlValue(), relative(row.controlValue(), 1e-6));
        assertThat(cuped.compare(row.control(), row.treatment(), List.of(row.control(), row.treatment()), ConfidenceLevel.DEFAULT))
                .isEqualTo(twoOnly);
    }

    private static final double[] YC = {3.1, 4.7, 2.2, 5.9, 4.4, 3.8};
    private static final double[] XC = {2.9, 4.1, 2.5, 5.0, 4.6, 3.0};
    private static final double[] YT = {5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4};
    private static final double[] XT = {4.0, 5.5, 4.2, 6.1, 5.2, 6.0, 3.1};
    private static final double[] Y3 = {4.0, 3.3, 6.2, 5.1};
    private static final double[] X3 = {3.9, 3.6, 5.5, 4.0};

    private static void assertOk(ComparisonResult r, double tol, double... expected) {
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        double[] actual = {r.controlValue(), r.treatmentValue(), r.absoluteEffect(), r.absoluteCi().low(),
                r.absoluteCi().high(), r.relativeEffect(), r.relativeCi().low(), r.relativeCi().high(), r.pValue()};
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], relative(expected[i], tol));
        }
    }

    @Test
    void twoVariantsAgainstR() {
        // R 4.2.2 cuped("cuped2", ...): theta = 1.1108167770419426, t.test on adjusted values
        ComparisonResult r = cuped.compare(CovariateMoments.of(YC, XC), CovariateMoments.of(YT, XT));
        assertOk(r, 1e-11, 4.7273045791588837, 5.1480246464352426, 0.42072006727635891,
                -0.1384252132334369, 0.97986534778615475,
                0.088997876111299029, -0.035976102764238196, 0.21397185498683624, 0.12431812159429032);
    }

    @Test
    void threeVariantsPoolThetaAgainstR() {
        // R 4.2.2 cuped("cuped3", ...): theta = 1.1398488120950323 over the three variants
        CovariateMoments c = CovariateMoments.of(YC, XC);
        CovariateMoments t = CovariateMoments.of(YT, XT);
        CovariateMoments third = CovariateMoments.of(Y3, X3);
        ComparisonResult r = cuped.compare(c, t, List.of(third, c, t), ConfidenceLevel.DEFAULT);
        assertOk(r, 1e-11, 4.7262784271375935, 5.1125056718151622, 0.38622724467756875,
                -0.18066321857340828, 0.95311770792854567,
                0.081719105345108081, -0.044159148352364661, 0.20759735904258081, 0.1603292978743823);
        assertThat(Cuped.Pooled.of(List.of(c, t, third)).theta())
                .isCloseTo(1.1398488120950323, relative(1.1398488120950323, 1e-13));
    }

    @Test
    void constantCovariateMeansThetaZeroAndWelch() {
        // R 4.2.2 cuped("cupedconstx", ...): var(x) = 0, theta = 0: exactly welch_t on y
        CovariateMoments c = CovariateMoments.of(YC, new double[] {2, 2, 2, 2, 2, 2});
        CovariateMoments t = CovariateMoments.of(YT, new double[] {2, 2, 2, 2, 2, 2, 2});
        ComparisonResult r = cuped.compare(c, t);
        assertThat(r).isEqualTo(new WelchT().compare(Moments.of(YC), Moments.of(YT)));
        assertOk(r, 1e-12, 4.0166666666666666, 5.7571428571428571, 1.7404761904761905,
                0.27875626073449333, 3.2021961202178879,
                0.43331357439241258, -0.040181810033877829, 0.90680895881870294, 0.024437314017439201);
    }

    @Test
    void registeredUnderItsId() {
        ComparisonMethod<CovariateMoments> m = ComparisonMethods.byId("cuped", CovariateMoments.class);
        assertThat(m).isInstanceOf(Cuped.class);
        assertThat(m.title()).isNotBlank();
        assertThat(m.inputType()).isEqualTo(CovariateMoments.class);
    }

    @Test
    void allVariantsMustContainBoth() {
        CovariateMoments c = CovariateMoments.of(YC, XC);
        CovariateMoments t = CovariateMoments.of(YT, XT);
        assertThatThrownBy(() -> cuped.compare(c, t, List.of(c), ConfidenceLevel.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allVariants");
    }

    @Test
    void degenerateDataGivesAStatus() {
        CovariateMoments c = CovariateMoments.of(YC, XC);
        CovariateMoments t = CovariateMoments.of(YT, XT);
        CovariateMoments empty = new CovariateMoments(new Moments(0, 0, 0), new Moments(0, 0, 0), 0);
        CovariateMoments one = CovariateMoments.of(new double[] {4}, new double[] {3});
        CovariateMoments nan = new CovariateMoments(Moments.of(1, 2), Moments.of(1, 2), Double.NaN);

        ComparisonResult r = cuped.compare(c, empty);
        assertThat(r.status()).isEqualTo(ResultStatus.EMPTY_ARM);
        assertThat(r.reason()).contains("treatment has no units");
        assertThat(r.controlValue()).isNotNull();
        assertThat(r.treatmentValue()).isNull();

        r = cuped.compare(one, t);
        assertThat(r.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(r.absoluteEffect()).isNotNull();
        assertThat(r.pValue()).isNull();

        r = cuped.compare(c, nan);
        assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(r.reason()).contains("treatment");
        r = cuped.compare(c, t, List.of(c, t, nan), ConfidenceLevel.DEFAULT);
        assertThat(r.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(r.reason()).contains("pooled");

        // y = 2x + 1 exactly in both arms: the adjusted values are constant
        CovariateMoments lineC = CovariateMoments.of(new double[] {3, 5, 7}, new double[] {1, 2, 3});
        CovariateMoments lineT = CovariateMoments.of(new double[] {5, 7, 9, 11}, new double[] {2, 3, 4, 5});
        r = cuped.compare(lineC, lineT);
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(r.absoluteEffect()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));

        // adjusted control mean 0: y = x − mean, θ = 1 pooled… use y centred around 0 with x ≡ y
        CovariateMoments zc = CovariateMoments.of(new double[] {-1, 1, -2, 2}, new double[] {0, 0, 0, 0});
        CovariateMoments zt = CovariateMoments.of(new double[] {1, 2, 3}, new double[] {0, 0, 0});
        r = cuped.compare(zc, zt);
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.relativeEffect()).isNull();
        assertThat(r.pValue()).isNotNull();
    }
}
