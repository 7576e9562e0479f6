package io.splitscope.metrics;

/** How a metric's per-unit values become a variant's value (see {@code spec/metrics.md}). */
public enum MetricType {
    /** The mean of a per-unit value. */
    MEAN,
    /** The share of units whose per-unit value is 1 (the per-unit value is 0 or 1). */
    PROPORTION,
    /** Σ numerators / Σ denominators over the variant's units. */
    RATIO,
    /** A percentile of an event-level value over all events of the variant's units. */
    QUANTILE;

    /** The lower-case name used in the scorecard JSON ({@code "mean"}, ...). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The type whose {@link #jsonName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming the known types, for any other name
     */
    public static MetricType fromJsonName(String name) {
        for (MetricType type : values()) {
            if (type.jsonName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown metric type '" + name + "' (known: "
                + java.util.Arrays.stream(values()).map(MetricType::jsonName).toList() + ")");
    }
}
