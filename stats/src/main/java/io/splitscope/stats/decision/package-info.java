/**
 * The decision rule of {@code spec/decisions.md}: from the comparisons of an experiment's success
 * and guardrail metrics to "ship", "roll back" or "keep running", with the error rates of
 * Schultzberg, Ankargren and Frånberg (2024). {@link io.splitscope.stats.decision.Margin} is a
 * guardrail's non-inferiority margin, {@link io.splitscope.stats.decision.Design} how the
 * experiment may be looked at.
 *
 * <p>{@link io.splitscope.stats.decision.DecisionRule} reads, per treatment variant, a
 * {@link io.splitscope.stats.decision.VariantEvidence} (each
 * {@link io.splitscope.stats.decision.RoleMetric}'s re-runnable
 * {@link io.splitscope.stats.decision.Comparison} and the
 * {@link io.splitscope.stats.decision.QualityCheck}s) and gives a
 * {@link io.splitscope.stats.decision.Decision}: a
 * {@link io.splitscope.stats.decision.Recommendation}, its reasons and every one-sided
 * {@link io.splitscope.stats.decision.TestResult} it ran. Package-private parts: each one-sided
 * test ({@code OneSidedTest}), the reason lines ({@code ReasonText}) and the planned sample
 * ({@code SamplePlan}); {@link io.splitscope.stats.decision.GroupSequential} computes the
 * Lan–DeMets boundaries of a group-sequential design.
 */
package io.splitscope.stats.decision;
