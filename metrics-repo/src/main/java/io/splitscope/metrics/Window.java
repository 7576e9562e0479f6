package io.splitscope.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The time after a unit's first exposure over which its rows count:
 * {@code [first_exposed_at + delay, first_exposed_at + delay + length)}, in whole hours. With
 * {@link Eligibility#ELAPSED} a unit is analysed only once its whole window has elapsed
 * ({@code first_exposed_at + delay + length <= analysis_end}).
 *
 * <p>A retention day is a delayed window ({@code day 7} is {@code between(7 d, 8 d)}); a conversion
 * window one that opens at exposure ({@code hours(24)}).
 *
 * @param length the window's length: at least one hour, in whole hours
 * @param delay  how long after first exposure the window opens (zero: at exposure), in whole hours
 */
public record Window(Duration length, Duration delay) {

    private static final Duration HOUR = Duration.ofHours(1);

    public Window {
        Objects.requireNonNull(length, "a metric window needs a length");
        Objects.requireNonNull(delay, "a metric window needs a delay (zero to open at exposure)");
        if (length.compareTo(HOUR) < 0 || !wholeHours(length)) {
            throw new IllegalArgumentException("a metric window is a whole number of hours, at least 1, not " + length);
        }
        if (delay.isNegative() || !wholeHours(delay)) {
            throw new IllegalArgumentException("a metric window's delay is a whole number of hours, not negative: " + delay);
        }
    }

    /** A window of {@code days} that opens at first exposure. */
    public static Window days(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a metric window must be at least 1 day long, not " + days);
        }
        return new Window(Duration.ofDays(days), Duration.ZERO);
    }

    /** A window of {@code hours} that opens at first exposure (a conversion window: {@code hours(24)}). */
    public static Window hours(int hours) {
        if (hours < 1) {
            throw new IllegalArgumentException("a metric window must be at least 1 hour long, not " + hours);
        }
        return new Window(Duration.ofHours(hours), Duration.ZERO);
    }

    /**
     * {@code [first_exposed_at + start, first_exposed_at + end)}: a retention day is
     * {@code between(Duration.ofDays(7), Duration.ofDays(8))}.
     */
    public static Window between(Duration start, Duration end) {
        if (end.compareTo(start) <= 0) {
            throw new IllegalArgumentException("a window's end " + text(end) + " is not after its start " + text(start));
        }
        return new Window(end.minus(start), start);
    }

    /** This window, opening {@code delayDays} after first exposure. */
    public Window delayedBy(int delayDays) {
        return new Window(length, Duration.ofDays(delayDays));
    }

    /** Hours from first exposure to the window's opening. */
    public long delayHours() {
        return delay.toHours();
    }

    /** Hours from first exposure to the window's open end. */
    public long endHours() {
        return delay.plus(length).toHours();
    }

    /** Days from first exposure to the window's open end, rounded up. */
    public int endDays() {
        return (int) ((endHours() + 23) / 24);
    }

    /** Whether the window opens and closes on whole days after first exposure (a series needs it). */
    public boolean wholeDays() {
        return delay.toHours() % 24 == 0 && length.toHours() % 24 == 0;
    }

    /** {@code "7 d"}, {@code "24 h"}, or {@code "7 d after 2 d"} for a window that opens after first exposure. */
    public String shortText() {
        return text(length) + (delay.isZero() ? "" : " after " + text(delay));
    }

    /** {@code "7 d"} for whole days, else {@code "36 h"}. */
    public static String text(Duration duration) {
        long hours = duration.toHours();
        return hours % 24 == 0 ? hours / 24 + " d" : hours + " h";
    }

    /** {@code "1 day"}, {@code "7 days"}, {@code "36 hours"}. */
    public static String words(Duration duration) {
        long hours = duration.toHours();
        return hours % 24 == 0 ? plural(hours / 24, "day") : plural(hours, "hour");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static boolean wholeHours(Duration duration) {
        return duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0 && duration.toNanosPart() == 0;
    }
}
