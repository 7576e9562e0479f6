package io.splitscope.app.web.common;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.Window;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * How a metric's definition reads in the web app: its kind, window and eligibility, the events it
 * counts and which direction is better, as the explain dialog and the metrics catalog show them. Pure functions.
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

    /**
     * Which units a windowed metric counts, in words: {@code "units at least 8 days past first exposure"}
     * (the window's end: day-7 retention needs 8 days) or {@code "all exposed units; days not reached count as 0"};
     * null for a metric without a window.
     *
     * @param window the metric's window; null when not known (a stored row whose metric is gone)
     */
    public static String eligibility(Eligibility eligibility, Window window) {
        if (eligibility == null) {
            return null;
        }
        return switch (eligibility) {
            case ALL -> "all exposed units; days not reached count as 0";
            case ELAPSED -> window == null ? "units whose window has elapsed"
                    : "units at least " + Window.words(java.time.Duration.ofHours(window.endHours())) + " past first exposure";
        };
    }

    /** {@link #eligibility(Eligibility, Window)} of a metric; null for one without a window. */
    public static String eligibility(Metric metric) {
        return metric.windowed() ? eligibility(metric.eligibility(), metric.window()) : null;
    }

    /**
     * The kind in words: {@code "retention"}, {@code "count distinct"}, {@code "funnel step"},
     * {@code "step-to-step conversion"}.
     */
    public static String kind(MetricKind kind) {
        return kind == MetricKind.FUNNEL_CONVERSION ? "step-to-step conversion" : kind.jsonName().replace('_', ' ');
    }

    /** A funnel's steps in order, each with its filter: {@code "1 browse (page = 'product') → 2 cart (page = 'cart')"}. */
    public static String steps(Measure.Funnel funnel) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < funnel.steps().size(); i++) {
            Measure.Funnel.Step step = funnel.steps().get(i);
            steps.add((i + 1) + " " + step.name() + " (" + sql(step.filter()) + ")");
        }
        return String.join(" → ", steps);
    }

    /** {@code "all"}, or the metric's event filter as SQL with its values inlined. */
    public static String filter(Metric metric) {
        return metric.filter().equals(DSL.noCondition()) ? "all" : sql(metric.filter());
    }

    private static String sql(Condition condition) {
        return DSL.using(SQLDialect.DEFAULT).renderInlined(condition);
    }

    /** {@code "higher"} or {@code "lower"}: which way the metric is better. */
    public static String betterWhen(Metric metric) {
        return metric.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
    }
}
