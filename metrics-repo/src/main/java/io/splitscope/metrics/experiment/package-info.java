/**
 * Experiments and how units meet them: an {@link io.splitscope.metrics.experiment.Experiment}
 * (dates, control, planned variants and weights), its
 * {@link io.splitscope.metrics.experiment.Assignment} (the rows that expose units to variants),
 * and where experiments come from ({@link io.splitscope.metrics.experiment.ExperimentCatalog}:
 * declared, or discovered in an assignment log).
 */
package io.splitscope.metrics.experiment;
