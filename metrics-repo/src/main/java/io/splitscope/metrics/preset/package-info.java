/**
 * The streaming tables of {@code spec/warehouse.md} as one project among others: their sources,
 * assignment and dimensions ({@link io.splitscope.metrics.preset.StreamingPreset}), their
 * experiments from the {@code experiments} and {@code variants} tables, and the standard metric
 * catalog of {@code spec/metrics.md} ({@link io.splitscope.metrics.preset.StandardMetrics}).
 * Nothing outside this package names their tables or columns.
 */
package io.splitscope.metrics.preset;
