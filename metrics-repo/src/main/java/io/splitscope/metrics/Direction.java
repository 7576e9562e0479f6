package io.splitscope.metrics;

/** Which way a metric should move for a change to count as an improvement. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
