package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.EffectSeries;
import io.splitscope.analysis.QuantileCurve;
import io.splitscope.app.web.chart.Figures;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.scorecard.MetricGroups.Group;
import io.splitscope.app.web.scorecard.ResultRow.Verdict;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The scorecard's figures, from its rows: what to plot; {@link Figures} decides how it looks. */
final class ScorecardFigures {

    private ScorecardFigures() {
    }

    static String colour(Verdict verdict) {
        return switch (verdict) {
            case BETTER -> Figures.BETTER;
            case WORSE -> Figures.WORSE;
            case INCONCLUSIVE -> Figures.INCONCLUSIVE;
        };
    }

    /** Whether the lines hold more than one treatment (labels then name the variant). */
    static boolean manyTreatments(List<ResultsTable.Line> lines) {
        return lines.stream().map(l -> l.row().variant()).distinct().count() > 1;
    }

    /** The forest plot: every row's relative effect with its interval, grouped as the table. */
    static ObjectNode forest(List<ResultsTable.Line> lines) {
        boolean many = manyTreatments(lines);
        Map<Group, List<Figures.Estimate>> groups = new LinkedHashMap<>();
        for (ResultsTable.Line line : lines) {
            ResultRow r = line.formatted();
            if (r.relative() == null) {
                continue;
            }
            String label = r.metricTitle() + (many ? " · " + r.variant() : "");
            groups.computeIfAbsent(line.group(), g -> new ArrayList<>()).add(estimate(label, r));
        }
        List<Figures.Group> figureGroups = new ArrayList<>();
        groups.forEach((group, estimates) -> figureGroups.add(new Figures.Group(group.title(), estimates)));
        return Figures.dotWhisker(figureGroups, "Relative effect, treatment vs control (95 % interval)", " %");
    }

    /** The segment breakdown of one metric: a row per segment (and treatment). */
    static ObjectNode segments(List<ResultsTable.Line> lines) {
        boolean many = manyTreatments(lines);
        List<Figures.Estimate> estimates = new ArrayList<>();
        for (ResultsTable.Line line : lines) {
            ResultRow r = line.formatted();
            if (r.relative() == null) {
                continue;
            }
            String label = (r.segment() == null ? "all" : r.segment()) + (many ? " · " + r.variant() : "");
            estimates.add(estimate(label, r));
        }
        return Figures.dotWhisker(List.of(new Figures.Group(null, estimates)),
                "Relative effect by segment (95 % interval)", " %");
    }

    private static Figures.Estimate estimate(String label, ResultRow r) {
        String hover = "<b>" + Figures.escape(label) + "</b><br>" + r.relativeEffect() + "  (" + r.relativeCi() + ")<br>"
                + r.controlValue() + " → " + r.treatmentValue() + "<br>"
                + (r.pLabel() == null ? "p = " + r.pValue() : r.pLabel() + ": " + r.pValue()) + " · " + r.verdict().label();
        return new Figures.Estimate(label, r.relative() * 100, r.relativeLow() == null ? null : r.relativeLow() * 100,
                r.relativeHigh() == null ? null : r.relativeHigh() * 100, colour(r.verdict()), r.verdict().label(),
                hover, r.key());
    }

