/**
 * The distributions the methods, the confidence level and the power calculator use:
 * {@link io.splitscope.stats.distribution.StudentT}, accurate for the large degrees of freedom of
 * A/B tests where Commons Math's is not, and {@link io.splitscope.stats.distribution.Normal}.
 * Pure functions; this package depends on nothing else in Splitscope.
 */
package io.splitscope.stats.distribution;
