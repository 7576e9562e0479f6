package io.splitscope.app.web.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.Moments;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The power calculator's baseline, read from the control of an analysed experiment. */
class PowerViewTest {

    private static Map<String, Double> control(String metricId) {
        try (AnalysisService service = GoldenWarehouse.service()) {
            return service.analyze(AnalysisRequest.of("exp_autoplay")).rows().stream()
                    .filter(row -> row.metricId().equals(metricId)).findFirst().map(ScorecardRow::inputs)
                    .orElseThrow().control();
        }
    }

    @Test
    void theBaselineIsTheControlsMeanAndStandardDeviation() {
        Moments streaming = PowerView.controlMoments(control("streaming_hours"));
        assertThat(Formats.number(streaming.mean())).isEqualTo("3.199");
        assertThat(Formats.number(Math.sqrt(streaming.variance()))).isEqualTo("4.078");

        Moments plays = PowerView.controlMoments(control("play_rate"));
        assertThat(Formats.percent(plays.mean())).isEqualTo("74 %");
    }

    @Test
    void missingOrTooFewControlStatisticsGiveNoBaseline() {
        assertThat(PowerView.controlMoments(Map.of())).isNull();
        assertThat(PowerView.controlMoments(Map.of("n", 1.0, "sum", 3.0, "sum_squares", 9.0))).isNull();
        assertThat(PowerView.controlMoments(Map.of("n", 10.0, "sum", 30.0, "sum_squares", 1.0))).isNull();
    }
}
