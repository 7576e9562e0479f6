package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.SampleScorecard;
import io.splitscope.analysis.json.ScorecardJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The store's document: the format and the scorecard; earlier formats still read, others refused. */
class ScorecardCodecTest {

    private static final Scorecard SAMPLE = SampleScorecard.scorecard();

    @Test
    void writesTheFormatAndTheScorecardAndReadsThemBack() {
        String json = ScorecardCodec.encode(SAMPLE);

        JsonNode document = ScorecardJson.STORED.readTree(json);
        assertThat(document.propertyNames()).containsExactly("format", "scorecard");
        assertThat(document.get("format").asInt()).isEqualTo(ScorecardCodec.FORMAT);
        assertThat(document.get("scorecard").get("experiment_id").asString()).isEqualTo("exp_sample");
        SameStored.assertSame(ScorecardCodec.decode(json), SAMPLE);
    }

    @Test
    void readsEveryEarlierFormat() {
        SameStored.assertSame(ScorecardCodec.decode(EarlierScorecardDocumentTest.formatThree()), SampleScorecard.withoutDecisions());
        SameStored.assertSame(ScorecardCodec.decode(EarlierScorecardDocumentTest.formatTwo()),
                EarlierScorecardDocumentTest.sampleAt95(SAMPLE.metricQueries()));
    }

    @Test
    void readsAFormatFourScorecardStoredBeforeRowsKeptTheirKindAndEligibility() {
        ObjectNode before = (ObjectNode) ScorecardJson.STORED.readTree(ScorecardCodec.encode(SAMPLE));
        for (JsonNode row : before.get("scorecard").get("results")) {
            ((ObjectNode) row).remove(List.of("kind", "eligibility", "descriptive"));
        }

        // the sample's rows are of the kind of their type, without a window: what such a row reads as
        SameStored.assertSame(ScorecardCodec.decode(before.toString()), SAMPLE);
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        ObjectNode future = (ObjectNode) ScorecardJson.STORED.readTree(ScorecardCodec.encode(SAMPLE));
        future.put("format", ScorecardCodec.FORMAT + 1);

        assertThatThrownBy(() -> ScorecardCodec.decode(future.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stored scorecard format 5, this version reads [1, 2, 3] and 4");
        assertThatThrownBy(() -> ScorecardCodec.decode("{}")).hasMessageStartingWith("stored scorecard format -1");
    }

    @Test
    void refusesADocumentItCannotReadInOneLine() {
        ObjectNode broken = (ObjectNode) ScorecardJson.STORED.readTree(ScorecardCodec.encode(SAMPLE));
        ((ObjectNode) broken.get("scorecard").get("results").get(0)).put("status", "splendid");

        assertThatThrownBy(() -> ScorecardCodec.decode(broken.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPLENDID");
        assertThatThrownBy(() -> ScorecardCodec.decode("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable stored scorecard: Unrecognized token 'not'").hasMessageNotContaining("\n");
        ((ObjectNode) broken.get("scorecard")).remove("population");
        assertThatThrownBy(() -> ScorecardCodec.decode(broken.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable stored scorecard: ").hasMessageNotContaining("\n");
    }
}
