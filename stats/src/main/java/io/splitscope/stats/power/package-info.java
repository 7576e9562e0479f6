/**
 * Planning experiments: power, sample size and minimum detectable effect for means (two-sample
 * t-test) and proportions ({@link io.splitscope.stats.power.PowerCalculator}), identical to R's
 * {@code power.t.test} and {@code power.prop.test}.
 */
package io.splitscope.stats.power;
