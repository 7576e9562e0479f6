package io.splitscope.sql.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The simulated history of a generator: {@code days} UTC days from {@code start}. Inside the SQL,
 * times are whole seconds from the start of the history; {@link #timestamp} turns them into
 * TIMESTAMP values.
 */
record Timeline(LocalDate start, int days) {

    /** Seconds in a day. */
    static final long DAY = 86_400;

    /** Seconds in the whole history: times are in {@code [0, seconds())}. */
    long seconds() {
        return days * DAY;
    }

    /** Seconds from the start of the history to {@code date} 00:00 UTC. */
    long second(LocalDate date) {
        return ChronoUnit.DAYS.between(start, date) * DAY;
    }

    /** The SQL TIMESTAMP for the SQL expression {@code secondsFromStart}. */
    String timestamp(String secondsFromStart) {
        return "make_timestamp((" + start.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + " + " + secondsFromStart
                + ") * 1000000)";
    }

    /** The day of week of day 0 of the history, Sunday = 0. */
    int firstWeekday() {
        return start.getDayOfWeek().getValue() % 7;
    }
}
