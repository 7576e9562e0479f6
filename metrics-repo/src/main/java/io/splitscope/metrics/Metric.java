package io.splitscope.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A metric: an immutable definition that compiles to SQL for any supported engine.
 *
 * @param id          stable identifier, used by the command line, the API and stored results
 * @param title       human title
 * @param description Markdown description: what it measures and how
 * @param type        how per-unit values become a variant's value
 * @param source      the fact table it aggregates
 * @param value       how one unit's events in its window become the unit's value
 * @param window      the window after first exposure
 * @param direction   which way is an improvement
 */
public record Metric(String id, String title, String description, MetricType type, EventSource source,
                     UnitValue value, Window window, Direction direction) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Metric {
        Objects.requireNonNull(id, "a metric needs an id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("metric id '" + id + "' must be lower_snake_case (a-z, 0-9, _), at most 63 characters");
        }
        requireSet(id, "title", title);
        requireSet(id, "description", description);
        requireSet(id, "type", type);
        requireSet(id, "source", source);
        requireSet(id, "value", value);
        requireSet(id, "window", window);
        requireSet(id, "direction", direction);
        if (type == MetricType.PROPORTION && !(value instanceof UnitValue.Any)) {
            throw new IllegalArgumentException("metric " + id + ": a proportion needs a 0/1 unit value (UnitValue.any())");
        }
    }

    private static void requireSet(String id, String what, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("metric " + id + " has no " + what);
        }
    }
}
