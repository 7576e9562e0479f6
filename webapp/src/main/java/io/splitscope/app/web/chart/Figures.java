package io.splitscope.app.web.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Plotly figures of the web app, as JSON for {@link PlotlyChart}: dot-and-whisker plots of
 * effects with their intervals (the forest plot, the segment breakdown, quantile differences),
 * effects over time with an interval band, power curves and funnels. Pure functions of their inputs:
 * nothing here computes statistics.
 *
 * <p>Colours carry the verdict: {@link #BETTER} green, {@link #WORSE} red, {@link #INCONCLUSIVE}
 * grey — the same as the scorecard table.
 */
public final class Figures {

    /** The colour of a significant improvement. */
    public static final String BETTER = "#1e8e3e";
    /** The colour of a significant deterioration. */
    public static final String WORSE = "#d93025";
    /** The colour of an inconclusive result. */
    public static final String INCONCLUSIVE = "#80868b";
    /** Colours of successive series (treatments). */
    public static final List<String> SERIES = List.of("#1a73e8", "#e8710a", "#9334e6", "#12b5cb", "#e52592");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String FONT = "-apple-system, BlinkMacSystemFont, 'Roboto', 'Segoe UI', Helvetica, Arial, sans-serif";

    private Figures() {
    }

    /**
     * One estimate with its interval, a row of a dot-and-whisker plot.
     *
     * @param label  the row's label (left of the plot)
     * @param value  the estimate
     * @param low    the interval's low end, or null
     * @param high   the interval's high end, or null
     * @param colour its colour (a verdict colour)
     * @param legend the legend entry of that colour (e.g. "Better")
     * @param hover  the hover text (HTML line breaks allowed)
     * @param key    what a click on it reports ({@link PlotlyChart.PointClickEvent}), or null
     */
    public record Estimate(String label, double value, Double low, Double high, String colour, String legend,
                           String hover, String key) {

        public Estimate {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
        }
    }

    /** A heading row between groups of estimates (e.g. "Guardrails"), then its estimates. */
    public record Group(String heading, List<Estimate> estimates) {

        public Group {
            estimates = List.copyOf(estimates);
        }
    }

    /**
     * A horizontal dot-and-whisker plot: one row per estimate, grouped under headings, a line at
     * zero, the x axis labelled {@code xTitle} with {@code suffix} on the ticks (e.g. {@code " %"}).
     * Values are plotted as given (multiply fractions by 100 beforehand for percentages).
     */
    public static ObjectNode dotWhisker(List<Group> groups, String xTitle, String suffix) {
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, Trace> traces = new LinkedHashMap<>();
        double y = 0;
        boolean headings = groups.stream().filter(g -> g.heading() != null).count() > 0;
        for (Group group : groups) {
            if (group.estimates().isEmpty()) {
                continue;
            }
            if (headings && group.heading() != null) {
                positions.add(y);
                labels.add("<b>" + escape(group.heading()) + "</b>");
                y -= 1;
            }
            for (Estimate e : group.estimates()) {
                positions.add(y);
                labels.add(escape(e.label()) + "  ");
                traces.computeIfAbsent(e.colour() + "\u0000" + e.legend(), k -> new Trace(e.colour(), e.legend())).add(e, y);
                y -= 1;
            }
        }
        ArrayNode data = JSON.arrayNode();
        traces.values().forEach(t -> data.add(t.json()));

        ObjectNode layout = baseLayout();
        int rows = positions.size();
        layout.put("height", Math.max(160, 70 + 26 * rows));
        layout.set("margin", margin(10, 20, 10, 46));
        ObjectNode yAxis = layout.putObject("yaxis");
        yAxis.put("automargin", true);
        yAxis.set("tickvals", numbers(positions));
        yAxis.set("ticktext", strings(labels));
        yAxis.put("showgrid", true);
        yAxis.put("gridcolor", "#f1f3f4");
        yAxis.put("zeroline", false);
        yAxis.put("fixedrange", true);
        yAxis.set("range", numbers(List.of(y + 0.4, 0.6)));
        effectAxis(layout, "xaxis", xTitle, suffix);
        layout.put("showlegend", traces.size() > 1);
        layout.set("legend", legendTopRight());
        return figure(data, layout);
    }

    /**
     * One line with its interval band.
     *
     * @param name   the legend entry
     * @param x      x values: numbers or ISO dates
     * @param value  the estimates
     * @param low    the band's low ends (nulls leave gaps)
     * @param high   the band's high ends
     * @param hover  hover text per point
     */
    public record Band(String name, List<?> x, List<Double> value, List<Double> low, List<Double> high,
                       List<String> hover) {

        public Band {
            x = List.copyOf(x);
            value = java.util.Collections.unmodifiableList(new ArrayList<>(value));
            low = java.util.Collections.unmodifiableList(new ArrayList<>(low));
            high = java.util.Collections.unmodifiableList(new ArrayList<>(high));
            hover = List.copyOf(hover);
        }
    }

    /**
     * Lines with shaded interval bands, one colour per band, a line at zero: effects over time
     * ({@code xType} {@code "date"} or {@code "linear"}) or against a percentile level.
     */
    public static ObjectNode bands(List<Band> bands, String xTitle, String xType, String yTitle, String ySuffix) {
        ArrayNode data = JSON.arrayNode();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String colour = SERIES.get(i % SERIES.size());
            data.add(bandEdge(band, band.name() + " (low)", band.low(), colour, false));
            data.add(bandEdge(band, "interval", band.high(), colour, true));
            ObjectNode line = scatter("lines+markers", band.name(), values(band.x()), numbers(band.value()));
            data.add(line);
            line.set("text", strings(band.hover()));
            line.put("hovertemplate", "%{text}<extra></extra>");
            line.set("line", JSON.objectNode().put("width", 2.5).put("color", colour));
            line.set("marker", JSON.objectNode().put("size", 6).put("color", colour));
            line.put("legendgroup", band.name());
        }
        ObjectNode layout = xLayout(380, xTitle, xType, "x unified");
        effectAxis(layout, "yaxis", yTitle, ySuffix);
        layout.put("showlegend", true);
        layout.set("legend", legendTopRight());
        return figure(data, layout);
    }

    /**
     * One line of a line chart.
     *
     * @param name  the legend entry
     * @param x     x values: numbers or ISO dates
     * @param y     y values (nulls leave gaps)
     * @param hover hover text per point
     */
    public record Line(String name, List<?> x, List<Double> y, List<String> hover) {

        public Line {
            x = List.copyOf(x);
            y = java.util.Collections.unmodifiableList(new ArrayList<>(y));
            hover = List.copyOf(hover);
        }
    }

    /** Lines with markers, one colour each, the y axis from zero: counts over time ({@code xType} {@code "date"} or {@code "linear"}). */
    public static ObjectNode lines(List<Line> lines, String xTitle, String xType, String yTitle) {
        ArrayNode data = JSON.arrayNode();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String colour = SERIES.get(i % SERIES.size());
            ObjectNode trace = scatter("lines+markers", line.name(), values(line.x()), numbers(line.y()));
            trace.set("text", strings(line.hover()));
            trace.put("hovertemplate", "%{text}<extra></extra>");
            trace.set("line", JSON.objectNode().put("width", 2).put("color", colour));
            trace.set("marker", JSON.objectNode().put("size", 5).put("color", colour));
            data.add(trace);
        }
        ObjectNode layout = xLayout(320, xTitle, xType, "closest");
        valueAxis(layout, yTitle).put("rangemode", "tozero");
        layout.put("showlegend", true);
        layout.set("legend", legendTopRight());
        return figure(data, layout);
    }

    /**
     * Values on a logarithmic y axis against a threshold, e.g. p-values per day: the points below
     * {@code threshold} in {@link #WORSE}, larger, the others in {@link #INCONCLUSIVE}, and a dashed
     * line at the threshold labelled {@code thresholdLabel}. Values must be positive (a log axis).
     */
    public static ObjectNode belowThreshold(String name, List<?> x, List<Double> y, List<String> hover, double threshold,
                                            String thresholdLabel, String xTitle, String xType, String yTitle) {
        ObjectNode trace = scatter("lines+markers", name, values(x), numbers(y));
        trace.set("text", strings(hover));
        trace.put("hovertemplate", "%{text}<extra></extra>");
        trace.set("line", JSON.objectNode().put("width", 1).put("color", "#bdc1c6"));
        ArrayNode colours = JSON.arrayNode();
        ArrayNode sizes = JSON.arrayNode();
        y.forEach(v -> {
            boolean below = v != null && v < threshold;
            colours.add(below ? WORSE : INCONCLUSIVE);
            sizes.add(below ? 9 : 6);
        });
        trace.set("marker", JSON.objectNode().<ObjectNode>set("color", colours).set("size", sizes));
        ArrayNode data = JSON.arrayNode();
        data.add(trace);
        ObjectNode layout = xLayout(320, xTitle, xType, "closest");
        valueAxis(layout, yTitle).put("type", "log").put("exponentformat", "power");
        ObjectNode line = layout.putArray("shapes").addObject();
        line.put("type", "line");
        line.put("xref", "paper");
        line.put("x0", 0);
        line.put("x1", 1);
        line.put("y0", threshold);
        line.put("y1", threshold);
        line.set("line", JSON.objectNode().put("color", WORSE).put("width", 1.5).put("dash", "dash"));
        ObjectNode label = layout.putArray("annotations").addObject();
        label.put("xref", "paper");
        label.put("x", 1);
        label.put("xanchor", "right");
        label.put("y", Math.log10(threshold));
        label.put("yanchor", "bottom");
        label.put("showarrow", false);
        label.put("text", escape(thresholdLabel));
        label.set("font", JSON.objectNode().put("color", WORSE).put("size", 12));
        layout.put("showlegend", false);
        return figure(data, layout);
    }

    /** The y axis of {@code layout}, titled, with a grid: for the caller to finish. */
    private static ObjectNode valueAxis(ObjectNode layout, String title) {
        ObjectNode yAxis = layout.putObject("yaxis");
        yAxis.set("title", JSON.objectNode().put("text", title));
        yAxis.put("gridcolor", "#e8eaed");
        yAxis.put("automargin", true);
        return yAxis;
    }

    /** The layout of a chart of {@code height} px along an x axis titled {@code xTitle}, of {@code xType}. */
    private static ObjectNode xLayout(int height, String xTitle, String xType, String hoverMode) {
        ObjectNode layout = baseLayout();
        layout.put("height", height);
        layout.set("margin", margin(10, 20, 10, 50));
        ObjectNode xAxis = layout.putObject("xaxis");
        xAxis.set("title", JSON.objectNode().put("text", xTitle));
        xAxis.put("type", xType);
        xAxis.put("gridcolor", "#e8eaed");
        xAxis.put("automargin", true);
        layout.put("hovermode", hoverMode);
        return layout;
    }

    /**
     * A curve (e.g. power against sample size) with one marked point and a horizontal guide line.
     *
     * @param guide the y value of a dashed horizontal line, or null
     */
    public static ObjectNode curve(String name, List<Double> x, List<Double> y, String xTitle, String yTitle,
                                   String ySuffix, Double markX, Double markY, String markText, Double guide) {
        ArrayNode data = JSON.arrayNode();
        ObjectNode line = scatter("lines", name, numbers(x), numbers(y));
        data.add(line);
        line.set("line", JSON.objectNode().put("width", 2.5).put("color", SERIES.getFirst()));
        line.put("hovertemplate", "%{x:,.0f} → %{y:.1f}" + (ySuffix == null ? "" : ySuffix) + "<extra></extra>");
        if (markX != null && markY != null) {
            ObjectNode mark = scatter("markers+text", markText, numbers(List.of(markX)), numbers(List.of(markY)));
            data.add(mark);
            mark.set("text", strings(List.of(markText)));
            mark.put("textposition", "bottom right");
            mark.set("marker", JSON.objectNode().put("size", 11).put("color", WORSE));
            mark.put("hoverinfo", "skip");
        }
        ObjectNode layout = baseLayout();
        layout.put("height", 320);
        layout.set("margin", margin(10, 20, 10, 50));
        ObjectNode xAxis = layout.putObject("xaxis");
        xAxis.set("title", JSON.objectNode().put("text", xTitle));
        xAxis.put("gridcolor", "#e8eaed");
        xAxis.put("automargin", true);
        xAxis.put("rangemode", "tozero");
        ObjectNode yAxis = layout.putObject("yaxis");
        yAxis.set("title", JSON.objectNode().put("text", yTitle));
        yAxis.put("ticksuffix", ySuffix == null ? "" : ySuffix);
        yAxis.put("gridcolor", "#e8eaed");
        yAxis.put("automargin", true);
        yAxis.set("range", numbers(List.of(0.0, 102.0)));
        layout.put("showlegend", false);
        if (guide != null) {
            ArrayNode shapes = layout.putArray("shapes");
            ObjectNode g = shapes.addObject();
            g.put("type", "line");
            g.put("xref", "paper");
            g.put("x0", 0);
            g.put("x1", 1);
            g.put("y0", guide);
            g.put("y1", guide);
            g.set("line", JSON.objectNode().put("color", "#5f6368").put("width", 1).put("dash", "dash"));
        }
        return figure(data, layout);
    }

    /**
     * One bar of a funnel: a step's share with its interval.
     *
     * @param label the step (left of the bar)
     * @param note  a smaller line under the label (e.g. the conversion from the step before), or null
     * @param value the share, as plotted (e.g. a percentage)
     * @param low   the interval's low end, or null
     * @param high  the interval's high end, or null
     * @param text  written in the bar
     * @param hover the hover text (HTML line breaks allowed)
     */
    public record Bar(String label, String note, double value, Double low, Double high, String text, String hover) {

        public Bar {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A funnel: one horizontal bar per step, the first on top, in {@code colour}, each with its
     * interval as an error bar, its text inside and its note under its label; the x axis from 0 to {@code max} with
     * {@code suffix} on the ticks. Plotly's own funnel trace is not in the app's bundle (scatter,
     * bar and pie only): a bar trace draws the same.
     */
    public static ObjectNode funnel(String name, String colour, List<Bar> bars, String xTitle, String suffix, double max) {
        ObjectNode trace = JSON.objectNode();
        trace.put("type", "bar");
        trace.put("orientation", "h");
        trace.put("name", name);
        trace.set("x", numbers(bars.stream().map(Bar::value).toList()));
        List<String> labels = bars.stream().map(b -> escape(b.label())).toList();
        trace.set("y", strings(labels));
        trace.set("text", strings(bars.stream().map(Bar::text).toList()));
        trace.put("textposition", "inside");
        trace.put("insidetextanchor", "start");
        trace.set("hovertext", strings(bars.stream().map(Bar::hover).toList()));
        trace.put("hovertemplate", "%{hovertext}<extra></extra>");
        trace.set("marker", JSON.objectNode().put("color", colour));
        ObjectNode error = trace.putObject("error_x");
        error.put("type", "data");
        error.put("symmetric", false);
        error.set("array", numbers(bars.stream().map(b -> b.high() == null ? null : Math.max(0, b.high() - b.value())).toList()));
        error.set("arrayminus", numbers(bars.stream().map(b -> b.low() == null ? null : Math.max(0, b.value() - b.low())).toList()));
        error.put("color", "#3c4043");
        error.put("thickness", 1.5);
        error.put("width", 4);
        ArrayNode data = JSON.arrayNode();
        data.add(trace);

        ObjectNode layout = baseLayout();
        layout.put("height", Math.max(160, 60 + 52 * bars.size()));
        layout.set("margin", margin(28, 16, 10, 40));
        layout.set("title", JSON.objectNode().put("text", "<b>" + escape(name) + "</b>").put("x", 0).put("xanchor", "left")
                .set("font", JSON.objectNode().put("size", 13)));
        ObjectNode xAxis = layout.putObject("xaxis");
        xAxis.set("title", JSON.objectNode().put("text", xTitle));
        xAxis.put("ticksuffix", suffix == null ? "" : suffix);
        xAxis.set("range", numbers(List.of(0.0, max)));
        xAxis.put("gridcolor", "#e8eaed");
        xAxis.put("fixedrange", true);
        ObjectNode yAxis = layout.putObject("yaxis");
        yAxis.put("autorange", "reversed"); // the first step on top
        yAxis.set("tickvals", strings(labels));
        yAxis.set("ticktext", strings(bars.stream().map(b -> "<b>" + escape(b.label()) + "</b>" + (b.note() == null ? ""
                : "<br><span style=\"font-size:11px;color:#5f6368\">" + escape(b.note()) + "</span>") + "  ").toList()));
        yAxis.put("automargin", true);
        yAxis.put("fixedrange", true);
        layout.put("showlegend", false);
        layout.put("bargap", 0.25);
        return figure(data, layout);
    }

    private static final class Trace {
        private final String colour;
        private final String legend;
        private final List<Double> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();
        private final List<Double> plus = new ArrayList<>();
        private final List<Double> minus = new ArrayList<>();
        private final List<String> hover = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();

        Trace(String colour, String legend) {
            this.colour = colour;
            this.legend = legend;
        }

        void add(Estimate e, double position) {
            x.add(e.value());
            y.add(position);
            plus.add(e.high() == null ? null : Math.max(0, e.high() - e.value()));
            minus.add(e.low() == null ? null : Math.max(0, e.value() - e.low()));
            hover.add(e.hover() == null ? escape(e.label()) : e.hover());
            keys.add(e.key());
        }

        ObjectNode json() {
            ObjectNode trace = scatter("markers", legend == null ? "" : legend, numbers(x), numbers(y));
            trace.set("text", strings(hover));
            trace.set("customdata", strings(keys));
            trace.put("hovertemplate", "%{text}<extra></extra>");
            trace.set("marker", JSON.objectNode().put("size", 10).put("color", colour).put("symbol", "diamond"));
            ObjectNode error = trace.putObject("error_x");
            error.put("type", "data");
            error.put("symmetric", false);
            error.set("array", numbers(plus));
            error.set("arrayminus", numbers(minus));
            error.put("color", colour);
            error.put("thickness", 2.5);
            error.put("width", 5);
            return trace;
        }
    }

    /** A Plotly scatter trace: points drawn in {@code mode} ({@code "lines"}, {@code "markers"} …). */
    private static ObjectNode scatter(String mode, String name, ArrayNode x, ArrayNode y) {
        ObjectNode trace = JSON.objectNode();
        trace.put("type", "scatter");
        trace.put("mode", mode);
        trace.put("name", name);
        trace.set("x", x);
        trace.set("y", y);
        return trace;
    }

    /** One edge of a band's interval, drawn without a line; the high edge is {@code filled} down to the low one. */
    private static ObjectNode bandEdge(Band band, String name, List<Double> y, String colour, boolean filled) {
        ObjectNode edge = scatter("lines", name, values(band.x()), numbers(y));
        if (filled) {
            edge.put("fill", "tonexty");
            edge.put("fillcolor", translucent(colour, 0.16));
        }
        edge.set("line", JSON.objectNode().put("width", 0).put("color", colour));
        edge.put("hoverinfo", "skip");
        edge.put("showlegend", false);
        edge.put("legendgroup", band.name());
        return edge;
    }

    /** The axis of the effects: titled, {@code suffix} on its ticks, and a strong line at zero, no effect. */
    private static void effectAxis(ObjectNode layout, String name, String title, String suffix) {
        ObjectNode axis = layout.putObject(name);
        axis.set("title", JSON.objectNode().put("text", title));
        axis.put("ticksuffix", suffix == null ? "" : suffix);
        axis.put("zeroline", true);
        axis.put("zerolinecolor", "#3c4043");
        axis.put("zerolinewidth", 1.5);
        axis.put("gridcolor", "#e8eaed");
        axis.put("automargin", true);
    }

    /** A horizontal legend above the plot, on the right. */
    private static ObjectNode legendTopRight() {
        return JSON.objectNode().put("orientation", "h").put("y", 1.02).put("yanchor", "bottom")
                .put("x", 1).put("xanchor", "right");
    }

    private static ObjectNode baseLayout() {
        ObjectNode layout = JSON.objectNode();
        layout.set("font", JSON.objectNode().put("family", FONT).put("size", 13).put("color", "#202124"));
        layout.put("paper_bgcolor", "rgba(0,0,0,0)");
        layout.put("plot_bgcolor", "#ffffff");
        layout.put("autosize", true);
        layout.set("hoverlabel", JSON.objectNode().put("align", "left"));
        return layout;
    }

    private static ObjectNode figure(ArrayNode data, ObjectNode layout) {
        ObjectNode figure = JSON.objectNode();
        figure.set("data", data);
        figure.set("layout", layout);
        figure.set("config", JSON.objectNode().put("displayModeBar", false));
        return figure;
    }

    private static ObjectNode margin(int top, int right, int left, int bottom) {
        return JSON.objectNode().put("t", top).put("r", right).put("l", left).put("b", bottom);
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode array = JSON.arrayNode();
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                array.addNull();
            } else {
                array.add(v);
            }
        }
        return array;
    }

    private static ArrayNode values(List<?> values) {
        ArrayNode array = JSON.arrayNode();
        for (Object v : values) {
            if (v == null) {
                array.addNull();
            } else if (v instanceof Number n) {
                array.add(n.doubleValue());
            } else {
                array.add(v.toString());
            }
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(v -> {
            if (v == null) {
                array.addNull();
            } else {
                array.add(v);
            }
        });
        return array;
    }

    private static String translucent(String hex, double alpha) {
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        return "rgba(" + r + "," + g + "," + b + "," + alpha + ")";
    }

    /** Escapes text for Plotly's HTML-like labels. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
