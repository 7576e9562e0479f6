package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.Normal;
import org.junit.jupiter.api.Test;

/**
 * {@code bayesian} against R 4.2.2 (stats/src/test/r/bayesian.R: the beta posteriors' integrals by
 * {@code integrate(rel.tol = 1e-13)}, quantiles by {@code uniroot}; the normal model in closed
 * form) and GrowthBook's published gbstats fixtures (packages/stats/tests/bayesian/test_tests.py,
 * rounded to 5 decimals).
 */
class BayesianTest {

    /** R 4.2.2: {@code qnorm(0.975)}. */
    private static final double Z_975 = 1.9599639845400536;

    private final Bayesian bayesian = new Bayesian();

    private static void extras(ComparisonResult r, double tol, double chance, double lossTreatment, double lossControl) {
        assertThat(r.extras()).containsOnlyKeys("chance_to_beat_control", "expected_loss", "expected_loss_control");
        assertThat(r.extras().get("chance_to_beat_control")).isCloseTo(chance, relative(chance, tol));
        assertThat(r.extras().get("expected_loss")).isCloseTo(lossTreatment, relative(lossTreatment, tol));
        assertThat(r.extras().get("expected_loss_control")).isCloseTo(lossControl, relative(lossControl, tol));
    }

    private static void interval(io.splitscope.stats.Interval ci, double tol, double low, double high) {
        assertThat(ci.low()).isCloseTo(low, relative(low, tol));
        assertThat(ci.high()).isCloseTo(high, relative(high, tol));
    }

    @Test
    void betaBinomialSmall() {
        // R bayesian.R "beta small": 49/100 vs 51/100
        ComparisonResult r = bayesian.compare(new Moments(100, 49, 49), new Moments(100, 51, 51));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        assertThat(r.controlValue()).isEqualTo(0.49);
        assertThat(r.treatmentValue()).isEqualTo(0.51);
        assertThat(r.pValue()).isNull();
        extras(r, 1e-9, 0.6107705226878396, 0.019116461202089267, 0.038724304339344144);
        interval(r.absoluteCi(), 1e-9, -0.11696312049117666, 0.15581815142795266);
        interval(r.relativeCi(), 1e-9, -0.21093863875676419, 0.37381756852994874);
        // GrowthBook gbstats, BinomialBayesianABTest fixture (49/100 vs 51/100, uniform priors):
        // risk = [0.03872, 0.01912] (control, treatment) — the same exact beta expected losses
        assertThat(r.extras().get("expected_loss_control")).isCloseTo(0.03872, within(5e-6));
        assertThat(r.extras().get("expected_loss")).isCloseTo(0.01912, within(5e-6));
    }

    @Test
    void betaBinomialMediumAndUnequal() {
        // R bayesian.R "beta medium": 120/1000 vs 150/1000
        ComparisonResult r = bayesian.compare(new Moments(1000, 120, 120), new Moments(1000, 150, 150));
        extras(r, 1e-8, 0.97506783681214404, 0.00014417785511183299, 0.03008429761559089);
        interval(r.absoluteCi(), 1e-7, 1.7764227258634842e-05, 0.05993461050702692);
        interval(r.relativeCi(), 1e-7, 0.00013124134974079198, 0.56251548950725694);
        // R bayesian.R "beta unequal": 30/400 vs 210/2000 (the treatment's posterior is the narrower)
        r = bayesian.compare(new Moments(400, 30, 30), new Moments(2000, 210, 210));
        extras(r, 1e-8, 0.96504733920091723, 0.00024008203568258779, 0.02852025956959145);
        interval(r.absoluteCi(), 1e-8, -0.0025094002886293055, 0.05609838023913237);
        interval(r.relativeCi(), 1e-8, -0.024489748733925464, 1.0214825486862593);
    }

    @Test
    void normalMeans() {
        // R bayesian.R "normal", GrowthBook's Gaussian fixture inputs (sum 100, sum_squares 1002.25, n 10;
        // sum 105, sum_squares 1111.5, n 10)
        ComparisonResult r = bayesian.compare(new Moments(10, 100, 1002.25), new Moments(10, 105, 1111.5));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        extras(r, 1e-12, 0.92135039647485739, 0.012563635415003063, 0.51256363541500305);
        interval(r.absoluteCi(), 1e-12, -0.19295191217483876, 1.1929519121748386);
        // GrowthBook gbstats GaussianBayesianABTest fixture: risk = [0.51256, 0.01256] (absolute)
        assertThat(r.extras().get("expected_loss_control")).isCloseTo(0.51256, within(5e-6));
        assertThat(r.extras().get("expected_loss")).isCloseTo(0.01256, within(5e-6));
        // GrowthBook gbstats EffectBayesianABTest fixture (relative, flat prior): ci = [-0.02, 0.12],
        // uplift 0.05 ± 0.03572; chance_to_win 0.91923 and risk [0.05131, 0.00131] on that relative scale
        assertThat(r.relativeEffect()).isCloseTo(0.05, within(1e-15));
        assertThat(r.relativeCi().low()).isCloseTo(-0.02, within(5e-6));
        assertThat(r.relativeCi().high()).isCloseTo(0.12, within(5e-6));
        double sdRelative = (r.relativeCi().high() - r.relativeCi().low()) / (2 * Z_975);
        assertThat(sdRelative).isCloseTo(0.03572, within(5e-6));
        assertThat(Normal.cdf(0.05 / sdRelative)).isCloseTo(0.91923, within(5e-6));
        assertThat(Normal.positivePartMean(0.05, sdRelative)).isCloseTo(0.05131, within(5e-6));
        assertThat(Normal.positivePartMean(-0.05, sdRelative)).isCloseTo(0.00131, within(5e-6));
    }

    @Test
    void proportionsAreRecognisedBySums() {
        assertThat(Bayesian.isProportion(new Moments(10, 3, 3))).isTrue();
        assertThat(Bayesian.isProportion(new Moments(10, 3.5, 3.5))).isFalse();
        assertThat(Bayesian.isProportion(Moments.of(1, 2, 3))).isFalse();
    }

    @Test
    void registeredAndDegenerate() {
        assertThat(ComparisonMethods.byId("bayesian", Moments.class)).isInstanceOf(Bayesian.class);
        assertThat(bayesian.compare(new Moments(0, 0, 0), new Moments(10, 3, 3)).status())
                .isEqualTo(ResultStatus.EMPTY_ARM);
        ComparisonResult r = bayesian.compare(Moments.of(2, 2, 2), Moments.of(2, 2));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(r.extras()).isEmpty();
        assertThat(bayesian.compare(Moments.of(1), Moments.of(2, 3)).status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(bayesian.compare(new Moments(3, Double.NaN, 1), Moments.of(2, 3)).status())
                .isEqualTo(ResultStatus.NON_FINITE);
        // a single unit is enough for a beta posterior
        r = bayesian.compare(new Moments(1, 1, 1), new Moments(1, 0, 0));
        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        // control proportion 0: no relative effect, but chance and losses
        r = bayesian.compare(new Moments(50, 0, 0), new Moments(50, 3, 3));
        assertThat(r.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(r.extras().get("chance_to_beat_control")).isGreaterThan(0.9);
        assertThat(r.relativeCi()).isNull();
    }
}
