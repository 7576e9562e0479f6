package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.results.SameStored;
import io.splitscope.stats.ConfidenceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scorecard becomes a document and, through the stored form, the same scorecard again. */
class ScorecardDocumentTest {

    private static Scorecard throughTheStoredForm(Scorecard scorecard) {
        String json = ScorecardJson.STORED.writeValueAsString(ScorecardDocument.of(scorecard));
        return ScorecardJson.STORED.readValue(json, ScorecardDocument.class).toScorecard();
    }

    @Test
    void theSampleComesBackEqualWithItsNaNInfinityExtrasAndQueries() {
        Scorecard sample = SampleScorecard.scorecard();

        Scorecard back = throughTheStoredForm(sample);

        SameStored.assertSame(back, sample);
        assertThat(back.srm().chiSquare()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.srm().pValue()).isNaN();
        assertThat(back.rows().get(1).comparison().extras().keySet()).containsExactly("expected_loss", "chance_to_beat_control");
        assertThat(back.rows().get(1).inputs().control().get("sum")).isNaN();
        assertThat(back.queryOf("hours")).contains(sample.queries().get(1));
        assertThat(back.confidence()).isEqualTo(new ConfidenceLevel(99));
        assertThat(ScorecardJson.write(back)).isEqualTo(ScorecardJson.write(sample));
    }

    @Test
    void everyConfidenceLevelComesBackAsTheSamePercentage() {
        for (double percent : List.of(50.0, 80.5, 90.0, 95.0, 99.0, 99.9)) {
            Scorecard sample = SampleScorecard.scorecard();
            Scorecard at = new Scorecard(sample.experiment(), sample.population(), sample.srm(), sample.rows(),
                    new ConfidenceLevel(percent), sample.warehouse(), sample.computedAt(), sample.queries());

            assertThat(throughTheStoredForm(at).confidence().percent()).isEqualTo(percent);
        }
    }
}
