package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.MeanMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string of a scorecard page: as the page's address, its navigation and its exports write it. */
class ScorecardViewQueryTest {

    @Test
    void leavesOutTheDefaultsInTheAddress() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(MeanMethod.WELCH_T, null, "table", false))).isEmpty();
        assertThat(ScorecardView.queryParameters(MeanMethod.CUPED, "device", "forest", false))
                .containsExactly(Map.entry("method", "cuped"), Map.entry("segment", "device"), Map.entry("tab", "forest"));
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(MeanMethod.WELCH_T, "country", "time", false)))
                .isEqualTo("segment=country&tab=time");
    }

    @Test
    void alwaysNamesTheMethodForTheExport() {
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(MeanMethod.WELCH_T, null, null, true)))
                .isEqualTo("method=welch_t");
        assertThat(ScorecardView.queryString(ScorecardView.queryParameters(MeanMethod.CUPED, "device", null, true)))
                .isEqualTo("method=cuped&segment=device");
    }
}
