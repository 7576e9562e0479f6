package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.results.ResultsStoreStatus;
import org.junit.jupiter.api.Test;

/** The notice that results are not being stored: shown exactly while they are not, with the reason. */
class BannersTest {

    @Test
    void saysResultsAreNotStoredAndWhy() {
        var status = new ResultsStoreStatus("cannot open the results store /srv/r.duckdb: IO Error: Could not set lock on file");

        assertThat(Banners.resultsStore(status)).get().satisfies(banner -> {
            assertThat(banner.getElement().getTextRecursively()).isEqualTo("Results are not being stored: cannot open the results"
                    + " store /srv/r.duckdb: IO Error: Could not set lock on file. Scorecards computed now are lost when the app stops.");
            assertThat(banner.getElement().getClassList()).contains("ss-health-warning", "ss-results-store-banner");
        });
    }

    @Test
    void showsNothingWhileTheStoreIsUsable() {
        assertThat(Banners.resultsStore(new ResultsStoreStatus(null))).isEmpty();
    }
}
