package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.DecisionPlanKeys;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.app.audit.AuditAction;
import io.splitscope.app.audit.AuditLog;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DecisionRoles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Analysts' edits of an experiment's decision plan ({@code spec/decisions.md}: success metrics,
 * guardrails with their margins, mde, power, design): checked, kept in the results store with who
 * and when ({@link ResultsStore#savePlanEdit}), written to the audit log, and from then on the
 * experiment's plan in the app ({@link EditedPlans}). A plan with a mistake is never saved.
 */
public final class PlanEditing {

    private final ResultsStore store;
    private final EditedPlans plans;
    private final WarehouseExperiments experiments;
    private final AuditLog audit;
    private final Map<String, Metric> metrics;
    private final Clock clock;

    /** Reads the latest edit of each experiment from {@code store} into {@code plans}. */
    public PlanEditing(ResultsStore store, EditedPlans plans, WarehouseExperiments experiments, AuditLog audit,
                       AnalysisService analysis, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.metrics = analysis.metrics().stream().collect(Collectors.toUnmodifiableMap(Metric::id, Function.identity()));
        this.clock = Objects.requireNonNull(clock, "clock");
        store.latestPlanEdits().values().forEach(plans::put);
        experiments.forget();
    }

    /** The latest edit of the experiment's plan, if an analyst has edited it. */
    public Optional<PlanEdit> latest(String experimentId) {
        return plans.latest(experimentId);
    }

    /** What is wrong with {@code plan}, one line each ({@link DecisionRoles#mistakes}, as for a project file); empty when it may be saved. */
    public List<String> mistakes(DecisionPlan plan) {
        return DecisionRoles.mistakes(plan, metrics);
    }

    /**
     * Saves {@code plan} as the experiment's, by the signed-in analyst, now.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the current user is an analyst
     * @throws IllegalArgumentException listing the plan's {@link #mistakes}, one a line, when it has any
     * @throws ResultsStore.ResultsStoreException when the store cannot keep it
     */
    public PlanEdit save(String experimentId, DecisionPlan plan) {
        CurrentUser.requireAnalyst("edit decision plans");
        List<String> mistakes = mistakes(plan);
        if (!mistakes.isEmpty()) {
            throw new IllegalArgumentException("the decision plan of " + experimentId + " is not saved: "
                    + String.join("; ", mistakes));
        }
        PlanEdit edit = new PlanEdit(experimentId, plan, CurrentUser.nameOrSystem(), clock.instant());
        store.savePlanEdit(edit);
        plans.put(edit);
        experiments.forget();
        audit.record(AuditAction.PLAN_EDIT, edit.editedBy(), experimentId + " " + DecisionPlanKeys.write(plan));
        return edit;
    }
}
