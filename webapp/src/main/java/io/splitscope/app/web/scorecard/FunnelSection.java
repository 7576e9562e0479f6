package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Table;
import com.vaadin.flow.component.html.TableDataCell;
import com.vaadin.flow.component.html.TableHeaderCell;
import com.vaadin.flow.component.html.TableRow;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.ConfidenceLevel;

/**
 * The section of one funnel below the scorecard table: a table of each step's share per variant
 * with its interval and the conversion from the step before, and a funnel chart per variant side
 * by side ({@link ScorecardFigures#funnel}), all from {@link FunnelSteps}.
 */
final class FunnelSection extends Div {

    FunnelSection(FunnelSteps funnel, ConfidenceLevel level) {
        addClassName("ss-funnel");
        getElement().setAttribute("data-funnel", funnel.funnelId());
        H3 title = new H3(funnel.title());
        title.addClassName("ss-funnel-title");
        add(title, PanelParts.caption("Each step's share of the eligible units that completed it and every step before"
                + " it, in order, with its " + level + " interval; below it, the conversion from the step before."
                + " Step shares are compared in the table above; step-to-step conversions are descriptive: they count"
                + " only units that reached the step before, which the treatment may change."));
        add(table(funnel));
        Div charts = new Div();
        charts.addClassName("ss-funnel-charts");
        double max = funnel.arms().stream().flatMap(a -> a.steps().stream())
                .mapToDouble(s -> s.high() != null ? s.high() : s.share() == null ? 0 : s.share()).max().orElse(1);
        for (int i = 0; i < funnel.arms().size(); i++) {
            FunnelSteps.Arm arm = funnel.arms().get(i);
            PlotlyChart chart = new PlotlyChart(ScorecardFigures.funnel(arm, i, max));
            chart.addClassName("ss-funnel-chart");
            chart.getElement().setAttribute("data-variant", arm.variant());
            charts.add(chart);
        }
        add(charts);
    }

    private static Table table(FunnelSteps funnel) {
        Table table = new Table();
        table.addClassName("ss-funnel-table");
        TableRow head = table.getHead().addRow();
        ResultsTable.header(head, "Step", "ss-col-step");
        funnel.arms().forEach(arm -> ResultsTable.header(head, arm.variant(), "ss-col-num"));
        int steps = funnel.arms().getFirst().steps().size();
        for (int s = 0; s < steps; s++) {
            TableRow row = table.getBody().addRow();
            row.addClassName("ss-funnel-step");
            TableHeaderCell name = row.addHeaderCell();
            name.setText((s + 1) + ". " + funnel.arms().getFirst().steps().get(s).name());
            name.addClassName("ss-col-step");
            for (FunnelSteps.Arm arm : funnel.arms()) {
                FunnelSteps.Step step = arm.steps().get(s);
                TableDataCell cell = row.addDataCell();
                cell.addClassName("ss-col-num");
                Span share = new Span(Formats.percent(step.share()));
                share.addClassName("ss-funnel-share");
                Span ci = new Span(Formats.shareInterval(step.low(), step.high()));
                ci.addClassName("ss-ci");
                cell.add(share, ci);
                if (step.conversion() != null) {
                    Span conversion = new Span(Formats.percent(step.conversion()) + " of the step before");
                    conversion.addClassName("ss-funnel-conversion");
                    cell.add(conversion);
                }
            }
        }
        return table;
    }
}
