package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.results.ExperimentRecords;
import io.splitscope.app.results.PlanEditing;
import io.splitscope.app.results.ResultsStoreStatus;
import io.splitscope.app.results.Today;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.app.web.common.HealthReports;
import io.splitscope.app.web.common.Banners;
import io.splitscope.app.web.common.Links;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.ConfidenceLevel;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The scorecard of one experiment, for a product manager: what the experiment is, whether the test
 * is healthy (sample ratio, crossovers, invalid exposures, incomplete windows, the population),
 * and for every metric and treatment what changed, by how much and how sure we are — as a table
 * grouped into primary, guardrail and secondary metrics, and as plots (forest plot, effect over
 * time, quantile differences, segment breakdown). Every row explains how it was computed.
 *
 * <p>The address carries the choices, so that a link reproduces the page:
 * {@code /experiments/exp_autoplay?method=cuped&segment=country&until=2026-03-31&tab=segments}. Analyses run in the
 * background ({@link ScorecardCache}); the page shows progress and is updated by server push.
 *
 * <p>The view reads the address and composes: {@link ExperimentHeader}, the team's record
 * ({@link RecordSection}, with {@link PageActions}), {@link ScorecardControls},
 * {@link ScorecardLoader} (progress and errors), {@link HealthPanel} and {@link ScorecardTabs} with
 * one {@link ScorecardPanel} per tab, which share the scorecard shown as a {@link ShownScorecard}.
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
    /** Query parameter: the confidence level in percent ({@code 90}, {@code 99}), absent for 95. */
    public static final String CONFIDENCE = "confidence";
    /** Query parameter: the last day of data ({@code 2026-04-01}), absent for the whole period. */
    public static final String UNTIL = "until";
    /** Query parameter: the open tab ({@code table}, {@code forest}, {@code time}, {@code quantiles}, {@code segments}, {@code health}). */
    public static final String TAB = "tab";

    private final AnalysisService analysis;
    private final WarehouseExperiments experiments;
    private final ScorecardCache scorecards;
    private final MetricGroups groups;
    private final ResultsStoreStatus storeStatus;
    private final CurrentUser currentUser;
    private final RVerifications rVerifications;
    private final RVerificationMarks marks = new RVerificationMarks();
    private final VerifyInR verify;
    private final ScorecardLoader loader;
    private final ScorecardTabs tabs;
    private final PlanEditing planEditing;
    private final ExperimentRecords records;
    private final Today today;
    /** The decision banners, at the top: filled when the scorecard is shown. */
    private final Div decisions = new Div();
    /** The experiment's decision plan, under its header. */
    private final Div plan = new Div();
    /** The team's record of the experiment, under the decisions. */
    private final Div record = new Div();

    private String title = "Scorecard · Splitscope";
    private ScorecardCache.Key key;
    private boolean canRun;
    private ScorecardControls controls;
    /** The page, known from navigation on (the view is attached only after beforeEnter). */
    private UI ui;

    /** Built by Vaadin's Spring integration. */
    public ScorecardView(AnalysisService analysis, WarehouseExperiments experiments, ScorecardCache scorecards, SeriesCache seriesCache,
                         HealthReports healthReports,
                         MetricGroups groups, CurrentUser currentUser, RVerifications rVerifications,
                         ResultsStoreStatus storeStatus, PlanEditing planEditing, ExperimentRecords records, Today today) {
        this.records = records;
        this.today = today;
        this.storeStatus = storeStatus;
        this.planEditing = planEditing;
        this.currentUser = currentUser;
        this.rVerifications = rVerifications;
        this.analysis = analysis;
        this.experiments = experiments;
        this.scorecards = scorecards;
        this.groups = groups;
        this.verify = new VerifyInR(rVerifications, marks, () -> key);
        this.loader = new ScorecardLoader(analysis, running -> controls.analysing(running), this::render);
        this.tabs = new ScorecardTabs(List.of(
                new ScorecardTabs.TabPanel("table", "Scorecard", new ResultsPanel()),
                new ScorecardTabs.TabPanel("forest", "Forest plot", new ForestPanel(scorecards)),
                new ScorecardTabs.TabPanel("time", "Over time", new TimeSeriesPanel(seriesCache)),
                new ScorecardTabs.TabPanel("quantiles", "Quantiles", new QuantilesPanel(seriesCache)),
                new ScorecardTabs.TabPanel(SegmentsPanel.TAB, "Segments", new SegmentsPanel(analysis::dimensions)),
                new ScorecardTabs.TabPanel(HealthTab.TAB, "Health", new HealthTab(healthReports))));
        addClassNames("ss-page", "ss-scorecard-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        loader.clear();
        marks.reset(null);
        verify.clear();
        ui = event.getUI();
        String experimentId = event.getRouteParameters().get(EXPERIMENT_ID).orElse("");
        add(backLink());
        Optional<Experiment> found = experiments.find(experimentId);
        if (found.isEmpty()) {
            title = "Experiment not found · Splitscope";
            add(PageMessage.of("No experiment “" + experimentId + "” here",
                    "This warehouse has no experiment with that id. It may have been renamed, or the link may point to"
                            + " another warehouse. Pick one from the list of experiments."));
            return;
        }
        Experiment experiment = found.get();
        title = ExperimentHeader.name(experiment) + " · Splitscope";
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        key = new ScorecardCache.Key(experiment.id(), parseMethod(first(query, METHOD)), parseSegment(experiment.id(), first(query, SEGMENT)),
                parseConfidence(first(query, CONFIDENCE)), parseUntil(experiment, first(query, UNTIL)));
        tabs.open(first(query, TAB));
        canRun = currentUser.canRunAnalyses();
        controls = new ScorecardControls(experiment, key, analysis.dimensions(),
                chosen -> navigate(ui, chosen, tabs.open()),
                canRun ? this::rerun : null, verify);
        decisions.removeAll();
        showPlan(experiment);
        showRecord(experiment);
        add(ExperimentHeader.of(experiment), decisions, record, plan, controls, loader.progressArea(), loader.contentArea());
        loader.load(scorecards.request(key), key, ui);
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

    /** An address's level, the default when it is not one a user is offered (as for an unknown method). */
    private static ConfidenceLevel parseConfidence(String text) {
        try {
            ConfidenceLevel level = ConfidenceLevel.parseOrDefault(text);
            return ConfidenceLevel.OFFERED.contains(level) ? level : ConfidenceLevel.DEFAULT;
        } catch (IllegalArgumentException e) {
            return ConfidenceLevel.DEFAULT;
        }
    }

    /** An address's last day of data; null (the whole period) when it is not a day of the experiment's period. */
    private static LocalDate parseUntil(Experiment experiment, String text) {
        try {
            return text == null ? null : experiment.endingOn(LocalDate.parse(text)).endDate();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /** The dimension ids of a {@value #SEGMENT} parameter ({@code country} or {@code country,device}); null when any is unknown. */
    private String parseSegment(String experimentId, String ids) {
        if (ids == null || ids.isBlank() || ids.equals("none")) {
            return null;
        }
        try {
            AnalysisRequest request = AnalysisRequest.of(experimentId).withSegmentBy(ids);
            return request.segmentDimensions().stream().allMatch(id -> analysis.project().findDimension(id).isPresent())
                    ? request.segmentBy() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Anchor backLink() {
        Anchor back = Links.toExperiments("← Experiments");
        back.addClassName("ss-back");
        return back;
    }

    /** The parts that show a computed scorecard: staleness, health, the tabs, where it came from. */
    private List<Component> render(StoredScorecard stored) {
        Scorecard scorecard = stored.scorecard();
        marks.reset(rVerifications.known(key));
        showDecisions(scorecard);
        List<Component> parts = new ArrayList<>();
        Banners.resultsStore(storeStatus).ifPresent(parts::add);
        scorecards.lastFailure(key).map(Provenance::failedRunBanner).ifPresent(parts::add);
        if (stored.stale()) {
            parts.add(Provenance.staleBanner(canRun));
        }
        ExperimentProgress.of(scorecard).map(ExperimentProgress::component).ifPresent(parts::add);
        parts.add(HealthPanel.of(scorecard, groups::metric));
        if (scorecard.readiness().ready()) { // else the health panel says what it waits for, and there are no rows
            parts.add(tabs.sheet(ShownScorecard.of(key, scorecard, ui, groups.forPlan(plannedBy(scorecard)), analysis.project(), marks)));
        }
        parts.add(Provenance.footer(stored));
        return parts;
    }

    /** The plan the experiment decides by now (an analyst may have edited it since the scorecard was computed). */
    private DecisionPlan plannedBy(Scorecard scorecard) {
        return experiments.find(scorecard.experiment().id()).map(Experiment::decisionPlan)
                .orElse(scorecard.experiment().decisionPlan());
    }

    /** The decision banners of {@code scorecard} at the top, and a note when they predate the plan's latest edit. */
    private void showDecisions(Scorecard scorecard) {
        decisions.removeAll();
        if (scorecard.decisions().isEmpty()) {
            return;
        }
        planEditing.latest(scorecard.experiment().id()).filter(edit -> edit.editedAt().isAfter(scorecard.computedAt()))
                .ifPresent(edit -> decisions.add(Banners.warning(VaadinIcon.INFO_CIRCLE, "These decisions were computed before "
                        + edit.editedBy() + " edited the decision plan: " + (canRun ? "re-run the analysis" : "an analyst can re-run it")
                        + " to decide by the new plan.", "ss-decision-outdated")));
        decisions.add(DecisionBanner.of(scorecard.decisions(), this::metricTitle));
    }

    /** The experiment's decision plan, with the editor for analysts. */
    private void showPlan(Experiment experiment) {
        plan.removeAll();
        plan.add(DecisionPlanSection.of(experiment.decisionPlan(), planEditing.latest(experiment.id()), this::metricTitle,
                canRun ? () -> new DecisionPlanDialog(experiment.id(), experiment.decisionPlan(), editableMetrics(), planEditing,
                        this::planSaved).open() : null));
    }

    /** The team's record of the experiment, with the edit dialog for analysts. */
    private void showRecord(Experiment experiment) {
        record.removeAll();
        ExperimentRecord shown = records.of(experiment.id());
        RecordStatus byDates = RecordStatus.byDates(experiment, today.date());
        record.add(RecordSection.of(shown, byDates, canRun ? () -> new RecordDialog(shown, shown.shownStatus(experiment, today.date()),
                experiment.treatments(), records, saved -> {
                    showRecord(experiment);
                    Notification.show("Record saved.", 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }).open() : null, PageActions.of()));
    }

    /** The metrics a plan may name: the catalog's, without a funnel's rows (their funnel stands for them). */
    private List<Metric> editableMetrics() {
        return groups.metrics().stream().filter(m -> !m.isFunnelRow()).toList();
    }

    private String metricTitle(String metricId) {
        Metric metric = groups.metric(metricId);
        return metric == null ? metricId : metric.title();
    }

    /** After an analyst saved a plan: show it, and compute the decisions anew with it. */
    private void planSaved(PlanEdit edit) {
        experiments.find(edit.experimentId()).ifPresent(this::showPlan);
        Notification.show("Decision plan saved; the decisions are being computed with it.", 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        rerun();
    }

    private void rerun() {
        if (!currentUser.canRunAnalyses()) {
            onlyAnalysts();
            return;
        }
        try {
            loader.load(scorecards.rerun(key), key, ui);
        } catch (AccessDeniedException e) {
            onlyAnalysts();
        }
    }

    private static void onlyAnalysts() {
        Notification.show("Only analysts can run analyses.", 4000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    // ---- the address -------------------------------------------------------------------------------

    /** Opens the scorecard of {@code key} on {@code tab}: a navigation, so the page reads the choices anew. */
    static void navigate(UI ui, ScorecardCache.Key key, String tab) {
        ui.navigate(ScorecardView.class, new RouteParameters(EXPERIMENT_ID, key.experimentId()),
                QueryParameters.simple(queryParameters(key, tab, false)));
    }

    /** The address of the scorecard of {@code key} on {@code tab}, relative to the app's root. */
    static String location(ScorecardCache.Key key, String tab) {
        String query = queryString(queryParameters(key, tab, false));
        return "experiments/" + key.experimentId() + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The query parameters of a scorecard: {@value #METHOD} (left out for {@code welch_t}, the
     * default, unless {@code methodAlways}), {@value #SEGMENT} when sliced, {@value #CONFIDENCE}
     * unless 95 %, {@value #UNTIL} when not the whole period, {@value #TAB} unless {@code tab} is null or the default {@code table}; in that order.
     */
    static Map<String, String> queryParameters(ScorecardCache.Key key, String tab, boolean methodAlways) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (methodAlways || !MeanMethod.WELCH_T.equals(key.method())) {
            parameters.put(METHOD, key.method().methodId());
        }
        if (key.segmentBy() != null) {
            parameters.put(SEGMENT, key.segmentBy());
        }
        if (!key.confidence().isDefault()) {
            parameters.put(CONFIDENCE, key.confidence().percentText());
        }
        if (key.until() != null) {
            parameters.put(UNTIL, key.until().toString());
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
}
