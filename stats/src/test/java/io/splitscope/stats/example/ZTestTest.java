package io.splitscope.stats.example;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import org.junit.jupiter.api.Test;

/**
 * The worked example of adding a stat method: {@link ZTest}, registered in this module's test
 * resources {@code META-INF/services/io.splitscope.stats.ComparisonMethod}, is found by its id like
 * the built-in methods, and agrees with R 4.2.2 (stats/src/test/r/reference-values.R, "z-test").
 */
class ZTestTest {

    @Test
    void foundByItsIdAndAgreesWithR() {
        ComparisonMethod<Moments> z = ComparisonMethods.byId("z_test", Moments.class);
        assertThat(z).isInstanceOf(ZTest.class);
        ComparisonResult r = z.compare(Moments.of(3.1, 4.7, 2.2, 5.9, 4.4, 3.8), Moments.of(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        // R: d <- mean(t) - mean(c); se <- sqrt(var(c)/6 + var(t)/7); d + c(-1, 1) * qnorm(0.975) * se; 2 * pnorm(-abs(d / se))
        assertThat(r.absoluteEffect()).isCloseTo(1.7404761904761905, relative(1.7404761904761905, 1e-13));
        assertThat(r.absoluteCi().low()).isCloseTo(Z_LOW, relative(Z_LOW, 1e-12));
        assertThat(r.absoluteCi().high()).isCloseTo(Z_HIGH, relative(Z_HIGH, 1e-12));
        assertThat(r.pValue()).isCloseTo(Z_P, relative(Z_P, 1e-11));
        assertThat(z.compare(Moments.of(1), Moments.of(1, 2)).status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
    }

    private static final double Z_LOW = 0.46507136753897949;
    private static final double Z_HIGH = 3.0158810134134013;
    private static final double Z_P = 0.0074805703939006202;
}
