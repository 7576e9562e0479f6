package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.UI;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.project.Project;
import io.splitscope.stats.ConfidenceLevel;
import java.util.List;

/**
 * One scorecard as the page shows it: what its tab panels share instead of reaching into the view.
 *
 * @param key       the choices it was computed with (experiment, method, segment)
 * @param scorecard the scorecard
 * @param lines     its rows, formatted and grouped as the table shows them
 * @param ui        the page, for background work that updates it
 * @param groups    the metrics and their groups
 * @param project   the project, for the example SQL of an explained row
 * @param marks     what R verified, marked on every table a panel shows
 */
record ShownScorecard(ScorecardCache.Key key, Scorecard scorecard, List<ResultsTable.Line> lines, UI ui,
                      MetricGroups groups, Project project, RVerificationMarks marks) {

    /** {@code scorecard} as shown on the page, its rows grouped by {@code groups}. */
    static ShownScorecard of(ScorecardCache.Key key, Scorecard scorecard, UI ui, MetricGroups groups, Project project,
                             RVerificationMarks marks) {
        return new ShownScorecard(key, scorecard, ResultsTable.lines(scorecard.rows(), groups, scorecard.confidence().alpha(),
                DecisionVerdicts.of(scorecard.decisions())), ui, groups, project, marks);
    }

    /** The confidence level of the scorecard's intervals, which its plots and series share. */
    ConfidenceLevel confidence() {
        return scorecard.confidence();
    }

    /** Another scorecard of the same page, e.g. the whole population beside a sliced one. */
    ShownScorecard with(Scorecard other) {
        return of(key, other, ui, groups, project, marks);
    }

    /** Opens the dialog that explains how the row was computed. */
    void explain(ScorecardRow row) {
        Metric explained = groups.metric(row.metricId());
        new ExplainDialog(scorecard, row, explained,
                explained == null ? null : project.exampleAssignment(explained), marks.of(row)).open();
    }

    /** Explains the row with this key ({@link ResultRow#key()}, e.g. from a click on a chart), if there is one. */
    void explain(String rowKey) {
        scorecard.rows().stream().filter(r -> ResultRow.keyOf(r).equals(rowKey)).findFirst().ifPresent(this::explain);
    }

    /** A results table of {@code rows}, marked with what R verified when that is known. */
    ResultsTable table(List<ResultsTable.Line> rows, boolean segmented) {
        return marks.track(new ResultsTable(rows, segmented, scorecard.confidence(), this::explain));
    }

    /** Opens this experiment with the same method, sliced by {@code segment}, on {@code tab}. */
    void navigate(String segment, String tab) {
        ScorecardView.navigate(ui, key.withSegmentBy(segment), tab);
    }
}
