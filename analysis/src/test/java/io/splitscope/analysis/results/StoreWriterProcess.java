package io.splitscope.analysis.results;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.json.SampleScorecard;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM for {@link StoreFilesTest}: stores the sample scorecard of {@code exp_sample},
 * prints {@value #SAVED}, then keeps storing scorecards of other experiments until it is killed —
 * so that the kill lands in the middle of a write.
 */
final class StoreWriterProcess {

    static final String SAVED = "saved";

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        ResultsStore store = ResultsStore.open(Path.of(args[0]));
        store.save(sample("exp_sample"));
        System.out.println(SAVED);
        System.out.flush();
        for (int i = 0; ; i++) {
            store.save(sample("exp_later_" + i));
        }
    }

    static StoredScorecard sample(String experimentId) {
        return new StoredScorecard(AnalysisRequest.of(experimentId), SampleScorecard.scorecard(),
                new WarehouseFingerprint("f1"), "analyst", Duration.ofMillis(5), false);
    }
}