    /**
     * The difference of the quantile functions of treatment and control, sampled at the levels of
     * the quantile metrics over one event value (e.g. p50 and p90 of {@code startup_ms}): the
     * absolute difference with its 95 % interval against the level, one band per treatment.
     */
    static ObjectNode quantiles(List<ResultsTable.Line> lines, String unit) {
        Map<String, List<ResultsTable.Line>> byVariant = new LinkedHashMap<>();
        lines.stream()
                .sorted(java.util.Comparator.comparingDouble(ScorecardFigures::level))
                .forEach(l -> byVariant.computeIfAbsent(l.row().variant(), v -> new ArrayList<>()).add(l));
        List<Figures.Band> bands = new ArrayList<>();
        byVariant.forEach((variant, rows) -> {
            List<Double> x = new ArrayList<>();
            List<Double> value = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            List<String> hover = new ArrayList<>();
            for (ResultsTable.Line l : rows) {
                ComparisonResult c = l.row().comparison();
                Interval ci = c.absoluteCi();
                x.add(level(l) * 100);
                value.add(c.absoluteEffect());
                low.add(ci == null ? null : ci.low());
                high.add(ci == null ? null : ci.high());
                hover.add("<b>" + Figures.escape(variant) + ", p" + Formats.number(level(l) * 100) + "</b>: "
                        + Formats.number(c.controlValue()) + " → " + Formats.number(c.treatmentValue()) + " " + unit
                        + "<br>difference " + Formats.signedNumber(c.absoluteEffect()) + " " + unit + " ("
                        + (ci == null ? Formats.MISSING : Formats.interval(ci.low(), ci.high())) + ")");
            }
            bands.add(new Figures.Band(variant, x, value, low, high, hover));
        });
        ObjectNode figure = Figures.bands(bands, "Percentile", "linear",
                "Treatment − control (" + unit + ")", null);
        ObjectNode xAxis = (ObjectNode) figure.get("layout").get("xaxis");
        xAxis.put("ticksuffix", "th");
        double low = lines.stream().mapToDouble(ScorecardFigures::level).min().orElse(0.5) * 100;
        double high = lines.stream().mapToDouble(ScorecardFigures::level).max().orElse(0.5) * 100;
        xAxis.put("dtick", 10);
        xAxis.set("range", tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                .add(Math.max(0, low - 10)).add(Math.min(100, high + 10)));
        return figure;
    }

    /**
     * The difference of the quantile functions, {@code Q_t(p) − Q_c(p)} against the percentile
     * level p, per treatment with its pointwise 95 % band ({@code quantile_asymptotic}, see
     * {@link QuantileCurve}), a zero line, and the scorecard's own percentile metrics (e.g. p50
     * and p90, compared with their catalog method) marked on it as points with their intervals.
     */
    static ObjectNode quantileCurve(QuantileCurve curve, List<ResultsTable.Line> marked, String unit) {
        Map<String, List<QuantileCurve.Point>> byVariant = new LinkedHashMap<>();
        curve.points().forEach(p -> byVariant.computeIfAbsent(p.variant(), v -> new ArrayList<>()).add(p));
        List<Figures.Band> bands = new ArrayList<>();
        byVariant.forEach((variant, points) -> {
            List<Double> x = new ArrayList<>();
            List<Double> value = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            List<String> hover = new ArrayList<>();
            for (QuantileCurve.Point p : points) {
                x.add(p.level() * 100);
                value.add(p.difference());
                low.add(p.low());
                high.add(p.high());
                hover.add("<b>" + Figures.escape(variant) + ", p" + Formats.number(p.level() * 100) + "</b>: "
                        + Formats.number(p.controlQuantile()) + " → " + Formats.number(p.treatmentQuantile()) + " " + unit
                        + "<br>difference " + Formats.signedNumber(p.difference()) + " " + unit + " ("
                        + (p.low() == null ? Formats.MISSING : Formats.interval(p.low(), p.high())) + ")");
            }
            bands.add(new Figures.Band(variant, x, value, low, high, hover));
        });
        ObjectNode figure = Figures.bands(bands, "Percentile", "linear", "Treatment − control (" + unit + ")", null);
        ArrayNode data = (ArrayNode) figure.get("data");
        boolean many = byVariant.size() > 1;
        for (ResultsTable.Line l : marked) {
            ComparisonResult c = l.row().comparison();
            if (c.absoluteEffect() == null) {
                continue;
            }
            Interval ci = c.absoluteCi();
            String name = l.row().metricId() + (many ? " · " + l.row().variant() : "");
            ObjectNode mark = data.addObject();
            mark.put("type", "scatter");
            mark.put("mode", "markers");
            mark.put("name", name);
            mark.set("x", JsonNodeFactory.instance.arrayNode().add(level(l) * 100));
            mark.set("y", JsonNodeFactory.instance.arrayNode().add(c.absoluteEffect()));
            if (ci != null) {
                mark.set("error_y", JsonNodeFactory.instance.objectNode().put("type", "data").put("symmetric", false)
                        .set("array", JsonNodeFactory.instance.arrayNode().add(ci.high() - c.absoluteEffect())));
                ((ObjectNode) mark.get("error_y")).set("arrayminus",
                        JsonNodeFactory.instance.arrayNode().add(c.absoluteEffect() - ci.low()));
                ((ObjectNode) mark.get("error_y")).put("color", "#3c4043").put("thickness", 1.5).put("width", 6);
            }
            mark.set("marker", JsonNodeFactory.instance.objectNode().put("size", 11).put("symbol", "diamond")
                    .put("color", colour(l.formatted().verdict()))
                    .set("line", JsonNodeFactory.instance.objectNode().put("color", "#ffffff").put("width", 1.5)));
            mark.set("text", JsonNodeFactory.instance.arrayNode().add("<b>" + Figures.escape(name) + "</b> ("
                    + Figures.escape(l.row().method()) + "): " + Formats.signedNumber(c.absoluteEffect()) + " " + unit
                    + " (" + (ci == null ? Formats.MISSING : Formats.interval(ci.low(), ci.high())) + ")"));
            mark.put("hovertemplate", "%{text}<extra></extra>");
            mark.set("customdata", JsonNodeFactory.instance.arrayNode().add(l.formatted().key()));
        }
        ObjectNode xAxis = (ObjectNode) figure.get("layout").get("xaxis");
        xAxis.put("ticksuffix", "th");
        xAxis.put("dtick", 10);
        xAxis.set("range", JsonNodeFactory.instance.arrayNode().add(0).add(100));
        return figure;
    }

