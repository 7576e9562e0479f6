/**
 * The statistics layer of Splitscope: the inputs, results and registry of comparison methods.
 *
 * <p>A {@linkplain io.splitscope.stats.ComparisonMethod comparison method} compares one treatment
 * variant with the control from immutable per-variant inputs ({@link io.splitscope.stats.VariantData}:
 * the sufficient statistics {@link io.splitscope.stats.Moments},
 * {@link io.splitscope.stats.CovariateMoments} and {@link io.splitscope.stats.RatioMoments}, or
 * unit-level values {@link io.splitscope.stats.QuantileSample} and
 * {@link io.splitscope.stats.UnitValues}) and returns an immutable
 * {@link io.splitscope.stats.ComparisonResult}: the control and treatment values, the absolute and
 * relative effects with their confidence intervals, the p-value, a
 * {@link io.splitscope.stats.ResultStatus} and any further named numbers of the method
 * ({@link io.splitscope.stats.ComparisonResult#extras()}). Scorecards call
 * {@link io.splitscope.stats.ComparisonMethod#compare(VariantData, VariantData, java.util.List, ConfidenceLevel)}
 * with every variant of the analysis, which {@code cuped}, a
 * {@link io.splitscope.stats.PooledComparisonMethod}, needs to pool its coefficient.
 *
 * <p>Two kinds of failure are kept apart (DESIGN.md, principle 5): a programming or configuration
 * error (a {@code null} argument, inconsistent sums, an unknown method id) throws an
 * {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException} with a
 * clear message; degenerate <em>data</em> (an empty arm, a single unit, zero variance, a zero
 * baseline, non-finite sums) never throws but yields a result whose status and reason say what is
 * missing, with every value that still exists filled in.
 *
 * <p>Methods are registered through {@link java.util.ServiceLoader} and looked up by their stable
 * id with {@link io.splitscope.stats.ComparisonMethods}. The methods themselves live in
 * {@code io.splitscope.stats.methods}; the sample-ratio check in {@code io.splitscope.stats.health};
 * multiple-testing corrections in {@code io.splitscope.stats.multiple}; the power, sample-size and
 * minimum-detectable-effect calculator in {@code io.splitscope.stats.power}.
 *
 * <p>This module depends on Apache Arrow and Commons Math only, never on jOOQ, JDBC or Vaadin.
 */
package io.splitscope.stats;
