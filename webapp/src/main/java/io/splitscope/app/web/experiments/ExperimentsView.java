package io.splitscope.app.web.experiments;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.app.results.ExperimentRecords;
import io.splitscope.app.results.ResultsStoreStatus;
import io.splitscope.app.results.Today;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.app.web.common.Banners;
import io.splitscope.app.web.common.DecisionTexts;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.HealthCheck;
import io.splitscope.app.web.common.RecordChips;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.app.web.scorecard.ScorecardView;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.decision.Decision;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start page: every experiment of the warehouse, newest first, with its status (the team's,
 * else the one its dates give) and tags, owner, dates,
 * planned split and analysed units, its decision (from its stored scorecard), and health badges (sample ratio, crossovers, invalid exposures,
 * incomplete windows) that fill in as the background checks finish. Search and filters narrow the
 * list; clicking a row opens the experiment's scorecard.
 */
@PermitAll
@Route("")
@PageTitle("Experiments · Splitscope")
public final class ExperimentsView extends Div {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentsView.class);

    private final HealthService healthService;
    private final LocalDate today;
    private final List<Experiment> experiments;
    private final Map<String, ExperimentHealth> health = new ConcurrentHashMap<>();
    private final Map<String, String> healthErrors = new ConcurrentHashMap<>();

    private final TextField search = new TextField();
    private final Select<RecordStatus> status = new Select<>();
    private final Select<String> tag = new Select<>();
    private final Select<String> owner = new Select<>();
    private final DatePicker from = new DatePicker("Running from");
    private final DatePicker to = new DatePicker("to");
    private final Span shown = new Span();
    private final Grid<Experiment> grid = new Grid<>();

    private final AnalysisJobs jobs;
    private final ExperimentRecords records;

    /** Built by Vaadin's Spring integration. */
    public ExperimentsView(WarehouseExperiments warehouseExperiments, HealthService healthService, Today today, ResultsStoreStatus storeStatus,
                           AnalysisJobs jobs, ExperimentRecords records) {
        this.records = Objects.requireNonNull(records, "records");
        this.healthService = Objects.requireNonNull(healthService, "healthService");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.today = today.date();
        addClassNames("ss-page", "ss-experiments-page");
        experiments = warehouseExperiments.all(); // the most recently started first

        H1 title = new H1("Experiments");
        Paragraph summary = new Paragraph(experiments.isEmpty()
                ? "This warehouse has no experiments yet."
                : "Open an experiment to read its scorecard: what changed, by how much, and how sure we are. "
                        + "The health badges say whether its data can be trusted"
                        + " (hover over a badge for what it means). Status as of " + Formats.date(this.today) + ".");
        summary.addClassName("ss-lead");
        add(title, summary);
        Banners.resultsStore(storeStatus).ifPresent(this::add);
        if (!experiments.isEmpty()) {
            add(filters(), grid());
            applyFilter();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        for (Experiment experiment : experiments) {
            UiUpdates.whenDone(ui, healthService.health(experiment.id()), (result, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not check the health of {}: {}", experiment.id(), failure.getMessage());
                    healthErrors.put(experiment.id(), failure.getMessage() == null ? failure.toString() : failure.getMessage());
                } else {
                    health.put(experiment.id(), result);
                }
                grid.getDataProvider().refreshItem(experiment);
            });
        }
    }

    private Component filters() {
        search.setPlaceholder("Search name, id, owner, hypothesis, variant");
        search.setLabel("Search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("ss-search");

        status.setLabel("Status");
        status.setItems(RecordStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");

        List<String> owners = experiments.stream().map(Experiment::owner).filter(o -> o != null && !o.isBlank())
                .distinct().sorted().toList();
        owner.setLabel("Owner");
        owner.setItems(owners);
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption("Any owner");

        List<String> tags = experiments.stream().flatMap(e -> records.of(e.id()).tags().stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)))
                .stream().toList();
        tag.setLabel("Tag");
        tag.setItems(tags);
        tag.setEmptySelectionAllowed(true);
        tag.setEmptySelectionCaption("Any tag");
        tag.addClassName("ss-tag-filter");

        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setPlaceholder("any day");
        to.setPlaceholder("any day");

        Button clear = new Button("Clear filters", e -> {
            search.clear();
            status.clear();
            tag.clear();
            owner.clear();
            from.clear();
            to.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        search.addValueChangeListener(e -> applyFilter());
        status.addValueChangeListener(e -> applyFilter());
        owner.addValueChangeListener(e -> applyFilter());
        tag.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        shown.addClassName("ss-muted");
        Div bar = new Div(search, status, tag, owner, from, to, clear, shown);
        bar.addClassName("ss-filters");
        return bar;
    }

    private void applyFilter() {
        ExperimentFilter filter = new ExperimentFilter(search.getValue(), status.getValue(), owner.getValue(),
                from.getValue(), to.getValue(), tag.getValue());
        List<Experiment> visible = experiments.stream().filter(e -> filter.test(e, records.of(e.id()), today)).toList();
        grid.setItems(visible);
        shown.setText(visible.size() == experiments.size()
                ? experiments.size() + (experiments.size() == 1 ? " experiment" : " experiments")
                : "Showing " + visible.size() + " of " + experiments.size());
    }

    private Grid<Experiment> grid() {
        grid.addClassName("ss-experiments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No experiment matches these filters.");

        // the name column keeps a readable width; the decision column wraps its variants rather than widen
        grid.addComponentColumn(this::nameCell).setHeader("Experiment").setWidth("11em").setFlexGrow(3).setResizable(true)
                .setKey("experiment");
        grid.addComponentColumn(this::statusCell).setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(e -> text(e.owner())).setHeader("Owner").setAutoWidth(true).setFlexGrow(0).setKey("owner");
        grid.addComponentColumn(ExperimentsView::datesCell).setHeader("Dates").setAutoWidth(true).setFlexGrow(0)
                .setKey("dates");
        grid.addComponentColumn(this::variantsCell).setHeader("Variants · planned · units").setAutoWidth(true)
                .setFlexGrow(0).setKey("variants");
        grid.addComponentColumn(this::decisionCell).setHeader("Decision").setWidth("11em").setFlexGrow(0).setKey("decision");
        grid.addComponentColumn(this::healthCell).setHeader("Health").setWidth("13em").setFlexGrow(2).setKey("health");

        grid.addItemClickListener(click -> grid.getUI().ifPresent(ui ->
                ui.navigate(ScorecardView.class, new RouteParameters(ScorecardView.EXPERIMENT_ID, click.getItem().id()))));
        return grid;
    }

    private Div nameCell(Experiment experiment) {
        Span name = new Span(text(experiment.name()).equals(Formats.MISSING) ? experiment.id() : experiment.name());
        name.addClassName("ss-experiment-name");
        Span id = new Span(experiment.id());
        id.addClassName("ss-id");
        Div cell = new Div(name, id);
        cell.addClassName("ss-stack");
        if (experiment.hypothesis() != null && !experiment.hypothesis().isBlank()) {
            Span hypothesis = new Span(experiment.hypothesis());
            hypothesis.addClassName("ss-hypothesis-short");
            cell.add(hypothesis);
        }
        List<String> tags = records.of(experiment.id()).tags();
        if (!tags.isEmpty()) {
            cell.add(RecordChips.tags(tags));
        }
        return cell;
    }

    private Span statusCell(Experiment experiment) {
        ExperimentRecord record = records.of(experiment.id());
        return RecordChips.status(record, RecordStatus.byDates(experiment, today));
    }

    private static Div datesCell(Experiment experiment) {
        if (experiment.assignment() != null && !experiment.assignment().timed()) {
            Span none = new Span("no timestamps");
            none.addClassName("ss-muted");
            none.getElement().setAttribute("title", "Its assignment has no timestamps: every exposure counts, and its "
                    + "metrics have no windows.");
            return new Div(none);
        }
        Span range = new Span(Formats.date(experiment.startDate()) + " – "
                + (experiment.endDate() == null ? "ongoing" : Formats.date(experiment.endDate())));
        Div cell = new Div(range);
        cell.addClassName("ss-stack");
        if (experiment.startDate() != null && experiment.endDate() != null
                && !experiment.endDate().isBefore(experiment.startDate())) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(experiment.startDate(), experiment.endDate()) + 1;
            Span length = new Span(days + (days == 1 ? " day" : " days"));
            length.addClassName("ss-muted");
            cell.add(length);
        }
        return cell;
    }

    private Div variantsCell(Experiment experiment) {
        ExperimentHealth h = health.get(experiment.id());
        double total = experiment.variants().stream().mapToDouble(Experiment.VariantWeight::weight).sum();
        Div cell = new Div();
        cell.addClassName("ss-split");
        for (Experiment.VariantWeight v : experiment.variants()) {
            Span name = new Span(v.variant());
            if (v.variant().equals(experiment.controlVariant())) {
                name.addClassName("ss-control-name");
                name.getElement().setAttribute("title", "the control");
            }
            Span share = new Span(total > 0 ? Formats.percent(v.weight() / total) : Formats.MISSING);
            share.addClassName("ss-split-share");
            Long units = h == null ? null : h.population().units().get(v.variant());
            Span n = new Span(units == null ? "…" : Formats.count(units));
            n.addClassName("ss-split-units");
            cell.add(new Div(name, share, n));
        }
        if (h != null) {
            Span sum = new Span(Formats.count(h.population().totalUnits()) + " units");
            sum.addClassName("ss-split-total");
            cell.add(new Div(sum));
        }
        return cell;
    }

    /** The decision of each treatment, from the stored default scorecard; a dash while there is none. */
    private Div decisionCell(Experiment experiment) {
        Div cell = new Div();
        cell.addClassNames("ss-stack", "ss-decision-cell");
        List<Decision> decisions = jobs.storedDecisions(experiment.id());
        if (decisions.isEmpty()) {
            Span none = new Span(Formats.MISSING);
            none.addClassName("ss-muted");
            none.getElement().setAttribute("title", experiment.decisionPlan().decides()
                    ? "Not analysed yet: open the experiment" : "No decision plan: an analyst can set success metrics and guardrails");
            cell.add(none);
            return cell;
        }
        for (Decision decision : decisions) {
            Span badge = new Span(DecisionTexts.headline(decision));
            badge.addClassNames("ss-badge", "ss-decision-badge", "ss-decision-" + decision.recommendation().id());
            badge.getElement().setAttribute("data-variant", decision.variant());
            badge.getElement().setAttribute("data-decision", decision.recommendation().id());
            if (decisions.size() > 1) {
                Span variant = new Span(decision.variant() + " ");
                variant.addClassName("ss-muted");
                cell.add(new Div(variant, badge));
            } else {
                cell.add(badge);
            }
        }
        return cell;
    }

    private Div healthCell(Experiment experiment) {
        Div cell = new Div();
        cell.addClassName("ss-badges");
        ExperimentHealth h = health.get(experiment.id());
        String error = healthErrors.get(experiment.id());
        if (h == null && error == null) {
            Span checking = new Span("Checking…");
            checking.addClassNames("ss-badge", "ss-badge-pending");
            cell.add(checking);
            return cell;
        }
        if (h == null) {
            Span failed = new Span("Cannot analyse");
            failed.addClassNames("ss-badge", HealthCheck.Level.WARNING.className());
            failed.getElement().setAttribute("title", error);
            cell.add(failed);
            return cell;
        }
        for (HealthCheck check : h.checks()) {
            Span badge = new Span(check.label());
            badge.addClassNames("ss-badge", check.level().className(),
                    "ss-badge-" + check.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            badge.getElement().setAttribute("title", check.detail());
            cell.add(badge);
        }
        return cell;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? Formats.MISSING : value;
    }
}
