package io.splitscope.app.results;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The day an experiment's status is judged on: today in UTC, or the date set by the property
 * {@code splitscope.today} (ISO, e.g. {@code 2026-04-15}) — for a warehouse whose data stops at
 * some past day (a demo, a snapshot) and for tests.
 */
@Component
public final class Today {

    private final LocalDate fixed;
    private final Clock clock;

    /** Built by Spring from the optional {@code splitscope.today}. */
    @Autowired
    public Today(@Value("${splitscope.today:}") String today) {
        this(today == null || today.isBlank() ? null : LocalDate.parse(today.trim()), Clock.systemUTC());
    }

    Today(LocalDate fixed, Clock clock) {
        this.fixed = fixed;
        this.clock = clock;
    }

    /** The day to judge on. */
    public LocalDate date() {
        return fixed != null ? fixed : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
