/**
 * Experiments and how units meet them: an {@link io.splitscope.metrics.experiment.Experiment}
 * (dates, control, planned variants and weights), its
 * {@link io.splitscope.metrics.experiment.Assignment} (the rows that expose units to variants),
 * and where experiments come from ({@link io.splitscope.metrics.experiment.ExperimentCatalog}:
 * declared, or discovered in an assignment log), and the roles it gives its metrics in the decision
 * ({@link io.splitscope.metrics.experiment.DecisionPlan}, checked by
 * {@link io.splitscope.metrics.experiment.DecisionRoles}).
 */
package io.splitscope.metrics.experiment;
