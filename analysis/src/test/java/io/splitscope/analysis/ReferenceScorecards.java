package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A scorecard against a reference computed by an independent implementation of the specs (in R:
 * the golden warehouse's, the unseen project's): deterministic values match to a relative
 * {@value #RELATIVE_TOLERANCE} and counts exactly; the point values of the bootstrap rows match
 * exactly (to {@value #BOOTSTRAP_POINT_TOLERANCE} relative, for the last bit of interpolation),
 * their intervals and p-values come from another random resampling and are compared in size only;
 * adjusted p-values, which depend on the bootstrap ones, lie between the row's p-value and 1.
 */
public final class ReferenceScorecards {

    private static final List<String> VALUE_FIELDS = List.of("control_value", "treatment_value", "absolute_effect",
            "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high", "p_value");
    private static final List<String> BOOTSTRAP_POINT_FIELDS =
            List.of("control_value", "treatment_value", "absolute_effect", "relative_effect");
    private static final List<String> EXACT_FIELDS = List.of("metric", "type", "variant", "method", "n_control",
            "n_treatment", "incomplete_units");
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final double BOOTSTRAP_POINT_TOLERANCE = 1e-12;
    /** Bootstrap p-values of two independent 1,000-replicate runs differ by Monte-Carlo error (sd <= 0.016). */
    private static final double BOOTSTRAP_P_TOLERANCE = 0.08;

    private ReferenceScorecards() {
    }

    /**
     * The metrics of the reference scorecard {@code expected}, in its order: what a test asks for, as
     * the catalogs have grown metrics the references do not have.
     */
    public static List<String> metrics(JsonNode expected) {
        List<String> metrics = new java.util.ArrayList<>();
        expected.get("results").forEach(row -> {
            if (!metrics.contains(row.get("metric").asString())) {
                metrics.add(row.get("metric").asString());
            }
        });
        return List.copyOf(metrics);
    }

    /** Asserts that {@code actual} reproduces the reference scorecard {@code expected} (both as JSON of scorecard.md). */
    public static void assertReproduces(JsonNode actual, JsonNode expected) {
        for (String field : List.of("experiment_id", "control_variant", "start_date", "end_date")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        // the population's fields the reference has (it does not count exposure rows or the intake)
        expected.get("population").properties().forEach(field -> assertThat(actual.get("population").get(field.getKey()))
                .as("population." + field.getKey()).isEqualTo(field.getValue()));
        assertThat(actual.get("srm").get("mismatch")).isEqualTo(expected.get("srm").get("mismatch"));
        assertThat(actual.get("srm").get("expected_share")).isEqualTo(expected.get("srm").get("expected_share"));
        assertRelativelyClose("srm.chi_square", actual.get("srm").get("chi_square"), expected.get("srm").get("chi_square"),
                RELATIVE_TOLERANCE);
        assertRelativelyClose("srm.p_value", actual.get("srm").get("p_value"), expected.get("srm").get("p_value"),
                RELATIVE_TOLERANCE);

        assertThat(actual.get("results")).hasSize(expected.get("results").size());
        for (int i = 0; i < expected.get("results").size(); i++) {
            JsonNode want = expected.get("results").get(i);
            JsonNode got = actual.get("results").get(i);
            String label = want.get("metric").asString() + "/" + want.get("variant").asString();
            for (String field : EXACT_FIELDS) {
                assertThat(got.get(field)).as(label + " " + field).isEqualTo(want.get(field));
            }
            if (want.get("method").asString().equals("bootstrap_quantile")) {
                assertBootstrapRow(label, got, want);
            } else {
                for (String field : VALUE_FIELDS) {
                    assertRelativelyClose(label + " " + field, got.get(field), want.get(field), RELATIVE_TOLERANCE);
                }
            }
            double p = got.get("p_value").asDouble();
            assertThat(got.get("p_value_adjusted").asDouble()).as(label + " p_value_adjusted").isBetween(p, 1.0);
        }
    }

    private static void assertBootstrapRow(String label, JsonNode got, JsonNode want) {
        for (String field : BOOTSTRAP_POINT_FIELDS) {
            assertRelativelyClose(label + " " + field, got.get(field), want.get(field), BOOTSTRAP_POINT_TOLERANCE);
        }
        double width = want.get("absolute_ci_high").asDouble() - want.get("absolute_ci_low").asDouble();
        for (String bound : List.of("absolute_ci_low", "absolute_ci_high")) {
            assertThat(got.get(bound).asDouble()).as(label + " " + bound + " (within the reference interval's width)")
                    .isCloseTo(want.get(bound).asDouble(), within(width));
        }
        assertThat(got.get("p_value").asDouble()).as(label + " p_value")
                .isCloseTo(want.get("p_value").asDouble(), within(BOOTSTRAP_P_TOLERANCE));
    }

    /** Equal to {@code tolerance} relative to the larger magnitude; nulls (no value) only with nulls. */
    public static void assertRelativelyClose(String label, JsonNode actual, JsonNode expected, double tolerance) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(label + " should be null but is " + actual).isTrue();
            return;
        }
        assertThat(actual).as(label).isNotNull();
        assertThat(actual.isNumber()).as(label + " should be a number but is " + actual).isTrue();
        double want = expected.asDouble();
        double got = actual.asDouble();
        assertThat(got).as(label).isCloseTo(want, within(tolerance * Math.max(Math.abs(want), Math.abs(got))));
    }
}
