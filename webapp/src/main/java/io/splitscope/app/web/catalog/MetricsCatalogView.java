package io.splitscope.app.web.catalog;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Table;
import com.vaadin.flow.component.html.TableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.MetricTexts;
import io.splitscope.app.web.scorecard.MetricGroups;
import io.splitscope.app.web.scorecard.MetricQueries;
import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.query.MetricSql;
import java.util.List;
import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * The metrics catalog: every metric the app can analyse, with its title, type, window, direction
 * and group (primary, guardrail, secondary); for the selected one its Markdown description, its
 * definition and the SQL it compiles to in a chosen dialect (DuckDB, PostgreSQL, Trino), with or
 * without the CUPED pre-exposure covariate. {@code /metrics/streaming_hours} opens one metric.
 */
@PermitAll
@Route("metrics/:" + MetricsCatalogView.METRIC_ID + "?")
@PageTitle("Metrics · Splitscope")
public final class MetricsCatalogView extends Div implements BeforeEnterObserver {

    /** The optional route parameter naming the selected metric. */
    public static final String METRIC_ID = "metricId";

    /** The dialects the SQL can be shown in, with their names. */
    enum Engine {
        DUCKDB("DuckDB", SQLDialect.DUCKDB),
        POSTGRES("PostgreSQL", SQLDialect.POSTGRES),
        TRINO("Trino", SQLDialect.TRINO);

        final String label;
        final SQLDialect dialect;

        Engine(String label, SQLDialect dialect) {
            this.label = label;
            this.dialect = dialect;
        }
    }

    private final MetricGroups groups;
    private final Project project;
    private final List<Metric> metrics;
    private final Div list = new Div();
    private final Div detail = new Div();
    private final TextField search = new TextField();
    private Metric selected;
    private Engine engine = Engine.DUCKDB;
    private boolean covariate;

    /** Built by Vaadin's Spring integration. */
    public MetricsCatalogView(AnalysisService analysis, MetricGroups groups) {
        this.groups = groups;
        this.project = analysis.project();
        this.metrics = analysis.metrics();
        addClassNames("ss-page", "ss-catalog-page");
        H1 title = new H1("Metrics");
        Paragraph lead = new Paragraph(metrics.size() + " metrics, defined in code (metrics-repo) and compiled to SQL"
                + " for the warehouse. Pick one to read what it measures and the SQL it becomes.");
        lead.addClassName("ss-lead");
        search.setPlaceholder("Search metrics");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> fillList());
        search.addClassName("ss-catalog-search");
        list.addClassName("ss-catalog-list");
        detail.addClassName("ss-catalog-detail");
        Div left = new Div(search, list);
        left.addClassName("ss-catalog-left");
        Div body = new Div(left, detail);
        body.addClassName("ss-catalog");
        add(title, lead, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(METRIC_ID).orElse(null);
        selected = metrics.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElse(metrics.isEmpty() ? null : metrics.getFirst());
        fillList();
        fillDetail();
    }

    private void fillList() {
        list.removeAll();
        String text = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(Locale.ROOT);
        for (Metric metric : metrics) {
            if (!text.isEmpty() && !(metric.id() + " " + metric.title() + " " + metric.description())
                    .toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            RouterLink item = new RouterLink(MetricsCatalogView.class, new RouteParameters(METRIC_ID, metric.id()));
            item.addClassName("ss-catalog-item");
            if (metric == selected) {
                item.addClassName("ss-selected");
            }
            Span title = new Span(metric.title());
            title.addClassName("ss-metric-title");
            Span id = new Span(metric.id());
            id.addClassName("ss-id");
            Div tags = new Div(tag(MetricTexts.kind(metric.kind()), "ss-tag"), tag(groupLabel(metric), "ss-tag ss-tag-"
                    + groups.groupOf(metric.id()).name().toLowerCase(Locale.ROOT)),
                    tag(arrow(metric) + " " + metric.windowText(), "ss-tag ss-tag-plain"));
            tags.addClassName("ss-tags");
            item.add(title, id, tags);
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph("No metric matches."));
        }
    }

    private String groupLabel(Metric metric) {
        return switch (groups.groupOf(metric.id())) {
            case PRIMARY -> "primary";
            case GUARDRAIL -> "guardrail";
            case SECONDARY -> "secondary";
        };
    }

