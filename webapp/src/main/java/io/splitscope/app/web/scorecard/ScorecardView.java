package io.splitscope.app.web.scorecard;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.app.analysis.AnalysisException;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.analysis.Scorecard;
import io.splitscope.app.web.MainLayout;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.experiments.ExperimentsView;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.sql.WarehouseException;
import io.splitscope.stats.health.SrmResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecard of one experiment, for a product manager: what the experiment is, whether the
 * test is healthy (the sample-ratio check, the population), and for every metric and treatment
 * what changed, by how much and how sure we are.
 */
@Route(value = "experiments/:" + ScorecardView.EXPERIMENT_ID, layout = MainLayout.class)
@PermitAll
public final class ScorecardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The route parameter naming the experiment. */
    public static final String EXPERIMENT_ID = "experimentId";

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardView.class);
    private static final DateTimeFormatter COMPUTED_AT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final AnalysisService analysis;
    private final ScorecardCache scorecards;
    private String title = "Scorecard · Splitscope";

    /** Built by Vaadin's Spring integration. */
    public ScorecardView(AnalysisService analysis, ScorecardCache scorecards) {
        this.analysis = analysis;
        this.scorecards = scorecards;
        addClassName("ss-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String experimentId = event.getRouteParameters().get(EXPERIMENT_ID).orElse("");
        add(backLink());
        Optional<Experiment> experiment = analysis.experiments().stream()
                .filter(e -> e.id().equals(experimentId)).findFirst();
        if (experiment.isEmpty()) {
            title = "Experiment not found · Splitscope";
            add(message("No experiment “" + experimentId + "” here",
                    "This warehouse has no experiment with that id. It may have been renamed, or the link may point to"
                            + " another warehouse. Pick one from the list of experiments."));
            return;
        }
        title = experiment.get().name() + " · Splitscope";
        Scorecard scorecard;
        try {
            scorecard = scorecards.scorecard(experimentId);
        } catch (AnalysisException | WarehouseException e) {
            LOG.warn("Could not analyse experiment {}: {}", experimentId, e.getMessage());
            add(header(experiment.get()), message("This experiment could not be analysed", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.error("Analysis of experiment {} failed", experimentId, e);
            add(header(experiment.get()), message("This experiment could not be analysed",
                    "Something went wrong while computing the scorecard; the details are in the server log."));
            return;
        }
        add(header(scorecard.experiment()), health(scorecard), results(scorecard), footer(scorecard));
    }

    private static RouterLink backLink() {
        RouterLink back = new RouterLink("← Experiments", ExperimentsView.class);
        back.addClassName("ss-back");
        return back;
    }

    private static Component header(Experiment experiment) {
        Div header = new Div();
        header.addClassName("ss-header");
        H1 name = new H1(blankToId(experiment.name(), experiment.id()));
        Div facts = new Div(
                fact("Experiment", experiment.id()),
                fact("Owner", blankToDash(experiment.owner())),
                fact("Dates", Formats.dateRange(experiment.startDate(), experiment.endDate())),
                fact("Control", experiment.controlVariant()));
        facts.addClassName("ss-facts");
        header.add(name, facts);
        if (experiment.hypothesis() != null && !experiment.hypothesis().isBlank()) {
            Paragraph hypothesis = new Paragraph();
            hypothesis.addClassName("ss-hypothesis");
            Span label = new Span("Hypothesis ");
            label.addClassName("ss-label");
            hypothesis.add(label, new Span(experiment.hypothesis()));
            header.add(hypothesis);
        }
        return header;
    }

    private static Component fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("ss-label");
        Span v = new Span(value);
        v.addClassName("ss-fact-value");
        Div fact = new Div(l, v);
        fact.addClassName("ss-fact");
        return fact;
    }

    private static Component health(Scorecard scorecard) {
        Div health = new Div();
        health.addClassName("ss-health");
        health.add(srmBanner(scorecard.srm()), population(scorecard));
        return health;
    }

    /** The sample-ratio check: a loud banner on a mismatch, a quiet line otherwise. */
    static Component srmBanner(SrmResult srm) {
        String statistic = "χ² = " + Formats.number(srm.chiSquare()) + ", " + Formats.pStatement(srm.pValue());
        if (srm.mismatch()) {
            Div banner = new Div();
            banner.addClassName("ss-srm-banner");
            banner.getElement().setAttribute("role", "alert");
            var icon = VaadinIcon.WARNING.create();
            icon.addClassName("ss-srm-icon");
            Div text = new Div();
            Span head = new Span("Sample ratio mismatch: ");
            head.addClassName("ss-srm-head");
            text.add(head, new Span("the split differs from the planned weights (" + statistic + "). Results may be"
                    + " biased; check assignment and logging before trusting them."));
            banner.add(icon, text);
            return banner;
        }
        Div ok = new Div();
        ok.addClassName("ss-srm-ok");
        var icon = VaadinIcon.CHECK_CIRCLE.create();
        icon.addClassName("ss-srm-icon");
        Span text = new Span("Split as planned");
        Span detail = new Span(" (" + statistic + ")");
        detail.addClassName("ss-muted");
        ok.add(icon, text, detail);
        return ok;
    }

    private static Component population(Scorecard scorecard) {
        Population population = scorecard.population();
        Experiment experiment = scorecard.experiment();
        Map<String, Double> expected = scorecard.srm().expectedShare();
        long total = population.totalUnits();
        Div cards = new Div();
        cards.addClassName("ss-population");
        for (Map.Entry<String, Long> entry : population.units().entrySet()) {
            String variant = entry.getKey();
            long units = entry.getValue();
            String observed = total > 0 ? Formats.percent((double) units / total) : Formats.MISSING;
            Double planned = expected == null ? null : expected.get(variant);
            String caption = observed + " of units" + (planned == null ? "" : " · planned " + Formats.percent(planned));
            String kind = variant.equals(experiment.controlVariant()) ? "Control" : "Treatment";
            cards.add(card(kind, variant, Formats.count(units), caption, "ss-card-variant"));
        }
        cards.add(card("Excluded", "Crossover units", Formats.count(population.crossoverUnits()),
                "exposed to more than one variant", "ss-card-quality"));
        cards.add(card("Dropped", "Invalid exposures", Formats.count(population.invalidExposures()),
                "logged with a variant the experiment does not have", "ss-card-quality"));
        return cards;
    }

    private static Component card(String kind, String label, String value, String caption, String className) {
        Span k = new Span(kind);
        k.addClassName("ss-label");
        Span l = new Span(label);
        l.addClassName("ss-card-label");
        Span v = new Span(value);
        v.addClassName("ss-card-value");
        Span c = new Span(caption);
        c.addClassName("ss-card-caption");
        Div card = new Div(k, l, v, c);
        card.addClassNames("ss-card", className);
        return card;
    }

    private static Component results(Scorecard scorecard) {
        Div section = new Div();
        section.addClassName("ss-results");
        H2 heading = new H2("Results");
        Paragraph caption = new Paragraph("Each treatment against " + scorecard.experiment().controlVariant()
                + ". Under each effect, its 95 % confidence interval; the relative effect is green (up) or red (down)"
                + " when that interval excludes zero. Adjusted p-values control the false discovery rate across all"
                + " rows (Benjamini–Hochberg).");
        caption.addClassName("ss-lead");
        section.add(heading, caption);
        if (scorecard.rows().isEmpty()) {
            section.add(new Paragraph("No metric rows: the analysis produced no results for this experiment."));
            return section;
        }
        section.add(resultGrid(scorecard));
        return section;
    }

    private static Grid<ResultRow> resultGrid(Scorecard scorecard) {
        Grid<ResultRow> grid = new Grid<>();
        grid.addClassName("ss-scorecard");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(scorecard.rows().stream().map(ResultRow::of).toList());

        grid.addComponentColumn(ScorecardView::metricCell).setHeader("Metric").setFlexGrow(1).setResizable(true)
                .setWidth("14rem").setKey("metric");
        grid.addColumn(ResultRow::variant).setHeader("Variant").setAutoWidth(true).setFlexGrow(0).setKey("variant");
        grid.addColumn(ResultRow::controlValue).setHeader("Control").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("control");
        grid.addColumn(ResultRow::treatmentValue).setHeader("Treatment").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("treatment");
        grid.addComponentColumn(r -> twoLines(r.absoluteEffect(), r.absoluteCi(), null))
                .setHeader("Absolute effect").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setKey("absolute");
        grid.addComponentColumn(r -> twoLines(r.relativeEffect(), r.relativeCi(), r.direction().className()))
                .setHeader("Relative effect").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setKey("relative");
        grid.addColumn(ResultRow::pValue).setHeader("p-value").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("p");
        grid.addColumn(ResultRow::pValueAdjusted).setHeader("Adjusted p").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("p-adjusted");
        grid.addColumn(ResultRow::units).setHeader("Units (C / T)").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("units");
        grid.addComponentColumn(ScorecardView::statusCell).setHeader("Status").setWidth("9rem").setFlexGrow(1).setKey("status");
        return grid;
    }

    private static Component metricCell(ResultRow row) {
        Span title = new Span(row.metricTitle());
        title.addClassName("ss-metric-title");
        Span id = new Span(row.metricId() + " · " + row.method());
        id.addClassName("ss-id");
        Div details = new Div(id);
        Div cell = new Div(title, details);
        cell.addClassName("ss-stack");
        return cell;
    }

    private static Component twoLines(String value, String ci, String valueClass) {
        Span v = new Span(value);
        v.addClassName("ss-effect");
        if (valueClass != null) {
            v.addClassName(valueClass);
        }
        Span c = new Span(ci);
        c.addClassName("ss-ci");
        Div cell = new Div(v, c);
        cell.addClassNames("ss-stack", "ss-stack-end");
        return cell;
    }

    private static Component statusCell(ResultRow row) {
        Div cell = new Div();
        cell.addClassName("ss-stack");
        if (row.ok()) {
            Span ok = new Span("OK");
            ok.addClassName("ss-muted");
            cell.add(ok);
        } else {
            Span label = new Span(row.statusLabel());
            label.addClassName("ss-status-problem");
            Span reason = new Span(row.statusReason());
            reason.addClassName("ss-status-reason");
            cell.add(label, reason);
        }
        if (row.incompleteNote() != null) {
            Span note = new Span(row.incompleteNote());
            note.addClassName("ss-status-reason");
            cell.add(note);
        }
        return cell;
    }

    private static Component footer(Scorecard scorecard) {
        Paragraph footer = new Paragraph("Computed " + COMPUTED_AT.format(scorecard.computedAt()) + " from "
                + scorecard.warehouse() + ".");
        footer.addClassName("ss-footer");
        return footer;
    }

    private static Component message(String heading, String text) {
        Div box = new Div();
        box.addClassName("ss-message");
        H2 h = new H2(heading);
        Paragraph p = new Paragraph(text);
        RouterLink link = new RouterLink("See all experiments", ExperimentsView.class);
        box.add(h, p, link);
        return box;
    }

    private static String blankToId(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String blankToDash(String value) {
        return value == null || value.isBlank() ? Formats.MISSING : value;
    }
}
