package io.splitscope.app.web.experiments;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.web.MainLayout;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.scorecard.ScorecardView;
import io.splitscope.metrics.experiment.Experiment;
import java.util.Comparator;
import java.util.List;

/**
 * The start page: every experiment of the warehouse, newest first, with its owner, dates,
 * planned split and hypothesis. Clicking a row opens the experiment's scorecard.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Experiments · Splitscope")
@PermitAll
public final class ExperimentsView extends Div {

    /** Built by Vaadin's Spring integration, which injects the analysis service. */
    public ExperimentsView(AnalysisService analysis) {
        addClassName("ss-page");
        List<Experiment> experiments = analysis.experiments().stream()
                .sorted(Comparator.comparing(Experiment::startDate, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Experiment::id))
                .toList();

        H1 title = new H1("Experiments");
        Paragraph summary = new Paragraph(experiments.isEmpty()
                ? "This warehouse has no experiments yet."
                : experiments.size() + (experiments.size() == 1 ? " experiment" : " experiments")
                        + ". Open one to read its scorecard: what changed, by how much, and how sure we are.");
        summary.addClassName("ss-lead");
        add(title, summary);
        if (!experiments.isEmpty()) {
            add(grid(experiments));
        }
    }

    private static Grid<Experiment> grid(List<Experiment> experiments) {
        Grid<Experiment> grid = new Grid<>();
        grid.addClassName("ss-experiments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(experiments);

        grid.addComponentColumn(ExperimentsView::nameCell).setHeader("Experiment").setFlexGrow(3).setResizable(true);
        grid.addColumn(e -> text(e.owner())).setHeader("Owner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.dateRange(e.startDate(), e.endDate())).setHeader("Dates")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ExperimentsView::variantsCell).setHeader("Planned split").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> text(e.hypothesis())).setHeader("Hypothesis").setFlexGrow(3);

        grid.addItemClickListener(click -> grid.getUI().ifPresent(ui ->
                ui.navigate(ScorecardView.class, new RouteParameters(ScorecardView.EXPERIMENT_ID, click.getItem().id()))));
        return grid;
    }

    private static Div nameCell(Experiment experiment) {
        Span name = new Span(text(experiment.name()).equals(Formats.MISSING) ? experiment.id() : experiment.name());
        name.addClassName("ss-experiment-name");
        Span id = new Span(experiment.id());
        id.addClassName("ss-id");
        Div cell = new Div(name, id);
        cell.addClassName("ss-stack");
        return cell;
    }

    private static Div variantsCell(Experiment experiment) {
        double total = experiment.variants().stream().mapToDouble(Experiment.VariantWeight::weight).sum();
        Div cell = new Div();
        cell.addClassName("ss-split");
        for (Experiment.VariantWeight v : experiment.variants()) {
            Span name = new Span(v.variant());
            Span share = new Span(total > 0 ? Formats.percent(v.weight() / total) : Formats.MISSING);
            share.addClassName("ss-split-share");
            if (v.variant().equals(experiment.controlVariant()) && !v.variant().equalsIgnoreCase("control")) {
                Span control = new Span("control");
                control.addClassName("ss-tag");
                cell.add(new Div(name, control, share));
            } else {
                cell.add(new Div(name, share));
            }
        }
        return cell;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? Formats.MISSING : value;
    }
}
