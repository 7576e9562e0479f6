/**
 * Metrics as code: the immutable {@link io.splitscope.metrics.Metric} value and its parts (type,
 * source, per-unit value, window, direction).
 */
package io.splitscope.metrics;
