package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.results.FailedRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run that failed after the shown scorecard is shown as such: when, by whom, why. */
class ProvenanceTest {

    @Test
    void aFailedRunSaysWhenByWhomAndWhy() {
        var failed = new FailedRun(AnalysisRequest.of("exp_autoplay"), Instant.parse("2026-12-05T08:30:15Z"), "anna",
                "Rserve stopped answering");

        var banner = Provenance.failedRunBanner(failed);

        assertThat(banner.getElement().getTextRecursively()).isEqualTo("A later run by anna failed 5 Dec 2026, 08:30:15 UTC:"
                + " Rserve stopped answering. This is the last stored scorecard.");
        assertThat(banner.getElement().getClassList()).contains("ss-failed-run-banner");
    }
}
