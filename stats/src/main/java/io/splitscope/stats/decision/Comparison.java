package io.splitscope.stats.decision;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;

/**
 * How a metric's scorecard row can be re-run at another confidence level: the row's own method,
 * one treatment variant against the control. The rule runs a one-sided test at level {@code a} as
 * the bound of the two-sided interval at confidence {@code 1 − 2a}
 * ({@link ConfidenceLevel#oneSided(double)}).
 */
@FunctionalInterface
public interface Comparison {

    /** The row's comparison with its intervals at {@code level}. */
    ComparisonResult at(ConfidenceLevel level);
}
