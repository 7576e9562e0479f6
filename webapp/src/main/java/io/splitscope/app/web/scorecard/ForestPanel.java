package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.UiUpdates;

/**
 * The forest plot tab: every metric's relative effect with its interval, grouped as the table. A
 * sliced scorecard is plotted for the whole population (the segments tab shows the slices).
 */
final class ForestPanel implements ScorecardPanel {

    private final ScorecardCache scorecards;

    ForestPanel(ScorecardCache scorecards) {
        this.scorecards = scorecards;
    }

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        panel.add(PanelParts.caption("Every metric's relative effect with its " + shown.confidence() + " interval: to the right of the line is an"
                + " increase. Green is better, red worse, grey inconclusive. Click a point to see how it was computed."));
        ScorecardCache.Key key = shown.key();
        if (key.segmentBy() == null) {
            panel.add(chart(shown));
            return;
        }
        ScorecardCache.Run run = scorecards.request(key.withSegmentBy(null));
        ProgressBar waiting = PanelParts.indeterminateProgress();
        panel.add(new Paragraph("The whole population (the forest plot is not sliced by segment; see Segments)."), waiting);
        UiUpdates.whenDone(shown.ui(), run.future(), (unsliced, failure) -> {
            panel.remove(waiting);
            if (failure != null) {
                panel.add(new Paragraph("Could not analyse the whole population: " + failure.getMessage()));
            } else {
                panel.add(chart(shown.with(unsliced.scorecard())));
            }
        });
    }

    private static Component chart(ShownScorecard shown) {
        PlotlyChart chart = new PlotlyChart(ScorecardFigures.forest(shown.lines(), shown.confidence()));
        chart.addClassName("ss-forest");
        chart.addPointClickListener(e -> shown.explain(e.getKey()));
        return chart;
    }
}
