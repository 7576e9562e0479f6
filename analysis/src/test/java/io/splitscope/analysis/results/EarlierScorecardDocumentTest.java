package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.SampleScorecard;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.stats.ConfidenceLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scorecards stored in formats 1 to 3 read back as they were: {@code results/scorecard-format-3.json}
 * is the {@link SampleScorecard} as format 3 wrote it (commit 441f2bf); formats 2 and 1 are it
 * without what they did not have yet.
 */
class EarlierScorecardDocumentTest {

    /** The sample as format 3 stored it. */
    static String formatThree() {
        try (InputStream in = EarlierScorecardDocumentTest.class.getResourceAsStream("/results/scorecard-format-3.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as format 2 stored it: no confidence level (its intervals are at 95 %). */
    static String formatTwo() {
        ObjectNode document = (ObjectNode) ScorecardJson.STORED.readTree(formatThree());
        document.put("format", 2);
        document.remove("confidence_level");
        return document.toString();
    }

    /** The sample at 95 %, as formats 1 and 2 give it back. */
    static Scorecard sampleAt95(Map<String, Integer> metricQueries) {
        Scorecard sample = SampleScorecard.scorecard();
        return new Scorecard(sample.experiment(), sample.population(), sample.srm(), sample.rows(), ConfidenceLevel.DEFAULT,
                sample.warehouse(), sample.computedAt(), sample.queries(), metricQueries);
    }

    private static Scorecard read(String json) {
        return ScorecardJson.STORED.readValue(json, EarlierScorecardDocument.class).toScorecard();
    }

    @Test
    void readsFormatThreeWithItsLevelExtrasSegmentsAndNonFiniteNumbers() {
        Scorecard back = read(formatThree());

        SameStored.assertSame(back, SampleScorecard.withoutDecisions());
        assertThat(back.confidence()).isEqualTo(new ConfidenceLevel(99));
        assertThat(back.srm().chiSquare()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.rows().get(1).comparison().extras().keySet()).containsExactly("expected_loss", "chance_to_beat_control");
    }

    @Test
    void readsFormatTwoAt95Percent() {
        Scorecard sample = SampleScorecard.scorecard();

        SameStored.assertSame(read(formatTwo()), sampleAt95(sample.metricQueries()));
    }

    @Test
    void readsFormatOneWithoutWhichQueryServedWhichMetric() {
        ObjectNode document = (ObjectNode) ScorecardJson.STORED.readTree(formatTwo());
        document.put("format", 1);
        document.remove("metric_queries");

        Scorecard back = read(document.toString());

        SameStored.assertSame(back, sampleAt95(Map.of()));
        assertThat(back.queryOf("hours")).isEmpty();
    }
}
