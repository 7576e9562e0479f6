package io.splitscope.stats.multiple;

import java.util.List;

/**
 * A multiple-testing adjustment of a family of p-values.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PValueAdjustment {

    /** The stable id, e.g. {@code benjamini_hochberg}. */
    String id();

    /**
     * Adjusts a family of p-values.
     *
     * @param pValues the p-values, each in [0, 1]; a {@code null} element is a row without a
     *                p-value: it stays {@code null} at the same index and does not count in the
     *                number of tests m
     * @return a new unmodifiable list of the same size (it may contain nulls)
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
     */
    List<Double> adjust(List<Double> pValues);
}
