package io.splitscope.analysis;

import io.splitscope.metrics.Cap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The winsorisation a scorecard row's per-unit values went through ({@code spec/scorecard.md},
 * {@code cap}): the bounds used and, for a percentile cap, the levels they are the pooled
 * percentiles at (over every variant's units in the metric's analysis, computed by the engine in
 * the metric's query).
 *
 * @param lower       the lower bound, null when the lower tail is not capped (or a percentile over no units)
 * @param upper       the upper bound, null when the upper tail is not capped (or a percentile over no units)
 * @param quantileLow the percentile level of {@code lower}, null for a fixed bound or none
 * @param quantile    the percentile level of {@code upper}, null for a fixed bound or none
 */
public record CapUsed(Double lower, Double upper, Double quantileLow, Double quantile) {

    /**
     * The cap of a metric with the pooled percentiles the engine computed (ignored for a fixed
     * cap; null when they were not read back); null for a metric without a cap.
     */
    static CapUsed of(Cap cap, Double pooledLower, Double pooledUpper) {
        return switch (cap) {
            case null -> null;
            case Cap.Absolute absolute -> new CapUsed(absolute.lower(), absolute.upper(), null, null);
            case Cap.Percentile percentile -> new CapUsed(percentile.lowerLevel() == null ? null : pooledLower,
                    percentile.upperLevel() == null ? null : pooledUpper, percentile.lowerLevel(), percentile.upperLevel());
        };
    }

    /** How the CLI and the web app show it: {@code capped at p1 = 0.5 and p99 = 412.5}, {@code capped at 100}. */
    public String text() {
        List<String> bounds = new ArrayList<>();
        if (lower != null || quantileLow != null) {
            bounds.add(bound(lower, quantileLow));
        }
        if (upper != null || quantile != null) {
            bounds.add(bound(upper, quantile));
        }
        return "capped at " + String.join(" and ", bounds);
    }

    private static String bound(Double value, Double level) {
        if (level == null) {
            return number(value);
        }
        String percentile = "p" + number(level * 100);
        return value == null ? percentile + " (no units)" : percentile + " = " + number(value);
    }

    /** Four significant digits, no trailing zeros: 412.5, 0.375, 99. */
    private static String number(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