    private static String arrow(Metric metric) {
        return metric.direction() == Direction.HIGHER_IS_BETTER ? "↑" : "↓";
    }

    private static Span tag(String text, String classNames) {
        Span tag = new Span(text);
        for (String c : classNames.split(" ")) {
            tag.addClassName(c);
        }
        return tag;
    }

    private void fillDetail() {
        detail.removeAll();
        if (selected == null) {
            detail.add(new Paragraph("The catalog is empty."));
            return;
        }
        Metric metric = selected;
        H2 title = new H2(metric.title());
        Span id = new Span(metric.id());
        id.addClassName("ss-id");
        Markdown description = new Markdown(metric.description());
        description.addClassName("ss-markdown");
        detail.add(title, id, description, facts(metric));

        detail.add(new H3("SQL"));
        RadioButtonGroup<Engine> dialect = new RadioButtonGroup<>("Dialect");
        dialect.setItems(Engine.values());
        dialect.setItemLabelGenerator(e -> e.label);
        dialect.setValue(engine);
        dialect.addClassName("ss-dialect");
        Checkbox withCovariate = new Checkbox("With the CUPED pre-exposure covariate");
        withCovariate.setValue(covariate);
        boolean covariateApplies = metric.type() == MetricType.MEAN || metric.type() == MetricType.PROPORTION;
        withCovariate.setVisible(covariateApplies);
        withCovariate.addClassName("ss-covariate");
        Div controls = new Div(dialect, withCovariate);
        controls.addClassName("ss-panel-controls");
        Paragraph note = new Paragraph("The query that computes this metric alone for an example experiment ("
                + MetricSql.EXAMPLE_ID + ", March 2026): an analysis fuses every metric of the same table into one"
                + " scan and aggregates in the warehouse to one row per variant.");
        note.addClassName("ss-muted");
        Pre sql = new Pre();
        sql.addClassNames("ss-code", "ss-sql");
        Runnable render = () -> sql.setText(MetricQueries.layOut(
                MetricSql.render(metric, project.exampleAssignment(metric), engine.dialect,
                        covariate && covariateApplies)));
        dialect.addValueChangeListener(e -> {
            engine = e.getValue();
            render.run();
        });
        withCovariate.addValueChangeListener(e -> {
            covariate = e.getValue();
            render.run();
        });
        render.run();
        detail.add(controls, note, sql);
    }

    private Component facts(Metric metric) {
        Table table = new Table();
        table.addClassName("ss-facts-table");
        row(table, "Type", switch (metric.type()) {
            case MEAN -> "mean of a per-unit value";
            case PROPORTION -> "share of units with at least one event";
            case RATIO -> "ratio of two per-unit sums (delta method)";
            case QUANTILE -> "percentile of an event-level value (bootstrap)";
        });
        row(table, "Kind", MetricTexts.kind(metric.kind()));
        if (metric.measure() instanceof Measure.Funnel funnel) {
            row(table, "Steps", MetricTexts.steps(funnel));
        }
        row(table, "Source", metric.source().id());
        row(table, "Window", MetricTexts.window(metric));
        if (metric.windowed()) {
            row(table, "Counts", MetricTexts.eligibility(metric));
        }
        row(table, "Better when", MetricTexts.betterWhen(metric));
        if (metric.unit() != null) {
            row(table, metric.unit().currency() != null ? "Currency" : "Unit", metric.unit().text());
        }
        row(table, "Scorecard group", groupLabel(metric) + (metric.guardrail() ? " (defined as a guardrail)" : ""));
        row(table, "Events counted", MetricTexts.filter(metric));
        row(table, "Capping", cap(metric.cap()));
        return table;
    }

    private static String cap(Cap cap) {
        return switch (cap) {
            case null -> "none";
            case Cap.Absolute a -> "at " + (a.lower() == null ? "" : Formats.number(a.lower()) + " (low) ")
                    + (a.upper() == null ? "" : Formats.number(a.upper()) + " (high)");
            case Cap.Percentile p -> "at the pooled " + (p.lowerLevel() == null ? "" : Formats.percent(p.lowerLevel()) + " ")
                    + (p.upperLevel() == null ? "" : Formats.percent(p.upperLevel())) + " percentile";
        };
    }

    private static void row(Table table, String label, String value) {
        TableRow tr = table.getBody().addRow();
        tr.addHeaderCell().setText(label);
        tr.addDataCell().setText(value);
    }
}