    static double level(ResultsTable.Line line) {
        return line.metric() != null && line.metric().measure() instanceof Measure.Quantile q ? q.level() : 0.5;
    }

    /** A cumulative series: the relative effect with its band per treatment, by step. */
    static ObjectNode series(EffectSeries series, String metricTitle) {
        Map<String, List<EffectSeries.Point>> byVariant = new LinkedHashMap<>();
        series.points().forEach(p -> byVariant.computeIfAbsent(p.variant(), v -> new ArrayList<>()).add(p));
        boolean calendar = series.axis() == SeriesAxis.CALENDAR_DATE;
        List<Figures.Band> bands = new ArrayList<>();
        byVariant.forEach((variant, points) -> {
            List<Object> x = new ArrayList<>();
            List<Double> value = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            List<String> hover = new ArrayList<>();
            for (EffectSeries.Point p : points) {
                ComparisonResult c = p.result();
                Interval ci = c.relativeCi();
                x.add(calendar && p.date() != null ? p.date().toString() : p.step());
                value.add(c.relativeEffect() == null ? null : c.relativeEffect() * 100);
                low.add(ci == null ? null : ci.low() * 100);
                high.add(ci == null ? null : ci.high() * 100);
                hover.add(Figures.escape(variant) + ": " + Formats.signedPercent(c.relativeEffect()) + " ("
                        + (ci == null ? Formats.MISSING : Formats.percentInterval(ci.low(), ci.high())) + "), "
                        + Formats.count(p.nControl() + p.nTreatment()) + " units");
            }
            bands.add(new Figures.Band(variant, x, value, low, high, hover));
        });
        return Figures.bands(bands, calendar ? "Calendar day (results as they stood that day)"
                        : "Days since first exposure", calendar ? "date" : "linear",
                "Relative effect on " + metricTitle, " %");
    }
}
