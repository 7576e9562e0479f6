package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.ConfidenceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equivalent requests become equal; a metric named twice is refused; the default scorecard is known. */
class AnalysisRequestTest {

    private static final List<String> CATALOG = List.of("streaming_hours", "plays_per_member", "play_rate");

    @Test
    void putsTheMetricsInCatalogOrderAndTheWholeCatalogAsNone() {
        AnalysisRequest request = new AnalysisRequest("exp", List.of("play_rate", "streaming_hours"), MeanMethod.CUPED, "device");

        assertThat(request.normalised(CATALOG).metricIds()).containsExactly("streaming_hours", "play_rate");
        assertThat(request.normalised(CATALOG)).isEqualTo(request.withMetrics(List.of("streaming_hours", "play_rate"))
                .normalised(CATALOG));
        assertThat(request.withMetrics(List.of("play_rate", "plays_per_member", "streaming_hours")).normalised(CATALOG))
                .isEqualTo(request.withMetrics(List.of()));
        assertThat(request.withMetrics(List.of()).normalised(CATALOG).metricIds()).isEmpty();
    }

    @Test
    void keepsUnknownMetricsLastForTheCallerToRefuse() {
        AnalysisRequest request = AnalysisRequest.of("exp").withMetrics(List.of("nope", "play_rate", "streaming_hours", "plays_per_member"));

        assertThat(request.normalised(CATALOG).metricIds()).containsExactly("streaming_hours", "plays_per_member", "play_rate", "nope");
    }

    @Test
    void refusesAMetricNamedTwice() {
        assertThatThrownBy(() -> AnalysisRequest.of("exp").withMetrics(List.of("play_rate", "streaming_hours", "play_rate")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric play_rate is asked for twice: name each metric once");
    }

    @Test
    void theDefaultScorecardIsEveryMetricByWelchAt95PercentUnsliced() {
        assertThat(new AnalysisRequest("exp", List.of(), MeanMethod.WELCH_T, null, new ConfidenceLevel(95)).isDefault()).isTrue();
        assertThat(AnalysisRequest.of("exp").withConfidence(new ConfidenceLevel(90)).isDefault()).isFalse();
        assertThat(AnalysisRequest.of("exp").withMeanMethod(MeanMethod.CUPED).isDefault()).isFalse();
        assertThat(AnalysisRequest.of("exp").withSegmentBy("device").isDefault()).isFalse();
        assertThat(AnalysisRequest.of("exp").withMetrics(List.of("play_rate")).isDefault()).isFalse();
    }

    @Test
    void keepsTwoSegmentDimensionsInTheOrderGivenAsPartOfTheRequest() {
        AnalysisRequest byTwo = AnalysisRequest.of("exp").withSegmentBy(" country , device ");

        assertThat(byTwo.segmentBy()).isEqualTo("country,device");
        assertThat(byTwo.segmentDimensions()).containsExactly("country", "device");
        // the order names the segments (DE × mobile), so the reversed order is another request and stored result
        assertThat(byTwo).isNotEqualTo(AnalysisRequest.of("exp").withSegmentBy("device,country"));
        assertThat(byTwo.normalised(CATALOG).segmentBy()).isEqualTo("country,device");
        assertThat(AnalysisRequest.of("exp").withSegmentBy(" ").segmentDimensions()).isEmpty();
        assertThat(AnalysisRequest.of("exp").withSegmentBy(" ").isDefault()).isTrue();
    }

    @Test
    void refusesThreeSegmentDimensionsAnEmptyOneOrOneTwice() {
        assertThatThrownBy(() -> AnalysisRequest.of("exp").withSegmentBy("country,device,plan"))
                .hasMessage("segment 'country,device,plan' names 3 dimensions: at most 2 at once");
        assertThatThrownBy(() -> AnalysisRequest.of("exp").withSegmentBy("country,"))
                .hasMessage("segment 'country,' names an empty dimension: write country or country,device");
        assertThatThrownBy(() -> AnalysisRequest.of("exp").withSegmentBy("device,device"))
                .hasMessage("segment 'device,device' names a dimension twice");
    }
}
