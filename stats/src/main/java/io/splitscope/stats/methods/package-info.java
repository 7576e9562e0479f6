/**
 * The comparison methods: one final, immutable class per method, each with a stable id, its
 * formula and a reference in its Javadoc, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.splitscope.stats.ComparisonMethod}.
 *
 * <table>
 *   <caption>Methods, inputs and references</caption>
 *   <tr><th>id</th><th>class</th><th>input</th><th>checked against</th></tr>
 *   <tr><td>{@code welch_t}</td><td>{@link io.splitscope.stats.methods.WelchT}</td>
 *       <td>{@link io.splitscope.stats.Moments}</td><td>R {@code t.test}; golden scorecards</td></tr>
 *   <tr><td>{@code cuped}</td><td>{@link io.splitscope.stats.methods.Cuped}</td>
 *       <td>{@link io.splitscope.stats.CovariateMoments}</td><td>golden scorecards; R</td></tr>
 *   <tr><td>{@code delta_ratio}</td><td>{@link io.splitscope.stats.methods.DeltaRatio}</td>
 *       <td>{@link io.splitscope.stats.RatioMoments}</td><td>golden scorecards; R</td></tr>
 *   <tr><td>{@code bootstrap_quantile}</td><td>{@link io.splitscope.stats.methods.BootstrapQuantile}</td>
 *       <td>{@link io.splitscope.stats.QuantileSample}</td><td>R {@code quantile(type = 7)}; golden
 *       scorecards (intervals in size)</td></tr>
 *   <tr><td>{@code quantile_asymptotic}</td><td>{@link io.splitscope.stats.methods.QuantileAsymptotic}</td>
 *       <td>{@link io.splitscope.stats.QuantileSample}</td><td>Deng, Knoblich &amp; Lu (2018) in R</td></tr>
 *   <tr><td>{@code mann_whitney}</td><td>{@link io.splitscope.stats.methods.MannWhitney}</td>
 *       <td>{@link io.splitscope.stats.UnitValues}</td><td>R {@code wilcox.test}</td></tr>
 *   <tr><td>{@code bayesian}</td><td>{@link io.splitscope.stats.methods.Bayesian}</td>
 *       <td>{@link io.splitscope.stats.Moments}</td><td>R {@code integrate}; GrowthBook fixtures</td></tr>
 *   <tr><td>{@code sequential}</td><td>{@link io.splitscope.stats.methods.Sequential}</td>
 *       <td>{@link io.splitscope.stats.Moments}</td><td>GrowthBook fixture; R</td></tr>
 * </table>
 *
 * <p>The distributions they use are in {@link io.splitscope.stats.distribution}; the confidence
 * level of their intervals comes with each comparison ({@link io.splitscope.stats.ConfidenceLevel}).
 */
package io.splitscope.stats.methods;

import io.splitscope.stats.ConfidenceLevel;
