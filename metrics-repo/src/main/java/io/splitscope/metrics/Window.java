package io.splitscope.metrics;

/**
 * The time after a unit's first exposure over which its events count: {@code [first_exposed_at,
 * first_exposed_at + days)}. A unit is analysed only once its whole window has elapsed.
 */
public record Window(int days) {

    public Window {
        if (days < 1) {
            throw new IllegalArgumentException("a metric window must be at least 1 day, not " + days);
        }
    }

    public static Window days(int days) {
        return new Window(days);
    }
}
