package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;
import io.splitscope.stats.ConfidenceLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The inline interval bar of a scorecard row: the relative effect's interval as a bar coloured by
 * its verdict, the estimate as a dot, a zero line and the scale's ticks behind. The rows of one
 * metric group share one {@link Scale}, fitted to their intervals, so bars compare at a glance; an
 * interval beyond it is cut at the edge, which shows an arrow, and never drawn outside its cell.
 * Hovering or focusing a bar shows its numbers.
 */
final class CiBar {

    /** The share of rows whose whole interval the scale holds; the widest few are cut at the edge. */
    static final double COVERED = 0.85;

    private CiBar() {
    }

    /**
     * The axis of a group's bars, in relative effects (fractions): from {@code low} to {@code high},
     * zero within or at an edge, ticks every {@code step}.
     */
    record Scale(double low, double high, double step) {

        private static final double[] NICE_STEPS = {1, 2, 2.5, 5};
        /** The number of steps a scale aims at, for a few readable ticks. */
        private static final int STEPS = 4;

        /**
         * The scale that holds, with a little room, the whole interval of {@value #COVERED} of the
         * rows on each side of zero — so that one very wide interval does not squash every other bar
         * (those beyond are cut) — rounded out to a "nice" step (1, 2, 2.5 or 5 × 10ⁿ); ±1 % for rows
         * without intervals.
         */
        static Scale fit(Collection<ResultRow> rows) {
            List<Double> lows = new ArrayList<>();
            List<Double> highs = new ArrayList<>();
            for (ResultRow r : rows) {
                Double low = r.relativeLow() != null ? r.relativeLow() : r.relative();
                Double high = r.relativeHigh() != null ? r.relativeHigh() : r.relative();
                if (low != null && high != null && Double.isFinite(low) && Double.isFinite(high)) {
                    lows.add(low);
                    highs.add(high);
                }
            }
            double lowEnd = Math.min(0, -covered(lows.stream().map(v -> -v).toList()));
            double highEnd = Math.max(0, covered(highs));
            double span = highEnd - lowEnd;
            if (span <= 0) {
                return new Scale(-0.01, 0.01, 0.005);
            }
            double step = niceStep(span / STEPS);
            double room = 0.04 * span;
            double low = lowEnd == 0 ? 0 : Math.floor((lowEnd - room) / step) * step;
            double high = highEnd == 0 ? 0 : Math.ceil((highEnd + room) / step) * step;
            return new Scale(clean(low), clean(high), step);
        }

        /** The value that {@value #COVERED} of {@code values} do not exceed. */
        private static double covered(List<Double> values) {
            if (values.isEmpty()) {
                return 0;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[Math.max(0, (int) Math.ceil(COVERED * sorted.length) - 1)];
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double nice : NICE_STEPS) {
                if (nice * magnitude >= raw * 0.999) {
                    return clean(nice * magnitude);
                }
            }
            return clean(10 * magnitude);
        }

        /** {@code v} without the binary noise of the arithmetic above (0.30000000000000004 → 0.3). */
        private static double clean(double v) {
            return BigDecimal.valueOf(v).setScale(10, RoundingMode.HALF_EVEN).doubleValue() + 0.0;
        }

        /** Where a value sits across the bar, 0 … 100 (%), clamped to the edges. */
        double position(double value) {
            double p = 100 * (value - low) / (high - low);
            return Math.max(0, Math.min(100, p));
        }

        /** The tick values from {@code low} to {@code high}, one per step, zero among them. */
        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            long first = Math.round(low / step);
            long last = Math.round(high / step);
            for (long k = first; k <= last; k++) {
                ticks.add(clean(k * step));
            }
            return ticks;
        }
    }

    /** The label of a tick: {@code −10 %}, {@code 0 %}, {@code +2.5 %}. */
    static String tickLabel(double value) {
        BigDecimal percent = BigDecimal.valueOf(value * 100).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String digits = percent.abs().toPlainString();
        return (percent.signum() < 0 ? "−" : percent.signum() > 0 ? "+" : "") + digits + " %";
    }

    /** The bar of one row on its group's {@code scale}. */
    static Component bar(ResultRow row, Scale scale, ConfidenceLevel level) {
        Div track = new Div();
        track.addClassName("ss-cibar-track");
        for (double tick : scale.ticks()) {
            Div line = new Div();
            line.addClassName(tick == 0 ? "ss-cibar-zero" : "ss-cibar-tick");
            line.getStyle().set("left", percent(scale.position(tick)));
            track.add(line);
        }
        if (row.relativeLow() != null && row.relativeHigh() != null) {
            double low = scale.position(row.relativeLow());
            double high = scale.position(row.relativeHigh());
            Div range = new Div();
            range.addClassNames("ss-cibar-range", row.verdict().className());
            range.getStyle().set("left", percent(low)).set("width", percent(Math.max(high - low, 0.6)));
            track.add(range);
            if (row.relativeLow() < scale.low()) {
                range.addClassName("ss-cibar-cut-low");
                track.add(arrow("ss-cibar-arrow-low", row));
            }
            if (row.relativeHigh() > scale.high()) {
                range.addClassName("ss-cibar-cut-high");
                track.add(arrow("ss-cibar-arrow-high", row));
            }
        }
        if (row.relative() != null) {
            Div point = new Div();
            point.addClassNames("ss-cibar-point", row.verdict().className());
            point.getStyle().set("left", percent(scale.position(row.relative())));
            track.add(point);
        }
        Div bar = new Div(track);
        bar.addClassName("ss-cibar");
        String numbers = numbers(row, level);
        bar.getElement().setAttribute("tabindex", "0");
        bar.getElement().setAttribute("aria-label", numbers.replace('\n', ';'));
        Tooltip.forComponent(bar).withText(numbers).withHoverDelay(150);
        return bar;
    }

    /** An arrow at the end where the interval is cut: it goes on beyond the scale. */
    private static Div arrow(String side, ResultRow row) {
        Div arrow = new Div();
        arrow.addClassNames("ss-cibar-arrow", side, row.verdict().className());
        return arrow;
    }

    /** What hovering a bar shows: the estimate and interval, relative and absolute. */
    static String numbers(ResultRow row, ConfidenceLevel level) {
        if (row.relativeCi().equals(io.splitscope.app.web.common.Formats.MISSING)) {
            return "Relative effect " + row.relativeEffect() + ", no interval\nAbsolute effect " + row.absoluteEffect();
        }
        String interval = level + (row.chance() != null ? " credible interval " : " interval ");
        return "Relative effect " + row.relativeEffect() + ", " + interval + row.relativeCi()
                + "\nAbsolute effect " + row.absoluteEffect() + ", " + interval + row.absoluteCi();
    }

    /** The axis above a group's bars: a label at each tick of {@code scale}. */
    static Component axis(Scale scale) {
        Div track = new Div();
        track.addClassName("ss-cibar-track");
        for (double tick : scale.ticks()) {
            Span label = new Span(tickLabel(tick));
            label.addClassName("ss-cibar-axis-label");
            label.getStyle().set("left", percent(scale.position(tick)));
            track.add(label);
        }
        Div axis = new Div(track);
        axis.addClassName("ss-cibar-axis");
        return axis;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }
}
