package io.splitscope.stats.arrow;

/**
 * The column-naming contract between the query side and the statistics side, written once: a
 * table of per-variant sufficient statistics has the text columns {@value #SEGMENT} (the slice of a
 * member dimension, or one segment for all units) and {@value #VARIANT} and, for each
 * metric {@code m}, {@code m__n} (64-bit integer, the units in the metric's analysis) and doubles:
 * <ul>
 *   <li>mean and proportion metrics: {@code m__sum}, {@code m__sum_squares}; with the pre-exposure
 *       covariate x also {@code m__x_sum}, {@code m__x_sum_squares}, {@code m__xy_sum};</li>
 *   <li>ratio metrics: {@code m__num_sum}, {@code m__num_sum_squares}, {@code m__den_sum},
 *       {@code m__den_sum_squares}, {@code m__num_den_sum};</li>
 *   <li>a metric with a unit filter: {@code m__filtered_out} (64-bit integer, the units it drops);
 *       with a percentile cap: {@code m__cap_lower} and/or {@code m__cap_upper}, the pooled
 *       percentiles used, the same on every row.</li>
 * </ul>
 * Unit-level tables (methods that need each unit's value, such as {@code mann_whitney}) have
 * {@value #SEGMENT}, {@value #VARIANT}, {@value #UNIT_ID} and, for each metric {@code m}, its value
 * {@code m} (null when the unit's window has not elapsed) and with a covariate {@code m__x}.
 * Event-level tables (quantile metrics) have {@value #SEGMENT}, {@value #VARIANT}, {@value #UNIT_ID}
 * and {@value #VALUE}, ordered by segment, variant and unit. An engine that aggregates lists
 * (DuckDB) brings a quantile metric {@code q}'s events inside the table of sufficient statistics
 * instead: {@code q__events} (a list of doubles, every event of the variant's units in the
 * order of the units, each unit's sorted) and {@code q__unit_events} (a list of 64-bit integers,
 * each unit's number of events, units ordered by id).
 */
public final class MomentColumns {

    /** The segment column. */
    public static final String SEGMENT = "segment";

    /** The variant name column. */
    public static final String VARIANT = "variant";

    /** The unit column of an event-level table. */
    public static final String UNIT_ID = "unit_id";
    /** The value column of an event-level table (null for a unit without events). */
    public static final String VALUE = "value";

    private static final String SEPARATOR = "__";

    private MomentColumns() {
    }

    /** Units in the metric's analysis. */
    public static String n(String metricId) {
        return metricId + SEPARATOR + "n";
    }

    /** Σ y over those units. */
    public static String sum(String metricId) {
        return metricId + SEPARATOR + "sum";
    }

    /** Σ y² over those units. */
    public static String sumSquares(String metricId) {
        return metricId + SEPARATOR + "sum_squares";
    }

    /** Σ x, the pre-exposure covariate. */
    public static String covariateSum(String metricId) {
        return metricId + SEPARATOR + "x_sum";
    }

    /** Σ x². */
    public static String covariateSumSquares(String metricId) {
        return metricId + SEPARATOR + "x_sum_squares";
    }

    /** Σ x·y. */
    public static String sumProduct(String metricId) {
        return metricId + SEPARATOR + "xy_sum";
    }

    /** Σ N, the ratio's unit-level numerators. */
    public static String numeratorSum(String metricId) {
        return metricId + SEPARATOR + "num_sum";
    }

    /** Σ N². */
    public static String numeratorSumSquares(String metricId) {
        return metricId + SEPARATOR + "num_sum_squares";
    }

    /** Σ D, the ratio's unit-level denominators. */
    public static String denominatorSum(String metricId) {
        return metricId + SEPARATOR + "den_sum";
    }

    /** Σ D². */
    public static String denominatorSumSquares(String metricId) {
        return metricId + SEPARATOR + "den_sum_squares";
    }

    /** Σ N·D. */
    public static String numeratorDenominatorSum(String metricId) {
        return metricId + SEPARATOR + "num_den_sum";
    }

    /** A quantile metric's events, unit after unit, in a table of sufficient statistics. */
    public static String events(String metricId) {
        return metricId + SEPARATOR + "events";
    }

    /** A quantile metric's number of events per unit, in the order of {@link #events}. */
    public static String unitEvents(String metricId) {
        return metricId + SEPARATOR + "unit_events";
    }

    /**
     * Units of the variant that the metric's unit filter drops (64-bit integer); only for a metric
     * with a unit filter. In a unit-level table: 1 when it drops the unit, else 0.
     */
    public static String filteredOut(String metricId) {
        return metricId + SEPARATOR + "filtered_out";
    }

    /** The pooled lower percentile cap the metric's values were winsorised at; only for a metric with one. */
    public static String capLower(String metricId) {
        return metricId + SEPARATOR + "cap_lower";
    }

    /** The pooled upper percentile cap; only for a metric with one. */
    public static String capUpper(String metricId) {
        return metricId + SEPARATOR + "cap_upper";
    }

    /** A unit's value of the metric, in a unit-level table. */
    public static String unitValue(String metricId) {
        return metricId;
    }

    /** A unit's pre-exposure covariate of the metric, in a unit-level table. */
    public static String unitCovariate(String metricId) {
        return metricId + SEPARATOR + "x";
    }
}
