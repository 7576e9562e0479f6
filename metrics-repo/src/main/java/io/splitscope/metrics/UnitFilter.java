package io.splitscope.metrics;

import java.util.List;
import java.util.Objects;
import org.jooq.Condition;

/**
 * Which units a metric analyses, by their attributes ({@code spec/metric-types.md}, "Filters that
 * join unit attributes"): a condition over {@link Dimension#attribute()} fields, joined per unit
 * from the dimensions' sources. It drops units from the metric's analysis only; the population
 * and its sample-ratio check stay whole. A unit without a row in a dimension's source has a NULL
 * attribute, so it fails every test but {@code is null}.
 *
 * <pre>{@code
 * UnitFilter germanPaying = UnitFilter.of(COUNTRY.attribute().eq("DE").and(PLAN.attribute().ne("basic")), COUNTRY, PLAN);
 * }</pre>
 *
 * @param text       how the scorecard shows it ({@code country = 'DE' and plan <> 'basic'})
 * @param condition  the condition, over the attributes of {@code dimensions}
 * @param dimensions the dimensions it reads
 */
public record UnitFilter(String text, Condition condition, List<Dimension> dimensions) {

    /** The table alias under which each unit's attributes are joined; {@link Dimension#attribute()} qualifies with it. */
    public static final String ATTRIBUTES = "unit_attributes";

    public UnitFilter {
        Objects.requireNonNull(condition, "a unit filter needs a condition");
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("a unit filter reads at least one dimension");
        }
        dimensions = List.copyOf(dimensions);
        text = text == null || text.isBlank() ? condition.toString() : text.strip();
    }

    /**
     * The units that pass this filter and {@code other} (an experiment's filter and a metric's
     * own); this filter when {@code other} is null.
     */
    public UnitFilter and(UnitFilter other) {
        if (other == null) {
            return this;
        }
        java.util.Set<Dimension> read = new java.util.LinkedHashSet<>(dimensions);
        read.addAll(other.dimensions);
        return new UnitFilter("(" + text + ") and (" + other.text + ")", condition.and(other.condition), List.copyOf(read));
    }

    /** A filter whose text is the condition as jOOQ renders it. */
    public static UnitFilter of(Condition condition, Dimension... dimensions) {
        return new UnitFilter(null, condition, List.of(dimensions));
    }
}
