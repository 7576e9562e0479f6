package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The contract of methods written in R: headers, the registry, the R forms of inputs and results. */
class RMethodContractTest {

    private static final Moments C = Moments.of(1, 2, 3, 4);
    private static final Moments T = Moments.of(2, 3, 5, 6);

    @AfterAll
    static void stopR() {
        RRuntime.closeShared();
    }

    @Test
    void theRMethodsAreInTheRegistryBesideTheJavaOnes() {
        assertThat(ComparisonMethods.all()).extracting(ComparisonMethod::id)
                .contains("welch_t", "cuped", "mann_whitney", "r_welch_t", "r_cuped", "r_mann_whitney", "r_ancova");
        assertThat(ComparisonMethods.byId("r_welch_t").inputType()).isEqualTo(Moments.class);
        assertThat(ComparisonMethods.byId("r_cuped").inputType()).isEqualTo(CovariateMoments.class);
        assertThat(ComparisonMethods.byId("r_mann_whitney").inputType()).isEqualTo(UnitValues.class);
        assertThat(ComparisonMethods.byId("r_ancova").inputType()).isEqualTo(UnitCovariateValues.class);
        assertThat(ComparisonMethods.byId("r_ancova").title()).isEqualTo("ANCOVA with HC2 robust standard errors (in R)");
        assertThat(ComparisonMethods.byId("r_welch_t")).isInstanceOf(RMethod.class);
        assertThat(((RMethod<?>) ComparisonMethods.byId("r_ancova")).javaTwin()).isEmpty();

        assertThat(RParity.twins()).containsEntry("welch_t", "r_welch_t").containsEntry("cuped", "r_cuped")
                .containsEntry("mann_whitney", "r_mann_whitney").doesNotContainKey("r_ancova");
        assertThat(RParity.rTwinOf("delta_ratio")).isEmpty();
        assertThatThrownBy(() -> RParity.verify("delta_ratio", List.of(), 0, ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("stat method 'delta_ratio' has no R twin");
        assertThatThrownBy(() -> RParity.verify("welch_t", List.of(C, T), 2, ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("controlIndex 2 is not an index of the 2 variants");
    }

    @Test
    void aHeaderDeclaresIdTitleInputAndTwin() {
        RMethodSource s = RMethodSource.parse("x.R", """
                # a comment before the header
                #' @id r_x
                #' @title An example
                #' @input UnitCovariateValues
                #' @twin x
                #'
                #' Text.
                r_x <- function(control, treatment, variants) list()
                """);
        assertThat(s.id()).isEqualTo("r_x");
        assertThat(s.title()).isEqualTo("An example");
        assertThat(s.inputType()).isEqualTo(UnitCovariateValues.class);
        assertThat(s.javaTwin()).contains("x");

        assertThatThrownBy(() -> RMethodSource.parse("y.R", "#' @id r_y\n#' @input Moments\nr_y <- 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the R method y.R has no #' @title line in its header");
        assertThatThrownBy(() -> RMethodSource.parse("z.R", "#' @id r_z\n#' @title Z\n#' @input Vectors\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes @input Vectors, which is none of");
        assertThatThrownBy(() -> RMethodSource.parse("w.R", "#' @id R-W\n#' @title W\n#' @input Moments\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake_case");
    }

    @Test
    void everyInputHasItsRForm() {
        // An R method that returns, as extras, what it received of the control: checks the R forms.
        String code = """
                #' @id r_echo
                #' @title Echo (test only)
                #' @input %s
                r_echo <- function(control, treatment, variants) {
                  v <- %s
                  list(control_value = length(variants), extras = as.list(setNames(as.numeric(v), paste0("v", seq_along(v)))))
                }
                """;
        Map<String, Double> moments = echo(code, "Moments", "control[c('n', 'sum', 'sum_squares')]",
                Moments.of(1, 2, 4));
        assertThat(moments).containsExactly(Map.entry("v1", 3.0), Map.entry("v2", 7.0), Map.entry("v3", 21.0));
        Map<String, Double> cov = echo(code, "CovariateMoments",
                "control[c('n', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_product')]",
                CovariateMoments.of(new double[] {1, 2}, new double[] {3, 5}));
        assertThat(cov.values()).containsExactly(2.0, 3.0, 5.0, 8.0, 34.0, 13.0);
        Map<String, Double> ratio = echo(code, "RatioMoments",
                "control[c('n', 'numerator_sum', 'numerator_sum_squares', 'denominator_sum', 'denominator_sum_squares', 'sum_product')]",
                RatioMoments.of(new double[] {1, 2}, new double[] {3, 5}));
        assertThat(ratio.values()).containsExactly(2.0, 3.0, 5.0, 8.0, 34.0, 13.0);
        assertThat(echo(code, "UnitValues", "control", UnitValues.of(4, 5, 6)).values()).containsExactly(4.0, 5.0, 6.0);
        assertThat(echo(code, "UnitCovariateValues", "c(control$y, control$x)",
                new UnitCovariateValues(new double[] {1, 2}, new double[] {7, 8})).values()).containsExactly(1.0, 2.0, 7.0, 8.0);
        assertThat(echo(code, "QuantileSample", "c(control$level, control$values, control$unit_sizes)",
                QuantileSample.ofUnits(0.9, new double[] {1, 2}, new double[0], new double[] {3})).values())
                .containsExactly(0.9, 1.0, 2.0, 3.0, 2.0, 0.0, 1.0);
    }

    private static <I extends VariantData> Map<String, Double> echo(String code, String input, String expression, I control) {
        @SuppressWarnings("unchecked")
        RMethod<I> m = (RMethod<I>) RMethod.of(RMethodSource.parse("test:r_echo", code.formatted(input, expression)),
                RRuntime::shared);
        ComparisonResult r = m.compare(control, control, List.of(control, control, control), ConfidenceLevel.DEFAULT);
        assertThat(r.status()).as(r.reason()).isEqualTo(ResultStatus.OK);
        assertThat(r.controlValue()).isEqualTo(3.0);
        return r.extras();
    }

    @Test
    void whatAnRMethodReturnsBecomesAResultOrAClearFailure() {
        assertThat(result("list(control_value = 1, treatment_value = 2, estimate = 1, absolute_ci = c(0, 2),"
                + " relative_effect = 1, relative_ci = c(0, 2), p_value = 0.5, extras = c(w = 3))"))
                .isEqualTo(new ComparisonResult(ResultStatus.OK, null, 1.0, 2.0, 1.0, new Interval(0, 2), 1.0,
                        new Interval(0, 2), 0.5, Map.of("w", 3.0)));
        // NA is a value that does not exist; a status with its reason
        ComparisonResult zero = result("list(control_value = 0, treatment_value = 2, absolute_effect = 2,"
                + " relative_effect = NA, status = 'ZERO_BASELINE', reason = 'The control mean is 0.')");
        assertThat(zero.status()).isEqualTo(ResultStatus.ZERO_BASELINE);
        assertThat(zero.reason()).isEqualTo("The control mean is 0.");
        assertThat(zero.relativeEffect()).isNull();
        assertThat(result("list(status = 'EMPTY_ARM')").reason()).isEqualTo("R method r_test reported: Empty arm.");
        // non-finite values in an OK result
        ComparisonResult nan = result("list(control_value = 1, treatment_value = 0/0, p_value = Inf)");
        assertThat(nan.status()).isEqualTo(ResultStatus.NON_FINITE);
        assertThat(nan.reason()).isEqualTo("R method r_test computed non-finite values: treatment_value = NaN,"
                + " p_value = Infinity.");
        assertThat(nan.controlValue()).isEqualTo(1.0);
        // violations of the contract and R errors: METHOD_FAILED with the reason
        assertFailed("stop('the data are odd')", "R method r_test stopped with an error: the data are odd");
        assertFailed("42", "R method r_test stopped with an error: the method returned a numeric, not a named list");
        assertFailed("list(p_value = 2)", "R method r_test returned the p-value 2.0, outside [0, 1].");
        assertFailed("list(status = 'MAYBE')", "R method r_test returned the unknown status 'MAYBE'.");
        assertFailed("list(absolute_ci = c(2, 1))",
                "R method r_test returned an interval whose low bound is above its high bound.");
        assertFailed("list(extras = c(1, 2))", "R method r_test returned extras without names.");
        assertFailed("list(extras = c(NotSnake = 1))",
                "R method r_test returned an invalid result: extras keys are snake_case, got 'NotSnake'");
        // a file that does not define its function
        RMethod<?> broken = RMethod.of(RMethodSource.parse("test:r_broken", """
                #' @id r_broken
                #' @title Broken
                #' @input Moments
                r_other <- function(control, treatment, variants) list()
                """), RRuntime::shared);
        @SuppressWarnings("unchecked")
        ComparisonResult r = ((RMethod<Moments>) broken).compare(C, T);
        assertThat(r.status()).isEqualTo(ResultStatus.METHOD_FAILED);
        assertThat(r.reason()).isEqualTo(
                "R reported an error: the R source of method 'r_broken' does not define a function named r_broken");
    }

    @Test
    void aMethodWithoutALevelArgumentRunsAt95PercentOnly() {
        // r_test has no 'level' argument: fine at the default level, a clear failure at another
        assertThat(result("list(control_value = 1, p_value = 0.5)").isOk()).isTrue();
        ComparisonResult at99 = result("list(control_value = 1, p_value = 0.5)", ConfidenceLevel.parse("99"));
        assertThat(at99.status()).isEqualTo(ResultStatus.METHOD_FAILED);
        assertThat(at99.reason()).isEqualTo("R method r_test stopped with an error: the R method r_test has no 'level'"
                + " argument, so it gives 95 % intervals only; add 'level = 0.95' to its arguments and use it");
    }

    @Test
    void programmingErrorsThrow() {
        @SuppressWarnings("unchecked")
        ComparisonMethod<Moments> m = (ComparisonMethod<Moments>) ComparisonMethods.byId("r_welch_t");
        assertThatThrownBy(() -> m.compare(null, T)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.compare(C, T, List.of(C), ConfidenceLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allVariants must contain");
    }

    private static void assertFailed(String body, String reason) {
        ComparisonResult r = result(body);
        assertThat(r.status()).isEqualTo(ResultStatus.METHOD_FAILED);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.controlValue()).isNull();
    }

    private static ComparisonResult result(String body) {
        return result(body, ConfidenceLevel.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private static ComparisonResult result(String body, ConfidenceLevel level) {
        RMethodSource source = RMethodSource.parse("test:r_test", """
                #' @id r_test
                #' @title Test
                #' @input Moments
                r_test <- function(control, treatment, variants) {
                  %s
                }
                """.formatted(body));
        return ((RMethod<Moments>) RMethod.of(source, RRuntime::shared)).compare(C, T, level);
    }
}
