/**
 * The decision rule of {@code spec/decisions.md}: from the comparisons of an experiment's success
 * and guardrail metrics to "ship", "roll back" or "keep running", with the error rates of
 * Schultzberg, Ankargren and Frånberg (2024). {@link io.splitscope.stats.decision.Margin} is a
 * guardrail's non-inferiority margin, {@link io.splitscope.stats.decision.Design} how the
 * experiment may be looked at.
 */
package io.splitscope.stats.decision;
