package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.FunnelRows;
import io.splitscope.analysis.json.SampleScorecard;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static ScorecardRow row(String metric, MetricType type, String method, ComparisonResult c) {
        return new ScorecardRow(metric, metric, type, method, "treatment", null, 120, 80, 0, c, null, InputSummary.NONE,
                MetricKind.valueOf(type.name()), null);
    }

    @Test
    void aBayesianTableHasTheChanceToBeatControlAndTheExpectedLossInEachMetricsDirectionAndUnits() {
        // constructed posteriors: streaming hours 0.99 likely higher; cancel rate (lower is better) 0.04 likely higher
        ScorecardRow hours = row("streaming_hours", MetricType.MEAN, "bayesian", ComparisonResult.builder().values(3.0, 3.75)
                .absolute(0.75, new Interval(0.1, 1.4)).relative(0.25, new Interval(0.03, 0.47))
                .extras(Map.of("chance_to_beat_control", 0.99, "expected_loss", 0.001, "expected_loss_control", 0.75)).ok());
        ScorecardRow cancels = row("cancel_rate", MetricType.PROPORTION, "bayesian", ComparisonResult.builder().values(0.1, 0.08)
                .absolute(-0.02, new Interval(-0.04, 0.0)).relative(-0.2, new Interval(-0.4, 0.0))
                .extras(Map.of("chance_to_beat_control", 0.04, "expected_loss", 0.021, "expected_loss_control", 0.0005)).ok());
        ScorecardRow rebuffers = row("rebuffer_rate", MetricType.RATIO, "delta_ratio", ComparisonResult.ok(0.35, 0.34, -0.01,
                new Interval(-0.02, 0.0), -0.0286, new Interval(-0.057, 0.0), 0.03));

        String table = ScorecardTable.render(withRows(List.of(hours, cancels, rebuffers)), new StandardMetrics().metrics());

        assertThat(line(table, "metric ")).contains("abs. effect [99% CrI]", "P(beat control)", "exp. loss")
                .doesNotContain("p adj.", "[99% CI]");
        assertThat(line(table, "streaming_hours ")).contains("3.000 h", "3.750 h", "0.7500 h [0.1000 h, 1.400 h]",
                "99.0%", "0.001000 h");
        // lower is better: P(treatment < control) = 1 − 0.04, and the loss of shipping is E[max(t − c, 0)] = 0.0005
        assertThat(line(table, "cancel_rate ")).contains("96.0%", "0.0005000").doesNotContain("4.0%");
        assertThat(line(table, "rebuffer_rate ")).contains("p 0.030", "0.3500 rebuffers/h");
        assertThat(table).contains("P(beat control): the posterior chance that the treatment is better in the metric's direction");
    }

    @Test
    void aFrequentistTableKeepsItsPValues() {
        ScorecardRow rebuffers = row("rebuffer_rate", MetricType.RATIO, "delta_ratio", ComparisonResult.ok(0.35, 0.34, -0.01,
                new Interval(-0.02, 0.0), -0.0286, new Interval(-0.057, 0.0), 0.03));

        String table = ScorecardTable.render(withRows(List.of(rebuffers)), new StandardMetrics().metrics());

        assertThat(line(table, "metric ")).contains("[99% CI]", "p adj.").doesNotContain("P(beat control)");
        assertThat(line(table, "rebuffer_rate ")).contains("0.3500 rebuffers/h", "-0.01000 rebuffers/h", "0.030");
    }
}
