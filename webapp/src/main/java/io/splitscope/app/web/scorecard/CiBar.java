package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.ConfidenceLevel;
import java.util.Collection;
import java.util.Locale;

/**
 * The inline interval bar of a scorecard row: a horizontal axis around zero, the relative
 * effect's interval as a bar coloured by its verdict and the estimate as a dot. Every row of
 * a table shares one symmetric {@link #scaleFor scale}, so bars compare at a glance; an interval
 * beyond it is cut at the edge, which then shows an arrow.
 */
final class CiBar {

    private static final double[] NICE = {0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0};

    /** The share of rows whose whole interval the scale holds; the widest few are cut at the edge. */
    static final double COVERED = 0.85;

    private CiBar() {
    }

    /**
     * The half-width of the axis: the smallest "nice" fraction (0.5 %, 1 %, 2 % … 100 %) that
     * holds, with a little room, the whole interval of {@value #COVERED} of the rows — so that one
     * very wide interval does not squash every other bar; the intervals beyond are cut at the edge.
     *
     * @param rowEnds per row, the largest absolute end of its interval (or its estimate); nulls ignored
     */
    static double scaleFor(Collection<Double> rowEnds) {
        double[] ends = rowEnds.stream().filter(d -> d != null && Double.isFinite(d)).mapToDouble(Math::abs).sorted()
                .toArray();
        double max = ends.length == 0 ? 0 : ends[Math.max(0, (int) Math.ceil(COVERED * ends.length) - 1)];
        for (double nice : NICE) {
            if (max * 1.05 <= nice) {
                return nice;
            }
        }
        return NICE[NICE.length - 1];
    }

    /** The bar of one row. */
    static Component bar(ResultRow row, double scale, ConfidenceLevel level) {
        Div bar = new Div();
        bar.addClassName("ss-cibar");
        Div zero = new Div();
        zero.addClassName("ss-cibar-zero");
        bar.add(zero);
        if (row.relativeLow() != null && row.relativeHigh() != null) {
            double low = position(row.relativeLow(), scale);
            double high = position(row.relativeHigh(), scale);
            Div range = new Div();
            range.addClassNames("ss-cibar-range", row.verdict().className());
            range.getStyle().set("left", percent(low)).set("width", percent(Math.max(high - low, 0.6)));
            if (row.relativeLow() < -scale) {
                range.addClassName("ss-cibar-cut-low");
            }
            if (row.relativeHigh() > scale) {
                range.addClassName("ss-cibar-cut-high");
            }
            bar.add(range);
        }
        if (row.relative() != null) {
            Div point = new Div();
            point.addClassNames("ss-cibar-point", row.verdict().className());
            point.getStyle().set("left", percent(position(row.relative(), scale)));
            bar.add(point);
        }
        bar.getElement().setAttribute("title", row.relativeCi().equals(Formats.MISSING)
                ? "No interval" : level + " interval of the relative effect: " + row.relativeCi());
        return bar;
    }

    /** The axis labels above a column of bars: −scale, 0, +scale. */
    static Component axis(double scale) {
        Div axis = new Div();
        axis.addClassName("ss-cibar-axis");
        Span low = new Span(Formats.signedPercent(-scale).replace(".0 %", " %"));
        low.addClassName("ss-cibar-axis-low");
        Span zero = new Span("0");
        zero.addClassName("ss-cibar-axis-zero");
        Span high = new Span(Formats.signedPercent(scale).replace(".0 %", " %"));
        high.addClassName("ss-cibar-axis-high");
        axis.add(low, zero, high);
        return axis;
    }

    /** Where a value sits across the bar, 0 … 100 (%), clamped to the edges. */
    static double position(double value, double scale) {
        double p = 50 + 50 * value / scale;
        return Math.max(0, Math.min(100, p));
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }
}
