package io.splitscope.metrics.project;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations of a project file ({@code window: 14d}, {@code within: 24h}, a retention's
 * {@code start: 7d} and {@code end: 8d}): a whole number of days or of hours, as a metric window
 * counts in whole hours.
 */
final class Durations {

    /** {@code 14d}, {@code 14 d}, {@code 14 days}, {@code 1 day}, {@code 36h}, {@code 36 hours}. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})\\s*(d|days?|h|hours?)");

    private Durations() {
    }

    /**
     * The duration of {@code key} in {@code section}; empty, with a mistake at its line, when it is
     * not one, or when it is zero and {@code zeroAllowed} is false.
     */
    static Optional<Duration> read(Section section, String key, boolean zeroAllowed) {
        return section.text(key).flatMap(text -> {
            Matcher matcher = DURATION.matcher(text.strip());
            if (!matcher.matches()) {
                section.error(key, "expected a duration in days or hours such as 14d, '14 days', 36h or '36 hours', not '"
                        + text + "'");
                return Optional.empty();
            }
            long count = Long.parseLong(matcher.group(1));
            if (count == 0 && !zeroAllowed) {
                section.error(key, "a " + key + " lasts at least 1 hour, not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(matcher.group(2).startsWith("d") ? Duration.ofDays(count) : Duration.ofHours(count));
        });
    }
}
