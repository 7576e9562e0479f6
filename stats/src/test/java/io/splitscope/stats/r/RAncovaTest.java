package io.splitscope.stats.r;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitCovariateValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rosuda.REngine.REXPDouble;

/** {@code r_ancova}: lm(y ~ treatment + x) with HC2 standard errors, against R's lm and sandwich. */
class RAncovaTest {

    private static final ComparisonMethod<UnitCovariateValues> ANCOVA =
            ComparisonMethods.byId("r_ancova", UnitCovariateValues.class);

    @AfterAll
    static void stopR() {
        RRuntime.closeShared();
    }

    static Stream<RGolden.Units> units() {
        return RGolden.UNITS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void equalsLmWithSandwichHc2OnTheGoldenWarehouse(RGolden.Units golden) {
        Map<String, double[][]> units = RGolden.units(golden.experiment(), golden.metric());
        List<UnitCovariateValues> all = RGolden.unitCovariateValues(units);
        UnitCovariateValues treatment = all.get(List.copyOf(units.keySet()).indexOf(golden.treatment()));

        ComparisonResult r = ANCOVA.compare(all.get(0), treatment, all, ConfidenceLevel.DEFAULT);

        // r-methods-golden.R: lm(y ~ g + x), sandwich::vcovHC(fit, type = "HC2"), t with n − 3 df
        double[] e = golden.ancova();
        RTwinsGoldenTest.assertMatches(r, e, 1e-9);
        assertThat(r.extras()).containsOnlyKeys("covariate_coefficient");
        assertThat(r.extras().get("covariate_coefficient")).isCloseTo(e[9], relative(e[9], 1e-9));
        assertThat(r.treatmentValue() - r.controlValue()).isCloseTo(r.absoluteEffect(), relative(r.absoluteEffect(), 1e-12));
    }

    @Test
    void equalsLmAndAnHc2FromLmInfluenceInTheSameR() throws Exception {
        Map<String, double[][]> units = RGolden.units("exp_autoplay", "streaming_hours");
        List<UnitCovariateValues> all = RGolden.unitCovariateValues(units);
        ComparisonResult r = ANCOVA.compare(all.get(0), all.get(1));

        // R's own lm, and HC2 from lm.influence()'s hat values and summary()'s (X'X)⁻¹ — code paths
        // other than r_ancova's hatvalues() and chol2inv(qr.R(...))
        double[] lm = RRuntime.shared().call(session -> {
            session.connection().assign("y", new REXPDouble(concat(all.get(0).y(), all.get(1).y())));
            session.connection().assign("x", new REXPDouble(concat(all.get(0).x(), all.get(1).x())));
            session.connection().assign("g", new REXPDouble(concat(new double[all.get(0).y().length],
                    ones(all.get(1).y().length))));
            return session.eval("local({ fit <- lm(y ~ g + x); X <- model.matrix(fit); h <- lm.influence(fit)$hat;"
                    + " B <- summary(fit)$cov.unscaled; e <- residuals(fit);"
                    + " V <- B %*% (t(X) %*% diag(e^2 / (1 - h)) %*% X) %*% B;"
                    + " rm(y, x, g, envir = globalenv());"
                    + " c(coef(fit), sqrt(V[2, 2]), fit$df.residual) })").asDoubles();
        });
        double b = lm[1];
        double se = lm[3];
        assertThat(r.absoluteEffect()).isCloseTo(b, relative(b, 1e-12));
        assertThat(r.extras().get("covariate_coefficient")).isCloseTo(lm[2], relative(lm[2], 1e-12));
        assertThat(r.controlValue()).isCloseTo(lm[0] + lm[2] * mean(concat(all.get(0).x(), all.get(1).x())),
                relative(r.controlValue(), 1e-12));
        double halfWidth = (r.absoluteCi().high() - r.absoluteCi().low()) / 2;
        assertThat(lm[4]).isEqualTo(all.get(0).n() + all.get(1).n() - 3);
        assertThat(halfWidth / se).isCloseTo(qt975(lm[4]), relative(qt975(lm[4]), 1e-9));
    }

    @Test
    void aConstantCovariateIsDroppedAndHc2IsThenWelchsStandardError() throws Exception {
        double[] yc = {1.5, 2.25, 3.0, 7.5, 0.5, 4.0};
        double[] yt = {2.0, 5.5, 6.0, 1.0, 9.5};
        ComparisonResult r = ANCOVA.compare(new UnitCovariateValues(yc, new double[yc.length]),
                new UnitCovariateValues(yt, new double[yt.length]));

        assertThat(r.status()).isEqualTo(ResultStatus.OK);
        assertThat(r.extras()).isEmpty();
        Moments c = Moments.of(yc);
        Moments t = Moments.of(yt);
        assertThat(r.absoluteEffect()).isCloseTo(t.mean() - c.mean(), relative(t.mean() - c.mean(), 1e-12));
        double welchSe = Math.sqrt(c.variance() / c.n() + t.variance() / t.n());
        double halfWidth = (r.absoluteCi().high() - r.absoluteCi().low()) / 2;
        double q = qt975(yc.length + yt.length - 2);
        assertThat(halfWidth / q).isCloseTo(welchSe, relative(welchSe, 1e-12));
    }

    @Test
    void degenerateDataGivesAStatus() {
        UnitCovariateValues some = new UnitCovariateValues(new double[] {1, 2, 3, 4}, new double[] {0, 1, 1, 3});
        UnitCovariateValues none = new UnitCovariateValues(new double[0], new double[0]);
        UnitCovariateValues one = new UnitCovariateValues(new double[] {5}, new double[] {2});
        UnitCovariateValues nan = new UnitCovariateValues(new double[] {1, Double.NaN}, new double[] {0, 1});
        UnitCovariateValues exact = new UnitCovariateValues(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        UnitCovariateValues exactToo = new UnitCovariateValues(new double[] {5, 6, 7}, new double[] {1, 2, 3});

        ComparisonResult empty = ANCOVA.compare(none, some);
        assertThat(empty.status()).isEqualTo(ResultStatus.EMPTY_ARM);
        assertThat(empty.reason()).isEqualTo("The control has no units, so there is nothing to compare.");
        assertThat(empty.controlValue()).isNull();
        assertThat(empty.treatmentValue()).isEqualTo(2.5);

        ComparisonResult single = ANCOVA.compare(some, one);
        assertThat(single.status()).isEqualTo(ResultStatus.TOO_FEW_UNITS);
        assertThat(single.absoluteEffect()).isNotNull();
        assertThat(single.absoluteCi()).isNull();
        assertThat(single.pValue()).isNull();

        assertThat(ANCOVA.compare(some, nan).status()).isEqualTo(ResultStatus.NON_FINITE);

        ComparisonResult perfect = ANCOVA.compare(exact, exactToo);
        assertThat(perfect.status()).isEqualTo(ResultStatus.ZERO_VARIANCE);
        assertThat(perfect.absoluteEffect()).isCloseTo(4.0, relative(4.0, 1e-12));
    }

    private static double qt975(double df) throws RUnavailableException {
        return RRuntime.shared().call(s -> s.eval("qt(0.975, " + df + ")").asDouble());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    private static double mean(double[] v) {
        return Moments.of(v).mean();
    }
}
