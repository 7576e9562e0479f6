package io.splitscope.stats.r;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The worked example of "Add a stat method in R": an R file with its header
 * (src/test/resources/io/splitscope/stats/r/example/r_z_test.R) and one line in
 * META-INF/splitscope/r-methods make the method appear in the registry, where scorecards, the
 * command line and the web app find it like any Java method.
 */
class RWorkedExampleTest {

    @AfterAll
    static void stopR() {
        RRuntime.closeShared();
    }

    @Test
    void theExampleIsRegisteredAndComputesInR() {
        ComparisonMethod<Moments> z = ComparisonMethods.byId("r_z_test", Moments.class);
        assertThat(z.title()).isEqualTo("Two-sample z-test (in R, worked example)");

        ComparisonResult r = z.compare(Moments.of(3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 5.1, 2.9),
                Moments.of(4.2, 5.5, 3.9, 6.8, 5.0, 4.9, 6.1, 3.7, 5.6));

        // stats/src/test/r/r-worked-example.R (R 4.2.2: mean, var, qnorm, pnorm on the unit values)
        RTwinsGoldenTest.assertMatches(r, new double[] {4.0125000000000002, 5.0777777777777775, 1.0652777777777773,
                -0.027964530753401551, 2.1585200863089562, 0.26548978885427471, -0.053619030839118564,
                0.58459860854766799, 0.056155208968919283}, 1e-12);
        assertThat(r.extras().get("z")).isCloseTo(1.909829194938955, relative(1.909829194938955, 1e-12));
    }
}
