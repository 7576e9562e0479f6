/**
 * Multiple-testing corrections of the p-values of a scorecard
 * ({@link io.splitscope.stats.multiple.PValueAdjustment}), each identical to R's {@code p.adjust}:
 * {@link io.splitscope.stats.multiple.BenjaminiHochberg} (false discovery rate; the default — the
 * scorecard's {@code p_value_adjusted} is its adjustment over all result rows that have a
 * p-value), {@link io.splitscope.stats.multiple.Holm} and
 * {@link io.splitscope.stats.multiple.Bonferroni} (family-wise error rate).
 */
package io.splitscope.stats.multiple;
