package io.splitscope.app.web.scorecard;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.EffectSeries;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.QuantileCurve;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.Links;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.sql.WarehouseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecard of one experiment, for a product manager: what the experiment is, whether the test
 * is healthy (sample ratio, crossovers, invalid exposures, incomplete windows, the population),
 * and for every metric and treatment what changed, by how much and how sure we are — as a table
 * grouped into primary, guardrail and secondary metrics, and as plots (forest plot, effect over
 * time, quantile differences, segment breakdown). Every row explains how it was computed.
 *
 * <p>The address carries the choices, so that a link reproduces the page:
 * {@code /experiments/exp_autoplay?method=cuped&segment=country&tab=segments}. Analyses run in the
 * background ({@link ScorecardCache}); the page shows progress and is updated by server push.
 */
@PermitAll
@Route("experiments/:" + ScorecardView.EXPERIMENT_ID)
public final class ScorecardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The route parameter naming the experiment. */
    public static final String EXPERIMENT_ID = "experimentId";
    /** Query parameter: the method for means and proportions ({@code welch_t} …). */
    public static final String METHOD = "method";
    /** Query parameter: the segment dimension ({@code country} …), absent for none. */
    public static final String SEGMENT = "segment";
    /** Query parameter: the open tab ({@code table}, {@code forest}, {@code time}, {@code quantiles}, {@code segments}). */
    public static final String TAB = "tab";

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardView.class);
    private static final DateTimeFormatter COMPUTED_AT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> TABS = tabs();

    private final AnalysisService analysis;
    private final ScorecardCache scorecards;
    private final SeriesCache seriesCache;
    private final MetricGroups groups;
    private final CurrentUser currentUser;
    private final RVerifications rVerifications;

    private String title = "Scorecard · Splitscope";
    private Experiment experiment;
    private ScorecardCache.Key key;
    private String tab = "table";
    private boolean canRun;
    private Scorecard shown;
    private final Div progress = new Div();
    private final Div content = new Div();
    private Button rerun;
    private Button verify;
    private final Span verifyStatus = new Span();
    /** The tables shown, to mark when R has verified their rows. */
    private final List<ResultsTable> tables = new ArrayList<>();
    /** What R verified for this scorecard, once known. */
    private List<RVerification> verifications;
    /** The page, known from navigation on (the view is attached only after beforeEnter). */
    private UI ui;

    /** Built by Vaadin's Spring integration. */
    public ScorecardView(AnalysisService analysis, ScorecardCache scorecards, SeriesCache seriesCache,
                         MetricGroups groups, CurrentUser currentUser, RVerifications rVerifications) {
        this.currentUser = currentUser;
        this.rVerifications = rVerifications;
        this.analysis = analysis;
        this.scorecards = scorecards;
        this.seriesCache = seriesCache;
        this.groups = groups;
        addClassNames("ss-page", "ss-scorecard-page");
        progress.addClassName("ss-progress-area");
        content.addClassName("ss-scorecard-content");
    }

    private static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        tabs.put("table", "Scorecard");
        tabs.put("forest", "Forest plot");
        tabs.put("time", "Over time");
        tabs.put("quantiles", "Quantiles");
        tabs.put("segments", "Segments");
        return tabs;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        content.removeAll();
        progress.removeAll();
        shown = null;
        tables.clear();
        verifications = null;
        verifyStatus.setText("");
        ui = event.getUI();
        String experimentId = event.getRouteParameters().get(EXPERIMENT_ID).orElse("");
        add(backLink());
        Optional<Experiment> found = analysis.experiment(experimentId);
        if (found.isEmpty()) {
            title = "Experiment not found · Splitscope";
            add(message("No experiment “" + experimentId + "” here",
                    "This warehouse has no experiment with that id. It may have been renamed, or the link may point to"
                            + " another warehouse. Pick one from the list of experiments."));
            return;
        }
        experiment = found.get();
        title = blankToId(experiment.name(), experiment.id()) + " · Splitscope";
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        key = new ScorecardCache.Key(experiment.id(), parseMethod(first(query, METHOD)), parseSegment(first(query, SEGMENT)));
        String requestedTab = first(query, TAB);
        tab = requestedTab != null && TABS.containsKey(requestedTab) ? requestedTab : "table";
        canRun = currentUser.canRunAnalyses();
        add(header(experiment), controls(), progress, content);
        load(scorecards.request(key), event.getUI());
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static MeanMethod parseMethod(String id) {
        if (id == null) {
            return MeanMethod.WELCH_T;
        }
        try {
            return MeanMethod.parse(id);
        } catch (IllegalArgumentException e) {
            return MeanMethod.WELCH_T;
        }
    }

    private String parseSegment(String id) {
        if (id == null || id.isBlank() || id.equals("none")) {
            return null;
        }
        return analysis.project().findDimension(id).map(Dimension::id).orElse(null);
    }

    // ---- loading -----------------------------------------------------------------------------------

    private void load(ScorecardCache.Run run, UI ui) {
        if (run.future().isDone() && !run.future().isCompletedExceptionally()) {
            render(run.future().join());
            return;
        }
        if (run.future().isDone()) {
            UiUpdates.whenDone(ui, run.future(), (stored, failure) -> showFailure(failure));
            return;
        }
        Runnable stopListening = showProgress(run, ui);
        UiUpdates.whenDone(ui, run.future(), (stored, failure) -> {
            stopListening.run();
            progress.removeAll();
            progress.removeClassName("ss-progress-running");
            content.removeClassName("ss-stale");
            if (rerun != null) {
                rerun.setEnabled(canRun);
            }
            if (failure != null) {
                showFailure(failure);
            } else {
                render(stored);
            }
        });
    }

    /** A bar that moves without saying how far along: for work that does not report its progress. */
    private static ProgressBar indeterminateProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.addClassName("ss-progress");
        return bar;
    }

    /** What is being computed, beside a progress bar. */
    private static Span progressText(String text) {
        Span span = new Span(text);
        span.addClassName("ss-progress-text");
        return span;
    }

    /** An indeterminate bar and what is being computed, while the page waits for it. */
    private static Component[] waiting(String text) {
        return new Component[] {indeterminateProgress(), progressText(text)};
    }

    /** Shows the analysis' progress, updated by push as it moves; returns what stops the updates. */
    private Runnable showProgress(ScorecardCache.Run run, UI ui) {
        progress.removeAll();
        progress.addClassName("ss-progress-running");
        ProgressBar bar = new ProgressBar();
        bar.addClassName("ss-progress");
        Span step = new Span();
        step.addClassName("ss-progress-step");
        int metrics = analysis.metrics().size();
        progress.add(bar, step, progressText("Analysing " + experiment.id() + ": " + metrics + " metrics with "
                + key.method().methodId() + (key.segmentBy() == null ? "" : ", by " + key.segmentBy())
                + ". The warehouse aggregates, then the statistics run; this page updates when it is done."));
        if (shown != null) {
            content.addClassName("ss-stale");
        }
        if (rerun != null) {
            rerun.setEnabled(false);
        }
        return run.onProgress(p -> {
            try {
                ui.access(() -> {
                    bar.setValue(p.fraction());
                    step.setText(Math.round(p.fraction() * 100) + " % · " + p.step());
                });
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                // the page is gone
            }
        });
    }

    private void showFailure(Throwable failure) {
        content.removeAll();
        if (failure instanceof AnalysisException || failure instanceof WarehouseException) {
            LOG.warn("Could not analyse experiment {}: {}", key.experimentId(), failure.getMessage());
            content.add(message("This experiment could not be analysed", failure.getMessage()));
        } else {
            LOG.error("Analysis of experiment {} failed", key.experimentId(), failure);
            content.add(message("This experiment could not be analysed",
                    "Something went wrong while computing the scorecard; the details are in the server log."));
        }
    }

    private void rerun() {
        if (!currentUser.canRunAnalyses()) {
            Notification.show("Only analysts can run analyses.", 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            load(scorecards.rerun(key), ui);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Notification.show("Only analysts can run analyses.", 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    // ---- the page ----------------------------------------------------------------------------------

    private static Anchor backLink() {
        Anchor back = Links.toExperiments("← Experiments");
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
                fact("Dates", experiment.assignment() != null && !experiment.assignment().timed()
                        ? "no timestamps: every exposure counts"
                        : Formats.dateRange(experiment.startDate(), experiment.endDate())),
                fact("Control", experiment.controlVariant()),
                fact("Treatments", String.join(", ", experiment.treatments())));
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

    private Component controls() {
        Select<MeanMethod> method = new Select<>();
        method.setLabel("Method for means and proportions");
        method.setItems(MeanMethod.values());
        method.setItemLabelGenerator(m -> MethodTexts.of(m.methodId()).label());
        method.setValue(key.method());
        method.addClassName("ss-method");
        method.setHelperText(MethodTexts.of(key.method().methodId()).headline());
        method.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                navigate(e.getValue(), key.segmentBy(), tab);
            }
        });

        Select<String> segment = new Select<>();
        segment.setLabel("Segment");
        segment.setItems(analysis.dimensions().stream().map(Dimension::id).toList());
        segment.setItemLabelGenerator(d -> d == null ? "Whole population" : "By " + d);
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption("Whole population");
        segment.setValue(key.segmentBy());
        segment.addClassName("ss-segment");
        segment.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                navigate(key.method(), e.getValue(), tab);
            }
        });

        Div actions = new Div();
        actions.addClassName("ss-actions");
        if (canRun) {
            rerun = new Button("Re-run analysis", VaadinIcon.REFRESH.create(), e -> rerun());
            rerun.addClassName("ss-rerun");
            rerun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            rerun.getElement().setAttribute("title", "Analyse this experiment again on the warehouse as it is now");
            actions.add(rerun);
        } else {
            rerun = null;
            Span readOnly = new Span("Read-only: analysts can re-run analyses");
            readOnly.addClassNames("ss-muted", "ss-read-only");
            actions.add(readOnly);
        }
        verify = new Button("Verify in R", VaadinIcon.CHECK_CIRCLE_O.create(), e -> verifyInR());
        verify.addClassName("ss-verify-r");
        verify.getElement().setAttribute("title", "Recompute in GNU R every number whose method has an R twin"
                + " (welch_t, cuped, mann_whitney) and mark the rows where R and Java agree to 1e-8");
        verifyStatus.addClassNames("ss-muted", "ss-verify-status");
        actions.add(verify, export("CSV", "/scorecard.csv"), export("JSON", "/scorecard"), verifyStatus);

        Div controls = new Div(method, segment, actions);
        controls.addClassName("ss-controls");
        return controls;
    }

    /** A link to the REST API's export of this scorecard ({@code io.splitscope.app.api}), as the browser's session. */
    private Anchor export(String label, String path) {
        String query = "?" + queryString(queryParameters(key.method(), key.segmentBy(), null, true));
        Anchor anchor = new Anchor("api/experiments/" + key.experimentId() + path + query, "");
        anchor.setRouterIgnore(true);
        anchor.getElement().setAttribute("download", "");
        anchor.addClassNames("ss-export", "ss-export-" + label.toLowerCase(Locale.ROOT));
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(label));
        anchor.getElement().setAttribute("title", "Download this scorecard as " + label
                + " (the same as GET /api/experiments/" + key.experimentId() + path + ")");
        return anchor;
    }

    private void navigate(MeanMethod method, String segment, String tab) {
        ui.navigate(ScorecardView.class, new RouteParameters(EXPERIMENT_ID, key.experimentId()),
                QueryParameters.simple(queryParameters(method, segment, tab, false)));
    }

    /**
     * The query parameters of a scorecard: {@value #METHOD} (left out for {@code welch_t}, the
     * default, unless {@code methodAlways}), {@value #SEGMENT} when sliced, {@value #TAB} unless
     * {@code tab} is null or the default {@code table}; in that order.
     */
    static Map<String, String> queryParameters(MeanMethod method, String segment, String tab, boolean methodAlways) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (methodAlways || !MeanMethod.WELCH_T.equals(method)) {
            parameters.put(METHOD, method.methodId());
        }
        if (segment != null) {
            parameters.put(SEGMENT, segment);
        }
        if (tab != null && !"table".equals(tab)) {
            parameters.put(TAB, tab);
        }
        return parameters;
    }

    /** {@code name=value&name=value}, as is: the values are ids that need no escaping. */
    static String queryString(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return query.toString();
    }

    private void render(StoredScorecard stored) {
        Scorecard scorecard = stored.scorecard();
        shown = scorecard;
        tables.clear();
        verifications = rVerifications.known(key);
        content.removeAll();
        content.removeClassName("ss-stale");
        if (stored.stale()) {
            content.add(staleBanner());
        }
        List<ResultsTable.Line> lines = ResultsTable.lines(scorecard.rows(), groups);
        content.add(HealthPanel.of(scorecard, groups::metric));

        TabSheet sheet = new TabSheet();
        sheet.addClassName("ss-tabs");
        Map<Tab, String> ids = new HashMap<>();
        Map<String, Div> panels = new LinkedHashMap<>();
        TABS.forEach((id, label) -> {
            Div panel = new Div();
            panel.addClassNames("ss-tab-panel", "ss-panel-" + id);
            Tab t = sheet.add(label, panel);
            t.addClassName("ss-tab-" + id);
            ids.put(t, id);
            panels.put(id, panel);
        });
        fill(tab, panels.get(tab), scorecard, lines);
        sheet.setSelectedTab(ids.entrySet().stream().filter(e -> e.getValue().equals(tab)).findFirst().orElseThrow().getKey());
        sheet.addSelectedChangeListener(e -> {
            String id = ids.get(e.getSelectedTab());
            tab = id;
            Div panel = panels.get(id);
            if (panel.getChildren().findAny().isEmpty()) {
                fill(id, panel, scorecard, lines);
            }
            ui.getPage().getHistory().replaceState(null, location(id));
        });
        content.add(sheet, footer(stored));
    }

    private String location(String tab) {
        String query = queryString(queryParameters(key.method(), key.segmentBy(), tab, false));
        return "experiments/" + key.experimentId() + (query.isEmpty() ? "" : "?" + query);
    }

    private void fill(String id, Div panel, Scorecard scorecard, List<ResultsTable.Line> lines) {
        switch (id) {
            case "table" -> tablePanel(panel, scorecard, lines);
            case "forest" -> forestPanel(panel, scorecard, lines);
            case "time" -> timePanel(panel);
            case "quantiles" -> quantilePanel(panel, scorecard, lines);
            case "segments" -> segmentsPanel(panel, scorecard, lines);
            default -> throw new IllegalArgumentException(id);
        }
    }

    private void explain(Scorecard scorecard, ScorecardRow row) {
        RVerification verified = verifications == null ? null : verifications.stream()
                .filter(v -> v.metricId().equals(row.metricId()) && java.util.Objects.equals(v.segment(), row.segment()))
                .findFirst().orElse(null);
        Metric explained = groups.metric(row.metricId());
        new ExplainDialog(scorecard, row, explained,
                explained == null ? null : analysis.project().exampleAssignment(explained), verified).open();
    }

    /** A results table, marked with what R verified when that is known. */
    private ResultsTable table(List<ResultsTable.Line> lines, boolean segmented, Scorecard scorecard) {
        ResultsTable table = new ResultsTable(lines, segmented, row -> explain(scorecard, row));
        tables.add(table);
        if (verifications != null) {
            table.showVerifications(verifications);
        }
        return table;
    }

    /** Recomputes in GNU R, in the background, what has an R twin, then marks the rows it verified. */
    private void verifyInR() {
        ScorecardCache.Key asked = key;
        verify.setEnabled(false);
        verifyStatus.setText("Verifying in GNU R…");
        verifyStatus.removeClassName("ss-verify-failed");
        UiUpdates.whenDone(ui, rVerifications.verify(asked), (List<RVerification> result, Throwable failure) -> {
            verify.setEnabled(true);
            if (!asked.equals(key)) {
                return;
            }
            String problem = failure != null ? failure.getMessage() : RVerifications.failure(result);
            if (failure != null && !(failure instanceof AnalysisException || failure instanceof WarehouseException)) {
                LOG.error("Verification in R of {} failed", asked.experimentId(), failure);
                problem = "something went wrong; the details are in the server log";
            }
            if (problem != null) {
                verifyStatus.setText("Could not verify in R: " + problem);
                verifyStatus.addClassName("ss-verify-failed");
                Notification.show("Could not verify in R: " + problem, 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            verifications = result;
            tables.forEach(t -> t.showVerifications(result));
            long verified = result.stream().filter(v -> v.report().verified()).count();
            double largest = result.stream().mapToDouble(v -> v.report().maxRelativeDifference()).max().orElse(0);
            verifyStatus.setText(result.isEmpty() ? "No metric here uses a method with an R twin."
                    : verified + " of " + result.size() + " metric" + (result.size() == 1 ? "" : "s")
                    + " verified in GNU R (largest relative difference "
                    + String.format(Locale.ROOT, "%.1e", largest) + ")");
        });
    }

    private void explain(Scorecard scorecard, String rowKey) {
        scorecard.rows().stream().filter(r -> ResultRow.keyOf(r).equals(rowKey)).findFirst()
                .ifPresent(r -> explain(scorecard, r));
    }

    private void tablePanel(Div panel, Scorecard scorecard, List<ResultsTable.Line> lines) {
        panel.add(caption("Each treatment against " + scorecard.experiment().controlVariant() + ": the relative effect"
                + " with its 95 % interval, drawn as a bar around zero. Green is better and red is worse, given which way"
                + " each metric should move; grey is inconclusive (the interval includes zero). "
                + methodsLine(scorecard) + " Explain shows how any row was computed."));
        if (lines.isEmpty()) {
            panel.add(new Paragraph("No metric rows: the analysis produced no results for this experiment."));
            return;
        }
        panel.add(table(lines, key.segmentBy() != null, scorecard));
    }

    private static String methodsLine(Scorecard scorecard) {
        Map<MetricType, String> methods = new LinkedHashMap<>();
        scorecard.rows().forEach(r -> methods.putIfAbsent(r.type(), r.method()));
        List<String> parts = new ArrayList<>();
        methods.forEach((type, method) -> parts.add(switch (type) {
            case MEAN -> "means";
            case PROPORTION -> "proportions";
            case RATIO -> "ratios";
            case QUANTILE -> "percentiles";
        } + ": " + method));
        return parts.isEmpty() ? "" : "Methods — " + String.join(", ", parts) + ".";
    }

    private void forestPanel(Div panel, Scorecard scorecard, List<ResultsTable.Line> lines) {
        panel.add(caption("Every metric's relative effect with its 95 % interval: to the right of the line is an"
                + " increase. Green is better, red worse, grey inconclusive. Click a point to see how it was computed."));
        if (key.segmentBy() == null) {
            panel.add(forestChart(scorecard, lines));
            return;
        }
        ScorecardCache.Key whole = new ScorecardCache.Key(key.experimentId(), key.method(), null);
        ScorecardCache.Run run = scorecards.request(whole);
        ProgressBar waiting = indeterminateProgress();
        panel.add(new Paragraph("The whole population (the forest plot is not sliced by segment; see Segments)."), waiting);
        UiUpdates.whenDone(ui, run.future(), (unsliced, failure) -> {
            panel.remove(waiting);
            if (failure != null) {
                panel.add(new Paragraph("Could not analyse the whole population: " + failure.getMessage()));
            } else {
                panel.add(forestChart(unsliced.scorecard(), ResultsTable.lines(unsliced.scorecard().rows(), groups)));
            }
        });
    }

    private Component forestChart(Scorecard scorecard, List<ResultsTable.Line> lines) {
        PlotlyChart chart = new PlotlyChart(ScorecardFigures.forest(lines));
        chart.addClassName("ss-forest");
        chart.addPointClickListener(e -> explain(scorecard, e.getKey()));
        return chart;
    }

    private void timePanel(Div panel) {
        List<Metric> candidates = groups.metrics().stream()
                .filter(m -> m.type() == MetricType.MEAN || m.type() == MetricType.PROPORTION).toList();
        if (candidates.isEmpty()) {
            panel.add(new Paragraph("No mean or proportion metric to follow over time."));
            return;
        }
        panel.add(caption("How the effect built up: the cumulative relative effect with its 95 % interval. By days since"
                + " exposure, a fading effect is novelty (and a growing one, learning); by calendar day, how the results"
                + " stood each day. Every point is a look at the data: these intervals do not correct for peeking —"
                + " use the sequential method to decide early."));
        Select<Metric> metric = new Select<>();
        metric.setLabel("Metric");
        metric.setItems(candidates);
        metric.setItemLabelGenerator(Metric::title);
        metric.setValue(candidates.stream().filter(m -> groups.groupOf(m.id()) == MetricGroups.Group.PRIMARY)
                .findFirst().orElse(candidates.getFirst()));
        metric.addClassName("ss-series-metric");
        RadioButtonGroup<SeriesAxis> axis = new RadioButtonGroup<>("Time axis");
        axis.setItems(SeriesAxis.DAYS_SINCE_EXPOSURE, SeriesAxis.CALENDAR_DATE);
        axis.setItemLabelGenerator(a -> a == SeriesAxis.DAYS_SINCE_EXPOSURE ? "Days since exposure" : "Calendar day");
        axis.setValue(SeriesAxis.DAYS_SINCE_EXPOSURE);
        axis.addClassName("ss-series-axis");
        Div controls = new Div(metric, axis);
        controls.addClassName("ss-panel-controls");
        Div chartArea = new Div();
        chartArea.addClassName("ss-chart-area");
        panel.add(controls, chartArea);
        Runnable draw = () -> drawSeries(chartArea, metric.getValue(), axis.getValue());
        metric.addValueChangeListener(e -> draw.run());
        axis.addValueChangeListener(e -> draw.run());
        draw.run();
    }

    private void drawSeries(Div area, Metric metric, SeriesAxis axis) {
        area.removeAll();
        area.add(waiting("Computing the day-by-day series of " + metric.title() + "…"));
        UiUpdates.whenDone(ui, seriesCache.series(new SeriesCache.Key(key.experimentId(), metric.id(), axis)),
                (EffectSeries series, Throwable failure) -> {
                    area.removeAll();
                    if (failure != null) {
                        LOG.warn("No series of {} for {}: {}", metric.id(), key.experimentId(), failure.getMessage());
                        area.add(new Paragraph("The series could not be computed: " + failure.getMessage()));
                        return;
                    }
                    PlotlyChart chart = new PlotlyChart(ScorecardFigures.series(series, metric.title()));
                    chart.addClassName("ss-series");
                    area.add(chart);
                });
    }

    private void quantilePanel(Div panel, Scorecard scorecard, List<ResultsTable.Line> lines) {
        Map<String, List<ResultsTable.Line>> byValue = new LinkedHashMap<>();
        for (ResultsTable.Line line : lines) {
            if (line.metric() != null && line.metric().measure() instanceof Measure.Quantile q
                    && (line.row().segment() == null)) {
                byValue.computeIfAbsent(q.eventValue().getName(), v -> new ArrayList<>()).add(line);
            }
        }
        if (byValue.isEmpty()) {
            panel.add(new Paragraph(key.segmentBy() == null ? "This scorecard has no percentile metrics."
                    : "Percentile differences are shown for the whole population: choose “Whole population”."));
            return;
        }
        panel.add(caption("Where in the distribution the change happened: the difference between treatment and control"
                + " at every percentile of the same events (5th to 95th), with its pointwise 95 % interval as a band"
                + " (quantile_asymptotic, clustered by unit). The diamonds are the scorecard's own percentile metrics."
                + " A difference only in the high percentiles means the slowest (or largest) cases changed, not the"
                + " typical one."));
        byValue.forEach((column, quantileLines) -> {
            String unit = column.endsWith("_ms") ? "ms" : column.endsWith("_seconds") ? "s" : "";
            panel.add(new H3("Percentiles of " + column));
            Div area = new Div();
            area.addClassName("ss-chart-area");
            area.add(waiting("Computing the difference at every percentile of " + column + "…"));
            panel.add(area);
            panel.add(table(quantileLines, false, scorecard));
            String metricId = quantileLines.getFirst().row().metricId();
            UiUpdates.whenDone(ui, seriesCache.quantileCurve(new SeriesCache.CurveKey(key.experimentId(), metricId)),
                    (QuantileCurve curve, Throwable failure) -> {
                        area.removeAll();
                        PlotlyChart chart;
                        if (failure != null) {
                            LOG.warn("No quantile curve of {} for {}: {}", metricId, key.experimentId(), failure.getMessage());
                            area.add(new Paragraph("The difference at every percentile could not be computed ("
                                    + failure.getMessage() + "); the scorecard's percentiles:"));
                            chart = new PlotlyChart(ScorecardFigures.quantiles(quantileLines, unit));
                        } else {
                            chart = new PlotlyChart(ScorecardFigures.quantileCurve(curve, quantileLines, unit));
                            chart.addPointClickListener(e -> explain(scorecard, e.getKey()));
                        }
                        chart.addClassName("ss-quantiles");
                        area.add(chart);
                    });
        });
    }

    private void segmentsPanel(Div panel, Scorecard scorecard, List<ResultsTable.Line> lines) {
        if (key.segmentBy() == null) {
            panel.add(caption("Break the results down by a dimension to see whether the effect differs between"
                    + " groups. Segments are smaller than the whole, so their intervals are wider; look for large,"
                    + " consistent differences, not for one significant segment among many."));
            Div choices = new Div();
            choices.addClassName("ss-segment-choices");
            for (Dimension d : analysis.dimensions()) {
                Button b = new Button("By " + d.id(), e -> navigate(key.method(), d.id(), "segments"));
                b.addClassName("ss-segment-" + d.id());
                choices.add(b);
            }
            panel.add(choices);
            return;
        }
        List<Metric> metrics = lines.stream().map(ResultsTable.Line::metric).filter(m -> m != null).distinct().toList();
        if (metrics.isEmpty()) {
            panel.add(new Paragraph("No results to break down."));
            return;
        }
        panel.add(caption("Results by " + key.segmentBy() + ": each segment's relative effect with its 95 %"
                + " interval. Segments are smaller than the whole, so their intervals are wider; the adjusted p-values"
                + " account for the many comparisons."));
        Select<Metric> metric = new Select<>();
        metric.setLabel("Metric");
        metric.setItems(metrics);
        metric.setItemLabelGenerator(Metric::title);
        metric.setValue(metrics.stream().filter(m -> groups.groupOf(m.id()) == MetricGroups.Group.PRIMARY).findFirst()
                .orElse(metrics.getFirst()));
        metric.addClassName("ss-segments-metric");
        Div area = new Div();
        area.addClassName("ss-chart-area");
        panel.add(metric, area);
        Runnable draw = () -> {
            area.removeAll();
            List<ResultsTable.Line> selected = lines.stream()
                    .filter(l -> l.row().metricId().equals(metric.getValue().id())).toList();
            PlotlyChart chart = new PlotlyChart(ScorecardFigures.segments(selected));
            chart.addClassName("ss-segments-chart");
            chart.addPointClickListener(e -> explain(scorecard, e.getKey()));
            area.add(chart, table(selected, true, scorecard));
        };
        metric.addValueChangeListener(e -> draw.run());
        draw.run();
    }

    private static Paragraph caption(String text) {
        Paragraph caption = new Paragraph(text);
        caption.addClassName("ss-lead");
        return caption;
    }

    private Component staleBanner() {
        Div banner = new Div();
        banner.addClassNames("ss-quality", "ss-health-warning", "ss-stale-banner");
        var icon = VaadinIcon.CLOCK.create();
        icon.addClassName("ss-quality-icon");
        banner.add(icon, new Span("The warehouse has changed since this scorecard was computed: these numbers are"
                + " from the data as it was then. " + (canRun ? "Re-run the analysis to bring them up to date."
                : "Ask an analyst to re-run the analysis.")));
        return banner;
    }

    private static Component footer(StoredScorecard stored) {
        Scorecard scorecard = stored.scorecard();
        long rows = scorecard.queries().stream().mapToLong(q -> q.rows()).sum();
        long bytes = scorecard.queries().stream().mapToLong(q -> q.bytes()).sum();
        Paragraph footer = new Paragraph("Computed " + COMPUTED_AT.format(scorecard.computedAt()) + " by "
                + stored.computedBy() + " in " + Formats.seconds(stored.elapsed()) + " from " + scorecard.warehouse()
                + ", with " + scorecard.queries().size() + " queries that brought " + Formats.count(rows) + " rows ("
                + Formats.count(bytes) + " bytes) into the app; stored, so it reopens at once.");
        footer.addClassName("ss-footer");
        return footer;
    }

    private static Component message(String heading, String text) {
        Div box = new Div();
        box.addClassName("ss-message");
        H2 h = new H2(heading);
        Paragraph p = new Paragraph(text);
        box.add(h, p, Links.toExperiments("See all experiments"));
        return box;
    }

    private static String blankToId(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String blankToDash(String value) {
        return value == null || value.isBlank() ? Formats.MISSING : value;
    }
}
