package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze} on the golden warehouse against the reference scorecards in
 * {@code golden/streaming-small/expected/} (computed in R 4.2.2 by an independent implementation of
 * the specs): the rows of this slice's metrics, the population and SRM. Deterministic values
 * match to a relative 1e-9 and counts exactly, as the golden README requires.
 */
class AnalyzeCommandTest {

    private static final List<String> SLICE = List.of("streaming_hours", "plays_per_member", "play_rate");
    private static final List<String> VALUE_FIELDS = List.of("control_value", "treatment_value", "absolute_effect",
            "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high", "p_value");
    private static final List<String> EXACT_FIELDS = List.of("metric", "type", "variant", "method", "n_control",
            "n_treatment", "incomplete_units");
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(strings = {"exp_autoplay", "exp_price"})
    void reproducesTheGoldenScorecardOfThisSlice(String experiment) throws IOException {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", experiment, "--metrics", String.join(",", SLICE), "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode actual = JSON.readTree(run.stdout());
        JsonNode expected = JSON.readTree(Files.readString(GoldenWarehouse.expected(experiment + ".json")));

        for (String field : List.of("experiment_id", "control_variant", "start_date", "end_date", "population")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(actual.get("srm").get("mismatch")).isEqualTo(expected.get("srm").get("mismatch"));
        assertThat(actual.get("srm").get("expected_share")).isEqualTo(expected.get("srm").get("expected_share"));
        assertRelativelyClose("srm.chi_square", actual.get("srm").get("chi_square"), expected.get("srm").get("chi_square"));
        assertRelativelyClose("srm.p_value", actual.get("srm").get("p_value"), expected.get("srm").get("p_value"));

        List<JsonNode> expectedRows = new ArrayList<>();
        expected.get("results").forEach(row -> {
            if (SLICE.contains(row.get("metric").asString())) {
                expectedRows.add(row);
            }
        });
        assertThat(actual.get("results")).hasSize(expectedRows.size());
        for (int i = 0; i < expectedRows.size(); i++) {
            JsonNode want = expectedRows.get(i);
            JsonNode got = actual.get("results").get(i);
            String label = want.get("metric").asString() + "/" + want.get("variant").asString();
            for (String field : EXACT_FIELDS) {
                assertThat(got.get(field)).as(label + " " + field).isEqualTo(want.get(field));
            }
            for (String field : VALUE_FIELDS) {
                assertRelativelyClose(label + " " + field, got.get(field), want.get(field));
            }
            assertThat(got.get("p_value_adjusted").isNumber()).as(label + " p_value_adjusted").isTrue();
        }
    }

    /** The adjusted p-values of the golden file span all nine metrics; over this slice they are BH over its rows. */
    @Test
    void adjustsPValuesOverTheRowsOfTheScorecard() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_price", "--metrics", "streaming_hours,play_rate", "--format", "json");

        JsonNode rows = JSON.readTree(run.stdout()).get("results");
        // R 4.2.2: p.adjust(c(0.6414750630774805, 0.714853656109318, 0.9678675113933684, 0.40458861306853544), "BH")
        //   -> 0.9531382 0.9531382 0.9678675 0.9531382 (p-values: golden exp_price.json, these four rows)
        List<Double> adjusted = new ArrayList<>();
        rows.forEach(row -> adjusted.add(row.get("p_value_adjusted").asDouble()));
        assertThat(adjusted).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-7 ? 0 : Double.compare(a, b))
                .containsExactly(0.9531382, 0.9531382, 0.9678675, 0.9531382);
    }

    private static void assertRelativelyClose(String label, JsonNode actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual.isNull()).as(label + " should be null").isTrue();
            return;
        }
        double want = expected.asDouble();
        assertThat(actual.asDouble()).as(label).isCloseTo(want, within(Math.abs(want) * RELATIVE_TOLERANCE));
    }
}
