/**
 * Where metrics live: the standard catalog of {@code spec/metrics.md}, the
 * {@link io.splitscope.metrics.catalog.MetricCatalog} SPI teams use to add their own sets, and the
 * repository that looks metrics up by stable id.
 */
package io.splitscope.metrics.catalog;
