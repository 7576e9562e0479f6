package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two forms of a scorecard document: the public one of {@code spec/scorecard.md} to the byte,
 * and the stored one, which keeps every part and every number.
 */
class ScorecardJsonTest {

    private static final Scorecard SAMPLE = SampleScorecard.scorecard();

    @Test
    void writesThePublicDocumentOfTheSpecToTheByte() throws IOException {
        // json/sample-scorecard.json: the sample as the hand-written tree of commit 441f2bf wrote it, with the
        // status and waiting_for of issue 14 (point 6) after end_date, and each row's kind and descriptive (issue 15), and
        // the (empty) decisions of issue 16, and the verdict of issue 17 on the row its decision's test decides (the
        // sample's rows have no direction, as rows stored before directions were kept, so the others have none)
        String expected;
        try (InputStream in = ScorecardJsonTest.class.getResourceAsStream("/json/sample-scorecard.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(ScorecardJson.write(SAMPLE)).isEqualTo(expected).endsWith("}" + System.lineSeparator());
    }

    @Test
    void thePublicDocumentHasNullForNonFiniteNumbersAndNoneOfTheStoredParts() {
        JsonNode tree = ScorecardJson.tree(SAMPLE);

        assertThat(tree.get("srm").get("chi_square").isNull()).isTrue();
        assertThat(tree.get("srm").get("p_value").isNull()).isTrue();
        assertThat(tree.propertyNames()).containsExactly("experiment_id", "control_variant", "start_date", "end_date",
                "status", "waiting_for", "confidence_level", "population", "srm", "decisions", "results", "warehouse", "computed_at");
        assertThat(tree.get("results").get(1).propertyNames()).doesNotContain("extras", "metric_title", "inputs")
                .containsSubsequence("p_value_adjusted", "expected_loss", "chance_to_beat_control", "status");
    }

    @Test
    void theStoredFormKeepsNonFiniteNumbersAsStringsAndExtrasAsOneObject() {
        JsonNode stored = ScorecardJson.STORED.valueToTree(ScorecardDocument.of(SAMPLE));

        assertThat(stored.get("srm").get("chi_square").asString()).isEqualTo("Infinity");
        assertThat(stored.get("srm").get("p_value").asString()).isEqualTo("NaN");
        JsonNode bayesian = stored.get("results").get(1);
        assertThat(bayesian.get("extras").propertyNames()).containsExactly("expected_loss", "chance_to_beat_control");
        assertThat(bayesian.get("inputs").get("control").get("sum").asString()).isEqualTo("NaN");
        assertThat(bayesian.get("metric_title").asString()).isEqualTo("Streaming hours");
        assertThat(stored.get("experiment").get("name").asString()).isEqualTo("Sample");
        assertThat(stored.get("queries")).hasSize(2);
        assertThat(stored.get("metric_queries").propertyNames()).containsExactly("cancel_rate", "hours");
    }

    @Test
    void theStoredFormRejectsAFieldItDoesNotKnow() {
        ObjectNode stored = ScorecardJson.STORED.valueToTree(ScorecardDocument.of(SAMPLE));
        ((ObjectNode) stored.get("results").get(0)).put("chance_to_win", 0.5); // an extra outside "extras"

        assertThatThrownBy(() -> ScorecardJson.STORED.treeToValue(stored, ScorecardDocument.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("chance_to_win");
    }
}
