package io.splitscope.metrics.experiment;

import io.splitscope.metrics.UnitFilter;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment: what it tests, when, its variants with their planned weights, and where its
 * exposures are ({@code spec/project.md}, "experiments"). Declared in a project file or in Java,
 * discovered in an assignment log, or read from the {@code experiments} and {@code variants}
 * tables of the streaming preset.
 *
 * @param startDate  the first day of exposures, or null for an experiment without timestamps
 * @param endDate    the last day of exposures (inclusive), or null for an experiment without timestamps
 * @param variants   the planned variants with their weights, control first
 * @param assignment where its exposures are; null only in a scorecard read back from the results
 *                   store, which is shown, never analysed again
 * @param key        the value of the assignment's experiment column that marks its rows (its id by default)
 * @param metricIds  the metrics analysed by default, in order; empty for every metric that applies. The
 *                   decision plan's success and guardrail metrics are always analysed: a list that
 *                   lacks them gets them at its end
 * @param unitFilter the units every metric of the experiment is analysed for (with the metric's own
 *                   filter), or null for all of them; the population and its sample-ratio check stay whole
 * @param decisionPlan the roles of its metrics in the decision ({@code spec/decisions.md}); {@link
 *                   DecisionPlan#NONE} when it has none (also for null)
 */
public record Experiment(String id, String name, String hypothesis, String owner, LocalDate startDate,
                         LocalDate endDate, String controlVariant, List<VariantWeight> variants, Assignment assignment,
                         String key, List<String> metricIds, UnitFilter unitFilter,
                         DecisionPlan decisionPlan) {

    /** An experiment without a decision plan. */
    public Experiment(String id, String name, String hypothesis, String owner, LocalDate startDate, LocalDate endDate,
                      String controlVariant, List<VariantWeight> variants, Assignment assignment, String key,
                      List<String> metricIds, UnitFilter unitFilter) {
        this(id, name, hypothesis, owner, startDate, endDate, controlVariant, variants, assignment, key, metricIds,
                unitFilter, DecisionPlan.NONE);
    }

    /** An experiment whose metrics are analysed for all its units. */
    public Experiment(String id, String name, String hypothesis, String owner, LocalDate startDate, LocalDate endDate,
                      String controlVariant, List<VariantWeight> variants, Assignment assignment, String key,
                      List<String> metricIds) {
        this(id, name, hypothesis, owner, startDate, endDate, controlVariant, variants, assignment, key, metricIds, null);
    }

    /** A planned variant and its share of units. */
    public record VariantWeight(String variant, double weight) {
    }

    public Experiment {
        variants = List.copyOf(variants);
        key = key == null ? id : key;
        decisionPlan = decisionPlan == null ? DecisionPlan.NONE : decisionPlan;
        metricIds = metricIds == null || metricIds.isEmpty() ? List.of() : withRoles(metricIds, decisionPlan);
    }

    private static List<String> withRoles(List<String> metricIds, DecisionPlan plan) {
        Set<String> analysed = new LinkedHashSet<>(metricIds);
        analysed.addAll(plan.roleMetricIds());
        return List.copyOf(analysed);
    }

    /** This experiment with {@code plan} as the roles of its metrics in the decision. */
    public Experiment withDecisionPlan(DecisionPlan plan) {
        return new Experiment(id, name, hypothesis, owner, startDate, endDate, controlVariant, variants, assignment, key,
                metricIds, unitFilter, plan);
    }

    /**
     * This experiment as it stood at the end of {@code day}: its period ends then.
     *
     * @throws IllegalArgumentException when it has no exposure times or {@code day} is outside its period
     */
    public Experiment endingOn(LocalDate day) {
        if (!timed()) {
            throw new IllegalArgumentException("experiment '" + id + "' has no exposure times: it cannot be analysed up to " + day);
        }
        if (day.isBefore(startDate) || day.isAfter(endDate)) {
            throw new IllegalArgumentException("until " + day + " is outside experiment '" + id + "': pick a day from "
                    + startDate + " to " + endDate);
        }
        return new Experiment(id, name, hypothesis, owner, startDate, day, controlVariant, variants, assignment, key,
                metricIds, unitFilter, decisionPlan);
    }

    /** The non-control variants, in the order of {@link #variants()}. */
    public List<String> treatments() {
        return variants.stream().map(VariantWeight::variant).filter(v -> !v.equals(controlVariant)).toList();
    }

    /** The variant names, control first. */
    public List<String> variantNames() {
        return variants.stream().map(VariantWeight::variant).toList();
    }

    /** Whether exposures have a time: the population has dates, metrics windows and series. */
    public boolean timed() {
        return startDate != null && endDate != null && (assignment == null || assignment.timed());
    }

    /** The assignment, for an analysis. */
    public Assignment requireAssignment() {
        return Optional.ofNullable(assignment).orElseThrow(() -> new IllegalStateException(
                "experiment " + id + " was read back from stored results and cannot be analysed again"));
    }
}
