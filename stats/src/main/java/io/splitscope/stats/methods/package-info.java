/**
 * The comparison methods: one final, immutable class per method, each with a stable id, its
 * formula and a reference in its Javadoc, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.splitscope.stats.ComparisonMethod}.
 *
 * <ul>
 *   <li>{@link io.splitscope.stats.methods.WelchT} — {@code welch_t}, mean and proportion metrics
 *       from {@link io.splitscope.stats.Moments}.</li>
 * </ul>
 *
 * <p>Distributions whose Commons Math implementation is not accurate enough for the large degrees
 * of freedom of A/B tests are implemented here, package-private.
 */
package io.splitscope.stats.methods;
