package io.splitscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.stats.ConfidenceLevel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The settings of one experiment's analysis from code: each a new value, read as the command line reads them. */
class ExperimentAnalysisTest {

    private static Splitscope splitscope;

    @BeforeAll
    static void open() {
        splitscope = Splitscope.open(GoldenWarehouse.folder().toString());
    }

    @AfterAll
    static void close() {
        splitscope.close();
    }

    @Test
    void eachSettingGivesANewRequestAndLeavesTheOthers() {
        ExperimentAnalysis defaults = splitscope.experiment("exp_autoplay");
        ExperimentAnalysis set = defaults.metrics("streaming_hours").method("cuped").segmentBy("device").confidence("99");

        assertThat(defaults.request()).isEqualTo(AnalysisRequest.of("exp_autoplay"));
        assertThat(set.request()).isEqualTo(new AnalysisRequest("exp_autoplay", List.of("streaming_hours"), MeanMethod.CUPED,
                "device", new ConfidenceLevel(99)));
        assertThat(defaults.confidence("0.9").request().confidence()).isEqualTo(new ConfidenceLevel(90));
    }

    @Test
    void aLevelThatIsNotAPercentageIsRefusedByName() {
        assertThatThrownBy(() -> splitscope.experiment("exp_autoplay").confidence("high"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
    }

    @Test
    void theScorecardIsAtTheLevelSet() {
        assertThat(splitscope.experiment("exp_autoplay").metrics("streaming_hours").confidence("90").scorecard()
                .toString()).contains("abs. effect [90% CI]");
    }
}
