package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.splitscope.analysis.QuantileCurve;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.metrics.Measure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quantiles tab: per event value of the scorecard's percentile metrics, the difference
 * between treatment and control at every percentile (computed in the background), with the
 * scorecard's own percentile rows marked on it and listed below.
 */
record QuantilesPanel(SeriesCache seriesCache) implements ScorecardPanel {

    private static final Logger LOG = LoggerFactory.getLogger(QuantilesPanel.class);

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        Map<String, List<ResultsTable.Line>> byValue = new LinkedHashMap<>();
        for (ResultsTable.Line line : shown.lines()) {
            if (line.metric() != null && line.metric().measure() instanceof Measure.Quantile q
                    && (line.row().segment() == null)) {
                byValue.computeIfAbsent(q.eventValue().getName(), v -> new ArrayList<>()).add(line);
            }
        }
        if (byValue.isEmpty()) {
            panel.add(new Paragraph(shown.key().segmentBy() == null ? "This scorecard has no percentile metrics."
                    : "Percentile differences are shown for the whole population: choose “Whole population”."));
            return;
        }
        panel.add(PanelParts.caption("Where in the distribution the change happened: the difference between treatment and control"
                + " at every percentile of the same events (5th to 95th), with its pointwise "
                + shown.confidence() + " interval as a band"
                + " (quantile_asymptotic, clustered by unit). The diamonds are the scorecard's own percentile metrics."
                + " A difference only in the high percentiles means the slowest (or largest) cases changed, not the"
                + " typical one."));
        byValue.forEach((column, quantileLines) -> {
            panel.add(new H3("Percentiles of " + column));
            Div area = PanelParts.chartArea();
            area.add(PanelParts.waiting("Computing the difference at every percentile of " + column + "…"));
            panel.add(area);
            panel.add(shown.table(quantileLines, false));
            draw(area, shown, quantileLines, column.endsWith("_ms") ? "ms" : column.endsWith("_seconds") ? "s" : "");
        });
    }

    private void draw(Div area, ShownScorecard shown, List<ResultsTable.Line> quantileLines, String unit) {
        String experimentId = shown.key().experimentId();
        String metricId = quantileLines.getFirst().row().metricId();
        SeriesCache.CurveKey key = new SeriesCache.CurveKey(experimentId, metricId, shown.confidence());
        UiUpdates.whenDone(shown.ui(), seriesCache.quantileCurve(key),
                (QuantileCurve curve, Throwable failure) -> {
                    area.removeAll();
                    PlotlyChart chart;
                    if (failure != null) {
                        LOG.warn("No quantile curve of {} for {}: {}", metricId, experimentId, failure.getMessage());
                        area.add(new Paragraph("The difference at every percentile could not be computed ("
                                + failure.getMessage() + "); the scorecard's percentiles:"));
                        chart = new PlotlyChart(ScorecardFigures.quantiles(quantileLines, unit));
                    } else {
                        chart = new PlotlyChart(ScorecardFigures.quantileCurve(curve, quantileLines, unit));
                        chart.addPointClickListener(e -> shown.explain(e.getKey()));
                    }
                    chart.addClassName("ss-quantiles");
                    area.add(chart);
                });
    }
}
