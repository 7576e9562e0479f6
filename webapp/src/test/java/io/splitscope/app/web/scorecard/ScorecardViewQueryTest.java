package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.MeanMethod;
import io.splitscope.stats.ConfidenceLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string of a scorecard page: as the page's address, its navigation and its exports write it. */
class ScorecardViewQueryTest {

    private static final ScorecardCache.Key DEFAULTS = ScorecardCache.Key.of("exp_autoplay");

    @Test
    void leavesOutTheDefaultsInTheAddress() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(DEFAULTS, "table", false))).isEmpty();
        assertThat(ScorecardView.queryParameters(DEFAULTS.withMethod(MeanMethod.CUPED).withSegmentBy("device"), "forest", false))
                .containsExactly(Map.entry("method", "cuped"), Map.entry("segment", "device"), Map.entry("tab", "forest"));
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(DEFAULTS.withSegmentBy("country"), "time", false)))
                .isEqualTo("segment=country&tab=time");
    }

    @Test
    void namesALevelOtherThan95Percent() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(
                DEFAULTS.withConfidence(new ConfidenceLevel(99)).withSegmentBy("device"), "forest", false)))
                .isEqualTo("segment=device&confidence=99&tab=forest");
        assertThat(ScorecardView.location(DEFAULTS.withConfidence(new ConfidenceLevel(90)), null))
                .isEqualTo("experiments/exp_autoplay?confidence=90");
    }

    @Test
    void namesTheLastDayOfDataWhenNotTheWholePeriod() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(
                DEFAULTS.withUntil(java.time.LocalDate.of(2026, 3, 31)), "forest", false))).isEqualTo("until=2026-03-31&tab=forest");
    }

    @Test
    void alwaysNamesTheMethodForTheExport() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(DEFAULTS, null, true)))
                .isEqualTo("method=welch_t");
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(
                DEFAULTS.withMethod(MeanMethod.CUPED).withSegmentBy("device"), null, true)))
                .isEqualTo("method=cuped&segment=device");
    }
}
