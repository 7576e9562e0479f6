package io.splitscope.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a metric was defined: the {@code type:} of the project file ({@code spec/project.md},
 * {@code spec/metric-types.md}). Each kind is analysed as one {@link MetricType} (a retention is a
 * proportion, a count of distinct values a mean); a funnel becomes several scorecard rows
 * ({@link Metric#scorecardMetrics()}): each step's share ({@link #FUNNEL_STEP}) and each step's
 * conversion from the step before ({@link #FUNNEL_CONVERSION}).
 */
public enum MetricKind {
    MEAN(MetricType.MEAN),
    PROPORTION(MetricType.PROPORTION),
    RATIO(MetricType.RATIO),
    QUANTILE(MetricType.QUANTILE),
    /** 1 when the unit has a qualifying row in {@code [first_exposed_at + start, first_exposed_at + end)}. */
    RETENTION(MetricType.PROPORTION),
    /** 1 when a qualifying row falls within {@code within} of first exposure. */
    CONVERSION(MetricType.PROPORTION),
    /** Steps in order; expands to {@link #FUNNEL_STEP} and {@link #FUNNEL_CONVERSION} rows. */
    FUNNEL(MetricType.PROPORTION),
    /** The share of all eligible units that complete steps 1..k of a funnel. */
    FUNNEL_STEP(MetricType.PROPORTION),
    /** Step k's completions over step k−1's: descriptive, as it conditions on what happened after assignment. */
    FUNNEL_CONVERSION(MetricType.RATIO),
    /** The number of distinct values in the unit's window. */
    COUNT_DISTINCT(MetricType.MEAN),
    /** Distinct UTC dates with a qualifying row, or their share of the dates the window touches. */
    ACTIVE_DAYS(MetricType.MEAN),
    /** 1 when the unit's aggregated value reaches a threshold. */
    THRESHOLD(MetricType.PROPORTION);

    private final MetricType type;

    MetricKind(MetricType type) {
        this.type = type;
    }

    /** How its values are compared. */
    public MetricType type() {
        return type;
    }

    /**
     * Whether rows of this kind describe rather than test: they stay out of the multiple-testing
     * family and carry no verdict.
     */
    public boolean descriptive() {
        return this == FUNNEL_CONVERSION;
    }

    /** Whether the kind places rows in time, so its source needs a timestamp. */
    public boolean needsTimestamp() {
        return this == RETENTION || this == CONVERSION || this == FUNNEL || this == FUNNEL_STEP
                || this == FUNNEL_CONVERSION || this == ACTIVE_DAYS;
    }

    /** The kind of a metric defined by its statistical type alone ({@code mean}, {@code proportion}, ...). */
    public static MetricKind of(MetricType type) {
        return valueOf(type.name());
    }

    /** The lower-case name used in the project file and the scorecard JSON ({@code "retention"}, ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind whose {@link #jsonName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming the known kinds, for any other name
     */
    public static MetricKind fromJsonName(String name) {
        for (MetricKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown metric type '" + name + "' (known: "
                + Arrays.stream(values()).map(MetricKind::jsonName).toList() + ")");
    }
}
