package io.splitscope.app.web.common;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Window;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * How a metric's definition reads in the web app: its window, the events it counts and which
 * direction is better, as the explain dialog and the metrics catalog show them. Pure functions.
 */
public final class MetricTexts {

    private MetricTexts() {
    }

    /**
     * {@code "7 days from first exposure"}, with {@code ", opening 2 days after it"} for a delayed
     * window; for a metric without one, that every row counts.
     */
    public static String window(Metric metric) {
        if (!metric.windowed()) {
            return "none: every row of the unit counts (the source has no timestamps)";
        }
        Window window = metric.window();
        return Window.words(window.length()) + " from first exposure"
                + (window.delay().isZero() ? "" : ", opening " + Window.words(window.delay()) + " after it");
    }

    /** {@code "all"}, or the metric's event filter as SQL with its values inlined. */
    public static String filter(Metric metric) {
        return metric.filter().equals(DSL.noCondition()) ? "all" : DSL.using(SQLDialect.DEFAULT).renderInlined(metric.filter());
    }

    /** {@code "higher"} or {@code "lower"}: which way the metric is better. */
    public static String betterWhen(Metric metric) {
        return metric.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
    }
}
