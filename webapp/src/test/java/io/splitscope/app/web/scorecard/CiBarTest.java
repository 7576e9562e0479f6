package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CiBarTest {

    /** A formatted row with this relative interval and its midpoint as the estimate. */
    private static ResultRow row(double low, double high) {
        double mid = (low + high) / 2;
        ComparisonResult c = ComparisonResult.ok(1, 1 + mid, mid, new Interval(low, high), mid, new Interval(low, high), 0.2);
        return ResultRow.of(new ScorecardRow("m", "M", MetricType.MEAN, "welch_t", "t", null, 100, 100, 0, c, 0.3,
                InputSummary.NONE, MetricKind.MEAN, Eligibility.ELAPSED), Direction.HIGHER_IS_BETTER, MetricUnit.of("h"), 0.05);
    }

    @Test
    void theScaleFitsTheGroupsIntervalsAndCutsTheWidest() {
        // 7 rows: the 6th of 7 (85 %) on each side sets the ends, -3 % and +5 %; the -90 % … +150 % row is cut.
        // span 8 %: a step of 8 / 4 = 2 %; with 4 % of the span as room (0.32 %) rounded out to the step: -4 % … +6 %
        List<ResultRow> rows = List.of(row(-0.02, 0.05), row(-0.01, 0.03), row(0.0, 0.04), row(-0.03, 0.02),
                row(-0.015, 0.035), row(-0.025, 0.045), row(-0.9, 1.5));

        CiBar.Scale scale = CiBar.Scale.fit(rows);

        assertThat(scale).isEqualTo(new CiBar.Scale(-0.04, 0.06, 0.02));
        assertThat(scale.ticks()).containsExactly(-0.04, -0.02, 0.0, 0.02, 0.04, 0.06);
        assertThat(scale.ticks().stream().map(CiBar::tickLabel)).containsExactly("−4 %", "−2 %", "0 %", "+2 %", "+4 %", "+6 %");
        assertThat(scale.position(0)).isEqualTo(40.0);
        assertThat(scale.position(-0.9)).isEqualTo(0.0);
        assertThat(scale.position(1.5)).isEqualTo(100.0);
    }

    @Test
    void aScaleOfOneSidedIntervalsStartsAtZero() {
        // ends 0 and +15 %: step 15 / 4 = 3.75 % → 5 %; +15.6 % with room → +20 %
        CiBar.Scale scale = CiBar.Scale.fit(List.of(row(0.05, 0.15), row(0.08, 0.12)));

        assertThat(scale).isEqualTo(new CiBar.Scale(0, 0.2, 0.05));
        assertThat(CiBar.tickLabel(0.025)).isEqualTo("+2.5 %");
    }

    @Test
    void rowsWithoutIntervalsGetOnePercentEachSide() {
        assertThat(CiBar.Scale.fit(List.of())).isEqualTo(new CiBar.Scale(-0.01, 0.01, 0.005));
    }

    @Test
    void anIntervalBeyondTheScaleIsCutWithAnArrowAtThatEndOnly() {
        CiBar.Scale scale = new CiBar.Scale(-0.04, 0.06, 0.02);

        Component bar = CiBar.bar(row(-0.02, 0.3), scale, ConfidenceLevel.DEFAULT);

        List<String> classes = descendants(bar).flatMap(c -> c.getElement().getClassList().stream()).toList();
        assertThat(classes).contains("ss-cibar-arrow-high", "ss-cibar-cut-high", "ss-cibar-zero")
                .doesNotContain("ss-cibar-arrow-low", "ss-cibar-cut-low");
        assertThat(descendants(CiBar.bar(row(-0.02, 0.03), scale, ConfidenceLevel.DEFAULT))
                .flatMap(c -> c.getElement().getClassList().stream())).doesNotContain("ss-cibar-arrow-high");
    }

    @Test
    void hoveringShowsTheEstimateAndIntervalRelativeAndAbsolute() {
        String numbers = CiBar.numbers(row(-0.02, 0.3), ConfidenceLevel.DEFAULT);

        assertThat(numbers).isEqualTo("Relative effect +14.0 %, 95 % interval −2.0 % to +30.0 %\n"
                + "Absolute effect +0.1400 h, 95 % interval −0.02000 h to +0.3000 h");
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CiBarTest::descendants));
    }
}
