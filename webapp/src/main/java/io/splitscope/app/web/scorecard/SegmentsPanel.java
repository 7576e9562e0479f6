package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Metric;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The segments tab: for a sliced scorecard, each segment's effect on one metric, as a plot and a
 * table; for the whole population, the dimensions it can be sliced by.
 */
final class SegmentsPanel implements ScorecardPanel {

    /** The id of this tab, which a chosen dimension opens again. */
    static final String TAB = "segments";

    private final Supplier<List<Dimension>> dimensions;

    /** {@code dimensions}: what results can be sliced by. */
    SegmentsPanel(Supplier<List<Dimension>> dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        if (shown.key().segmentBy() == null) {
            choices(panel, shown);
            return;
        }
        List<Metric> metrics = shown.lines().stream().map(ResultsTable.Line::metric).filter(Objects::nonNull).distinct().toList();
        if (metrics.isEmpty()) {
            panel.add(new Paragraph("No results to break down."));
            return;
        }
        panel.add(PanelParts.caption("Results by " + String.join(" × ", shown.key().request().segmentDimensions()) + ": each segment's relative effect with its "
                + shown.confidence() + " interval. Segments are smaller than the whole, so their intervals are wider; the adjusted p-values"
                + " account for the many comparisons."));
        Select<Metric> metric = PanelParts.metricChoice(metrics, shown.groups(), "ss-segments-metric");
        Div area = PanelParts.chartArea();
        panel.add(metric, area);
        Runnable draw = () -> {
            area.removeAll();
            List<ResultsTable.Line> selected = shown.lines().stream()
                    .filter(l -> l.row().metricId().equals(metric.getValue().id())).toList();
            PlotlyChart chart = new PlotlyChart(ScorecardFigures.segments(selected, shown.confidence()));
            chart.addClassName("ss-segments-chart");
            chart.addPointClickListener(e -> shown.explain(e.getKey()));
            area.add(chart, shown.table(selected, true));
        };
        metric.addValueChangeListener(e -> draw.run());
        draw.run();
    }

    /** A button per dimension, each opening the scorecard sliced by it on this tab. */
    private void choices(Div panel, ShownScorecard shown) {
        panel.add(PanelParts.caption("Break the results down by a dimension to see whether the effect differs between"
                + " groups. Segments are smaller than the whole, so their intervals are wider; look for large,"
                + " consistent differences, not for one significant segment among many."));
        Div choices = new Div();
        choices.addClassName("ss-segment-choices");
        for (Dimension d : dimensions.get()) {
            Button b = new Button("By " + d.id(), e -> shown.navigate(d.id(), TAB));
            b.addClassName("ss-segment-" + d.id());
            choices.add(b);
        }
        panel.add(choices);
    }
}
