package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.splitscope.analysis.EffectSeries;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.query.SeriesAxis;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "over time" tab: how the effect of one mean or proportion metric built up, by days since
 * exposure or by calendar day, computed in the background when a metric or axis is chosen.
 */
record TimeSeriesPanel(SeriesCache seriesCache) implements ScorecardPanel {

    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesPanel.class);

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        List<Metric> candidates = shown.groups().metrics().stream()
                .filter(m -> m.seriesRefusal().isEmpty()).toList();
        if (candidates.isEmpty()) {
            panel.add(new Paragraph("No mean or proportion metric to follow over time."));
            return;
        }
        panel.add(PanelParts.caption("How the effect built up: the cumulative relative effect with its "
                + shown.confidence() + " interval. By days since"
                + " exposure, a fading effect is novelty (and a growing one, learning); by calendar day, how the results"
                + " stood each day. Every point is a look at the data: these intervals do not correct for peeking —"
                + " use the sequential method to decide early."));
        Select<Metric> metric = PanelParts.metricChoice(candidates, shown.groups(), "ss-series-metric");
        RadioButtonGroup<SeriesAxis> axis = new RadioButtonGroup<>("Time axis");
        axis.setItems(SeriesAxis.DAYS_SINCE_EXPOSURE, SeriesAxis.CALENDAR_DATE);
        axis.setItemLabelGenerator(a -> a == SeriesAxis.DAYS_SINCE_EXPOSURE ? "Days since exposure" : "Calendar day");
        axis.setValue(SeriesAxis.DAYS_SINCE_EXPOSURE);
        axis.addClassName("ss-series-axis");
        Div controls = new Div(metric, axis);
        controls.addClassName("ss-panel-controls");
        Div chartArea = PanelParts.chartArea();
        panel.add(controls, chartArea);
        Runnable draw = () -> draw(chartArea, shown.ui(), shown.key(), metric.getValue(), axis.getValue());
        metric.addValueChangeListener(e -> draw.run());
        axis.addValueChangeListener(e -> draw.run());
        draw.run();
    }

    private void draw(Div area, UI ui, ScorecardCache.Key shown, Metric metric, SeriesAxis axis) {
        String experimentId = shown.experimentId();
        area.removeAll();
        area.add(PanelParts.waiting("Computing the day-by-day series of " + metric.title() + "…"));
        UiUpdates.whenDone(ui, seriesCache.series(new SeriesCache.Key(experimentId, metric.id(), axis, shown.confidence())),
                (EffectSeries series, Throwable failure) -> {
                    area.removeAll();
                    if (failure != null) {
                        LOG.warn("No series of {} for {}: {}", metric.id(), experimentId, failure.getMessage());
                        area.add(new Paragraph("The series could not be computed: " + failure.getMessage()));
                        return;
                    }
                    PlotlyChart chart = new PlotlyChart(ScorecardFigures.series(series, metric.title()));
                    chart.addClassName("ss-series");
                    area.add(chart);
                });
    }
}
