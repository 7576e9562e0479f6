package io.splitscope.stats.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a sample-ratio-mismatch check (scorecard field {@code srm}).
 *
 * @param chiSquare     Pearson's χ² statistic; NaN when there are no units at all,
 *                      +∞ when units arrived in a variant of weight 0
 * @param pValue        its upper-tail probability under χ²(k − 1); NaN when there are no units
 *                      (the test is undefined; write it as JSON {@code null})
 * @param mismatch      whether {@code pValue < }{@link SampleRatioMismatch#THRESHOLD}; false when
 *                      the p-value is NaN
 * @param expectedShare the planned share (weight) of every variant, in variant order; an
 *                      unmodifiable copy
 */
public record SrmResult(double chiSquare, double pValue, boolean mismatch, Map<String, Double> expectedShare) {

    public SrmResult {
        Objects.requireNonNull(expectedShare, "expectedShare");
        expectedShare = Collections.unmodifiableMap(new LinkedHashMap<>(expectedShare));
    }
}
