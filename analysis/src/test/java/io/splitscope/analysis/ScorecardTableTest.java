package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.FunnelRows;
import io.splitscope.analysis.json.SampleScorecard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal table of {@code analyze}: the rows of a funnel by their ids, and the marks of the new kinds. */
class ScorecardTableTest {

    private static final Scorecard SAMPLE = SampleScorecard.scorecard();

    private static Scorecard withRows(List<ScorecardRow> rows) {
        return new Scorecard(SAMPLE.experiment(), SAMPLE.population(), SAMPLE.srm(), rows, SAMPLE.confidence(),
                SAMPLE.warehouse(), SAMPLE.computedAt(), SAMPLE.queries());
    }

    private static String line(String table, String start) {
        return table.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(table));
    }

    @Test
    void marksRowsThatCountEveryExposedUnitAndRowsThatDescribe() {
        List<ScorecardRow> rows = new ArrayList<>(SAMPLE.rows());
        rows.addAll(FunnelRows.rows());

        String table = ScorecardTable.render(withRows(rows));

        assertThat(line(table, "checkout_funnel.step2 ")).doesNotContain("[all units]", "[descriptive]");
        assertThat(line(table, "checkout_funnel.step2_of_1 [descriptive]")).contains("0.5000", "0.6000");
        assertThat(line(table, "retention_d7 [all units]")).contains("412/422");
        assertThat(line(table, "hours ")).doesNotContain("[all units]", "[descriptive]");
        assertThat(table).endsWith("""
                [all units]: eligibility 'all', every exposed unit counts; days not yet reached count as 0
                [descriptive]: step-to-step conversion, conditioned on what happened after assignment; not tested, no adjusted p
                """);
    }

    @Test
    void needsNoNotesWithoutSuchRows() {
        String table = ScorecardTable.render(SAMPLE);

        assertThat(table).doesNotContain("[all units]", "[descriptive]");
    }
}
