package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.TableHeaderCell;
import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.health.SrmResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scorecard table's columns, units, Bayesian view and greyed rows, on the streaming metrics. */
class ResultsTableTest {

    private static final MetricGroups GROUPS = new MetricGroups(new StandardMetrics().metrics(), "streaming_hours");

    private static ScorecardRow row(String metric, String method, ComparisonResult c, Double adjusted) {
        return new ScorecardRow(metric, metric, MetricType.MEAN, method, "previews", null, 863, 897, 0, c, adjusted,
                InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED);
    }

    /** Golden exp_autoplay.json, streaming_hours / previews (welch_t). */
    private static final ScorecardRow HOURS = row("streaming_hours", "welch_t", ComparisonResult.ok(3.1990929251963434,
            3.5483241979437632, 0.34923127274741983, new Interval(-0.053855907569589301, 0.7523184530644289),
            0.1091657169433382, new Interval(-0.023288844437096654, 0.24162027832377303), 0.089445813084142178), 0.161);

    /** A Bayesian startup time row (constructed): 0.9 chance that the treatment is higher, i.e. slower. */
    private static final ScorecardRow STARTUP = row("startup_ms_p50", "bayesian", new ComparisonResult(ResultStatus.OK,
            null, 1700.0, 1750.0, 50.0, new Interval(-10, 110), 50 / 1700.0, new Interval(-10 / 1700.0, 110 / 1700.0), null,
            Map.of("chance_to_beat_control", 0.9, "expected_loss", 2.5, "expected_loss_control", 52.5)), null);

    private static ResultsTable table(List<ScorecardRow> rows, String distrust) {
        return new ResultsTable(ResultsTable.lines(rows, GROUPS, 0.05, DecisionVerdicts.NONE), false, ConfidenceLevel.DEFAULT, distrust, r -> { });
    }

    @Test
    void aFrequentistTableHasPValuesAndUnits() {
        ResultsTable table = table(List.of(HOURS), null);

        assertThat(headers(table)).containsExactly("Metric", "Variant", "Control", "Treatment", "Effect",
                "95 % interval of the relative effect", "p-value", "Adjusted p", "Units (C / T)", "");
        assertThat(texts(table, "ss-col-value")).containsExactly("Control", "Treatment", "3.199 h", "3.548 h");
        assertThat(texts(table, "ss-abs")).containsExactly("+0.3492 h");
        assertThat(texts(table, "ss-metric-facts")).containsExactly("↑ higher is better · 7 d · in h · welch_t");
        assertThat(texts(table, "ss-results-distrust")).isEmpty();
    }

    @Test
    void aBayesianTableHasTheChanceAndExpectedLossInTheMetricsDirectionAndNoPValues() {
        ResultsTable table = table(List.of(HOURS, STARTUP), null);

        assertThat(headers(table)).containsExactly("Metric", "Variant", "Control", "Treatment", "Effect",
                "95 % credible interval of the relative effect", "Chance to beat control", "Expected loss",
                "Units (C / T)", "");
        // startup is lower-is-better: P(treatment < control) = 1 − 0.9; the loss of shipping E[max(t − c, 0)] = 52.5 ms
        assertThat(texts(table, "ss-col-chance")).containsExactly("Chance to beat control", "—p 0.089", "10.0 %");
        assertThat(texts(table, "ss-col-loss")).containsExactly("Expected loss", "—", "52.50 ms");
        assertThat(texts(table, "ss-results-note")).containsExactly(ResultRow.chanceNote(0.05));
    }

    @Test
    void aSampleRatioMismatchGreysTheRowsAndSaysWhyOnce() {
        String distrust = ResultsTable.distrust(new SrmResult(25.3, 0.0000005, true, Map.of("control", 0.5, "previews", 0.5)));

        ResultsTable table = table(List.of(HOURS), distrust);

        assertThat(distrust).isEqualTo("Sample ratio mismatch (p < 0.001): these results may be biased; find the cause"
                + " before trusting them.");
        assertThat(texts(table, "ss-results-distrust")).containsExactly(distrust);
        assertThat(all(table).filter(c -> c.getElement().getClassList().contains("ss-verdict")))
                .allSatisfy(badge -> {
                    assertThat(badge.getElement().getClassList()).contains("ss-verdict-distrusted");
                    assertThat(badge.getElement().getAttribute("title")).isEqualTo(distrust);
                });
        assertThat(all(table).filter(c -> c.getElement().getClassList().contains("ss-distrusted-row"))).hasSize(1);
        assertThat(ResultsTable.distrust(new SrmResult(0.66, 0.418, false, Map.of()))).isNull();
    }

    private static List<String> headers(ResultsTable table) {
        return all(table).filter(c -> c instanceof TableHeaderCell && c.getParent().flatMap(Component::getParent)
                .map(p -> p.getElement().getTag().equals("thead")).orElse(false)).map(c -> c.getElement().getText()).toList();
    }

    private static List<String> texts(ResultsTable table, String className) {
        return all(table).filter(c -> c.getElement().getClassList().contains(className))
                .map(c -> c.getElement().getTextRecursively()).toList();
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ResultsTableTest::all));
    }
}
