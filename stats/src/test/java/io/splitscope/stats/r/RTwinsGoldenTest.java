package io.splitscope.stats.r;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rosuda.REngine.REXPDouble;

/**
 * The R twins reproduce the Java methods on the golden warehouse to 1e-8 relative, and R's own
 * functions (t.test, wilcox.test) to the golden contract's 1e-9 — with real GNU R through Rserve
 * (the registry's shared runtime).
 */
class RTwinsGoldenTest {

    /** The golden contract's tolerance, for R's own functions. */
    private static final double GOLDEN = 1e-9;

    @AfterAll
    static void stopR() {
        RRuntime.closeShared();
    }

    static Stream<RGolden.Means> means() {
        return RGolden.MEANS.stream();
    }

    static Stream<RGolden.Units> units() {
        return RGolden.UNITS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("means")
    void rWelchTEqualsJavaAndRsTTest(RGolden.Means golden) {
        ParityReport report = RParity.verify("welch_t", golden.moments(), 0, ConfidenceLevel.DEFAULT);

        assertThat(report.rFailure()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.maxRelativeDifference()).isLessThanOrEqualTo(ParityReport.TOLERANCE);
        assertThat(report.verified()).as(report.summary()).isTrue();
        assertThat(report.rows()).hasSize(golden.variants().size() - 1);
        for (int i = 0; i < report.rows().size(); i++) {
            // R 4.2.2 t.test(yt, yc) on the unit values (r-methods-golden.R)
            assertMatches(report.rows().get(i).r(), golden.welch()[i], GOLDEN);
        }
    }

    /** At 90 and 99 % the R twins (qt, qnorm of (1 + level) / 2 in R) agree with Java as at 95 %. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("means")
    void twinsAgreeAtOtherConfidenceLevels(RGolden.Means golden) {
        for (String level : new String[] {"90", "99"}) {
            ConfidenceLevel confidence = ConfidenceLevel.parse(level);
            assertThat(RParity.verify("welch_t", golden.moments(), 0, confidence).verified()).as(level).isTrue();
            ParityReport cuped = RParity.verify("cuped", golden.inputs(), 0, confidence);
            assertThat(cuped.verified()).as(cuped.summary()).isTrue();
            assertThat(cuped.rows().getFirst().java().absoluteCi())
                    .isNotEqualTo(RParity.verify("cuped", golden.inputs(), 0, ConfidenceLevel.DEFAULT)
                            .rows().getFirst().java().absoluteCi());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("means")
    void rCupedEqualsJavaWithThetaPooledOverEveryVariant(RGolden.Means golden) {
        ParityReport report = RParity.verify("cuped", golden.inputs(), 0, ConfidenceLevel.DEFAULT);

        assertThat(report.verified()).as(report.summary()).isTrue();
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.r().status()).isEqualTo(ResultStatus.OK);
            assertThat(row.r().extras()).containsKey("theta");
        });
    }

    @Test
    void rCupedReproducesTheGoldenCupedRows() {
        // golden-inputs.R, "R cuped" (t.test on y − θ (x − x̄), θ pooled), = exp_autoplay.cuped.json
        RGolden.Means autoplay = RGolden.MEANS.get(0);
        assertThat(autoplay.toString()).isEqualTo("exp_autoplay streaming_hours");
        ComparisonResult r = ComparisonMethods.byId("r_cuped", io.splitscope.stats.CovariateMoments.class)
                .compare(autoplay.inputs().get(0), autoplay.inputs().get(1), autoplay.inputs(), ConfidenceLevel.DEFAULT);
        assertMatches(r, new double[] {3.1858667029469019, 3.5610490918136275, 0.37518238886672561,
                0.066140516178483835, 0.68422426155496752, 0.11776462226736757, 0.015306793288785009,
                0.22022245124595013, 0.017368414948998587}, GOLDEN);
        assertThat(r.extras().get("theta")).isCloseTo(0.36144844625606748, relative(0.36144844625606748, GOLDEN));

        // exp_price streaming_hours / price_up_2: θ pooled over the three variants
        RGolden.Means price = RGolden.MEANS.get(6);
        assertThat(price.toString()).isEqualTo("exp_price streaming_hours");
        r = ComparisonMethods.byId("r_cuped", io.splitscope.stats.CovariateMoments.class)
                .compare(price.inputs().get(0), price.inputs().get(2), price.inputs(), ConfidenceLevel.DEFAULT);
        assertMatches(r, new double[] {3.0524008294811504, 3.2455931932389199, 0.19319236375776949,
                -0.1837451222005736, 0.57012984971611247, 0.063291937904042722, -0.063076058994651518,
                0.18965993480273696, 0.31468641382795809}, GOLDEN);
        assertThat(r.extras().get("theta")).isCloseTo(0.34172860851446801, relative(0.34172860851446801, GOLDEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void rMannWhitneyEqualsJavaAndRsWilcoxTest(RGolden.Units golden) {
        Map<String, double[][]> units = RGolden.units(golden.experiment(), golden.metric());
        List<UnitValues> values = RGolden.unitValues(units);
        int treatment = List.copyOf(units.keySet()).indexOf(golden.treatment());

        ParityReport report = RParity.verify("mann_whitney", values, 0, ConfidenceLevel.DEFAULT);

        assertThat(report.verified()).as(report.summary()).isTrue();
        ComparisonResult r = report.rows().stream().filter(row -> row.variantIndex() == treatment)
                .findFirst().orElseThrow().r();
        double[] e = golden.mannWhitney(); // wilcox.test(yt, yc, exact = FALSE, correct = TRUE), median(outer(...))
        assertThat(r.controlValue()).isCloseTo(e[0], relative(e[0], GOLDEN));
        assertThat(r.treatmentValue()).isCloseTo(e[1], relative(e[1], GOLDEN));
        assertThat(r.absoluteEffect()).isCloseTo(e[2], relative(e[2], GOLDEN));
        assertThat(r.absoluteCi().low()).isCloseTo(e[3], relative(e[3], GOLDEN));
        assertThat(r.absoluteCi().high()).isCloseTo(e[4], relative(e[4], GOLDEN));
        assertThat(r.relativeEffect()).isCloseTo(e[5], relative(e[5], GOLDEN));
        assertThat(r.relativeCi()).isNull();
        assertThat(r.pValue()).isCloseTo(e[8], relative(e[8], GOLDEN));
    }

    @Test
    void rWelchTOnSufficientStatisticsEqualsTTestOnTheUnitVectorsInTheSameR() throws Exception {
        for (String[] m : new String[][] {{"exp_autoplay", "streaming_hours"}, {"exp_price", "revenue_per_member"}}) {
            Map<String, double[][]> units = RGolden.units(m[0], m[1]);
            List<double[]> y = units.values().stream().map(v -> v[0]).toList();
            for (int t = 1; t < y.size(); t++) {
                double[] yc = y.get(0);
                double[] yt = y.get(t);
                ComparisonResult r = ComparisonMethods.byId("r_welch_t", Moments.class)
                        .compare(Moments.of(yc), Moments.of(yt));
                double[] tt = RRuntime.shared().call(session -> {
                    session.connection().assign("yc", new REXPDouble(yc));
                    session.connection().assign("yt", new REXPDouble(yt));
                    return session.eval("local({ r <- t.test(yt, yc); rm(yc, yt, envir = globalenv());"
                            + " c(r$estimate[2], r$estimate[1], r$conf.int, r$p.value) })").asDoubles();
                });
                assertThat(r.controlValue()).isCloseTo(tt[0], relative(tt[0], 1e-12));
                assertThat(r.treatmentValue()).isCloseTo(tt[1], relative(tt[1], 1e-12));
                assertThat(r.absoluteCi().low()).isCloseTo(tt[2], relative(tt[2], 1e-9));
                assertThat(r.absoluteCi().high()).isCloseTo(tt[3], relative(tt[3], 1e-9));
                assertThat(r.pValue()).isCloseTo(tt[4], relative(tt[4], 1e-9));
            }
        }
    }

    static void assertMatches(ComparisonResult r, double[] e, double tolerance) {
        assertThat(r.status()).as(String.valueOf(r.reason())).isEqualTo(ResultStatus.OK);
        assertThat(r.controlValue()).isCloseTo(e[0], relative(e[0], tolerance));
        assertThat(r.treatmentValue()).isCloseTo(e[1], relative(e[1], tolerance));
        assertThat(r.absoluteEffect()).isCloseTo(e[2], relative(e[2], tolerance));
        assertThat(r.absoluteCi().low()).isCloseTo(e[3], relative(e[3], tolerance));
        assertThat(r.absoluteCi().high()).isCloseTo(e[4], relative(e[4], tolerance));
        assertThat(r.relativeEffect()).isCloseTo(e[5], relative(e[5], tolerance));
        assertThat(r.relativeCi().low()).isCloseTo(e[6], relative(e[6], tolerance));
        assertThat(r.relativeCi().high()).isCloseTo(e[7], relative(e[7], tolerance));
        assertThat(r.pValue()).isCloseTo(e[8], relative(e[8], tolerance));
    }
}
