/**
 * Multiple-testing corrections of the p-values of a scorecard
 * ({@link io.splitscope.stats.multiple.PValueAdjustment}); the scorecard's
 * {@code p_value_adjusted} is the {@link io.splitscope.stats.multiple.BenjaminiHochberg}
 * adjustment over all its result rows that have a p-value.
 */
package io.splitscope.stats.multiple;
