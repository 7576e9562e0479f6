package io.splitscope.stats.arrow;

/**
 * The column-naming contract between the query side and the statistics side, written once: a
 * table of per-variant sufficient statistics has a {@value #VARIANT} column (text) and, for each
 * metric {@code m}, the columns {@code m__n} (64-bit integer), {@code m__sum} and
 * {@code m__sum_squares} (doubles).
 */
public final class MomentColumns {

    /** The variant name column. */
    public static final String VARIANT = "variant";

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
}
