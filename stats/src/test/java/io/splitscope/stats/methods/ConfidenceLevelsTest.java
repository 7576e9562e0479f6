package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in method follows the confidence level it is given: on the same data its intervals at
 * 90 % lie inside those at 95 %, which lie inside those at 99 %, around the same estimate (the
 * exact values at other levels are checked against R in {@code WelchTTest} and by the R twins).
 */
class ConfidenceLevelsTest {

    private static final ConfidenceLevel L90 = ConfidenceLevel.parse("90");
    private static final ConfidenceLevel L99 = ConfidenceLevel.parse("99");

    static Stream<Arguments> methodsAndData() {
        SplittableRandom random = new SplittableRandom(7);
        double[] yc = random.doubles(400, 0, 10).toArray();
        double[] yt = random.doubles(400, 0.5, 10.5).toArray();
        double[] xc = random.doubles(400, 0, 5).toArray();
        double[] xt = random.doubles(400, 0, 5).toArray();
        double[] flagsC = random.doubles(400).map(u -> u < 0.3 ? 1 : 0).toArray();
        double[] flagsT = random.doubles(400).map(u -> u < 0.36 ? 1 : 0).toArray();
        return Stream.of(
                Arguments.of(new WelchT(), Moments.of(yc), Moments.of(yt)),
                Arguments.of(new Sequential(), Moments.of(yc), Moments.of(yt)),
                Arguments.of(new Bayesian(), Moments.of(yc), Moments.of(yt)),
                Arguments.of(new Bayesian(), Moments.of(flagsC), Moments.of(flagsT)),
                Arguments.of(new Cuped(), CovariateMoments.of(yc, xc), CovariateMoments.of(yt, xt)),
                Arguments.of(new DeltaRatio(), RatioMoments.of(yc, xc), RatioMoments.of(yt, xt)),
                Arguments.of(new MannWhitney(), UnitValues.of(yc), UnitValues.of(yt)),
                Arguments.of(new QuantileAsymptotic(), QuantileSample.oneValuePerUnit(0.5, yc),
                        QuantileSample.oneValuePerUnit(0.5, yt)),
                Arguments.of(new BootstrapQuantile(), QuantileSample.oneValuePerUnit(0.5, yc),
                        QuantileSample.oneValuePerUnit(0.5, yt)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methodsAndData")
    <I extends VariantData> void intervalsWidenWithTheLevel(ComparisonMethod<I> method, I control, I treatment) {
        ComparisonResult at90 = method.compare(control, treatment, L90);
        ComparisonResult at95 = method.compare(control, treatment);
        ComparisonResult at99 = method.compare(control, treatment, L99);
        assertThat(at95.isOk()).as(method.id()).isTrue();
        assertThat(at90.absoluteEffect()).isEqualTo(at95.absoluteEffect()).isEqualTo(at99.absoluteEffect());
        assertNested(at90.absoluteCi(), at95.absoluteCi(), at99.absoluteCi());
        if (at95.relativeCi() != null) {
            assertNested(at90.relativeCi(), at95.relativeCi(), at99.relativeCi());
        }
    }

    private static void assertNested(Interval inner, Interval middle, Interval outer) {
        assertThat(middle.low()).isLessThan(inner.low()).isGreaterThan(outer.low());
        assertThat(middle.high()).isGreaterThan(inner.high()).isLessThan(outer.high());
    }
}
