package io.splitscope.metrics;

/**
 * The time after a unit's first exposure over which its events count:
 * {@code [first_exposed_at + delay, first_exposed_at + delay + length)}, in days. A unit is analysed
 * only once its whole window has elapsed ({@code first_exposed_at + delay + length <= analysis_end}).
 *
 * @param days      the window's length
 * @param delayDays how long after first exposure the window opens (0: at exposure)
 */
public record Window(int days, int delayDays) {

    public Window {
        if (days < 1) {
            throw new IllegalArgumentException("a metric window must be at least 1 day long, not " + days);
        }
        if (delayDays < 0) {
            throw new IllegalArgumentException("a metric window's delay cannot be negative: " + delayDays);
        }
    }

    /** A window of {@code days} that opens at first exposure. */
    public static Window days(int days) {
        return new Window(days, 0);
    }

    /** This window, opening {@code delayDays} after first exposure. */
    public Window delayedBy(int delayDays) {
        return new Window(days, delayDays);
    }

    /** {@code "7 d"}, or {@code "7 d after 2 d"} for a window that opens after first exposure. */
    public String shortText() {
        return days + " d" + (delayDays == 0 ? "" : " after " + delayDays + " d");
    }

    /** Days from first exposure to the window's open end. */
    public int endDays() {
        return delayDays + days;
    }
}
