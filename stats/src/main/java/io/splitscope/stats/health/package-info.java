/**
 * Health checks of an experiment's data, run before its metrics are read: the sample-ratio
 * mismatch test ({@link io.splitscope.stats.health.SampleRatioMismatch}), which flags an
 * assignment or logging problem when the population per variant is far from the planned weights.
 */
package io.splitscope.stats.health;
