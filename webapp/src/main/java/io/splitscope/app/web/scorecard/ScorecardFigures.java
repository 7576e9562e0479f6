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
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
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
            case INCONCLUSIVE, NOT_AFTER_CORRECTION, WITHIN_MARGIN, DESCRIPTIVE -> Figures.INCONCLUSIVE;
        };
    }

    /** Whether the lines hold more than one treatment (labels then name the variant). */
    static boolean manyTreatments(List<ResultsTable.Line> lines) {
        return lines.stream().map(l -> l.row().variant()).distinct().count() > 1;
    }

    /** The forest plot: every row's relative effect with its interval, grouped as the table. */
    static ObjectNode forest(List<ResultsTable.Line> lines, ConfidenceLevel level) {
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
        return Figures.dotWhisker(figureGroups, "Relative effect, treatment vs control (" + level + " interval)", " %");
    }

    /** The segment breakdown of one metric: a row per segment (and treatment). */
    static ObjectNode segments(List<ResultsTable.Line> lines, ConfidenceLevel level) {
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
                "Relative effect by segment (" + level + " interval)", " %");
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
     * absolute difference with its interval against the level, one band per treatment.
     */
    static ObjectNode quantiles(List<ResultsTable.Line> lines, String unit) {
        List<ResultsTable.Line> byLevel = lines.stream().sorted(Comparator.comparingDouble(ScorecardFigures::level)).toList();
        List<Figures.Band> bands = bands(byLevel, l -> l.row().variant(), (variant, l) -> {
            ComparisonResult c = l.row().comparison();
            Interval ci = c.absoluteCi();
            Double low = ci == null ? null : ci.low();
            Double high = ci == null ? null : ci.high();
            return new Sample(level(l) * 100, c.absoluteEffect(), low, high, quantileHover(variant, level(l),
                    c.controlValue(), c.treatmentValue(), c.absoluteEffect(), low, high, unit));
        });
        ObjectNode figure = Figures.bands(bands, "Percentile", "linear",
                "Treatment − control (" + unit + ")", null);
        double low = lines.stream().mapToDouble(ScorecardFigures::level).min().orElse(0.5) * 100;
        double high = lines.stream().mapToDouble(ScorecardFigures::level).max().orElse(0.5) * 100;
        percentileAxis(figure).set("range", JsonNodeFactory.instance.arrayNode()
                .add(Math.max(0, low - 10)).add(Math.min(100, high + 10)));
        return figure;
    }

    /**
     * The difference of the quantile functions, {@code Q_t(p) − Q_c(p)} against the percentile
     * level p, per treatment with its pointwise band ({@code quantile_asymptotic}, see
     * {@link QuantileCurve}), a zero line, and the scorecard's own percentile metrics (e.g. p50
     * and p90, compared with their catalog method) marked on it as points with their intervals.
     */
    static ObjectNode quantileCurve(QuantileCurve curve, List<ResultsTable.Line> marked, String unit) {
        List<Figures.Band> bands = bands(curve.points(), QuantileCurve.Point::variant, (variant, p) ->
                new Sample(p.level() * 100, p.difference(), p.low(), p.high(), quantileHover(variant, p.level(),
                        p.controlQuantile(), p.treatmentQuantile(), p.difference(), p.low(), p.high(), unit)));
        ObjectNode figure = Figures.bands(bands, "Percentile", "linear", "Treatment − control (" + unit + ")", null);
        ArrayNode data = (ArrayNode) figure.get("data");
        boolean many = bands.size() > 1;
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
        percentileAxis(figure).set("range", JsonNodeFactory.instance.arrayNode().add(0).add(100));
        return figure;
    }

    /** A percentile difference at {@code level} (a fraction), for the hover of a band's point. */
    private static String quantileHover(String variant, double level, Double control, Double treatment, Double difference,
                                        Double low, Double high, String unit) {
        return "<b>" + Figures.escape(variant) + ", p" + Formats.number(level * 100) + "</b>: "
                + Formats.number(control) + " → " + Formats.number(treatment) + " " + unit
                + "<br>difference " + Formats.signedNumber(difference) + " " + unit + " ("
                + (low == null ? Formats.MISSING : Formats.interval(low, high)) + ")";
    }

    /** The x axis of a figure against the percentile level: a tick every 10th; returns it for its range. */
    private static ObjectNode percentileAxis(ObjectNode figure) {
        ObjectNode xAxis = (ObjectNode) figure.get("layout").get("xaxis");
        xAxis.put("ticksuffix", "th");
        xAxis.put("dtick", 10);
        return xAxis;
    }

    static double level(ResultsTable.Line line) {
        return line.metric() != null && line.metric().measure() instanceof Measure.Quantile q ? q.level() : 0.5;
    }

    /**
     * The funnel of one variant: each step's share of the eligible units with its interval, in the
     * variant's colour ({@code index} in the experiment's order), the conversion from the step before
     * under the step's name; the x axis of every variant's funnel up to {@code maxShare} (a fraction).
     */
    static ObjectNode funnel(FunnelSteps.Arm arm, int index, double maxShare) {
        List<Figures.Bar> bars = new ArrayList<>();
        for (FunnelSteps.Step step : arm.steps()) {
            String share = Formats.percent(step.share());
            String conversion = step.conversion() == null ? null : Formats.percent(step.conversion()) + " of the step before";
            bars.add(new Figures.Bar(step.name(), conversion, step.share() == null ? 0 : step.share() * 100,
                    step.low() == null ? null : step.low() * 100, step.high() == null ? null : step.high() * 100,
                    share, "<b>" + Figures.escape(arm.variant() + ", " + step.name()) + "</b>: " + share
                    + " of " + Formats.count(step.units()) + " units (" + Formats.shareInterval(step.low(), step.high()) + ")"
                    + (conversion == null ? "" : "<br>" + conversion)));
        }
        return Figures.funnel(arm.variant(), Figures.SERIES.get(index % Figures.SERIES.size()), bars,
                "Share of eligible units", " %", Math.min(100, maxShare * 100 * 1.08));
    }

    /** A cumulative series: the relative effect with its band per treatment, by step. */
    static ObjectNode series(EffectSeries series, String metricTitle) {
        boolean calendar = series.axis() == SeriesAxis.CALENDAR_DATE;
        List<Figures.Band> bands = bands(series.points(), EffectSeries.Point::variant, (variant, p) -> {
            ComparisonResult c = p.result();
            Interval ci = c.relativeCi();
            return new Sample(calendar && p.date() != null ? p.date().toString() : p.step(),
                    c.relativeEffect() == null ? null : c.relativeEffect() * 100,
                    ci == null ? null : ci.low() * 100, ci == null ? null : ci.high() * 100,
                    Figures.escape(variant) + ": " + Formats.signedPercent(c.relativeEffect()) + " ("
                            + (ci == null ? Formats.MISSING : Formats.percentInterval(ci.low(), ci.high())) + "), "
                            + Formats.count(p.nControl() + p.nTreatment()) + " units");
        });
        return Figures.bands(bands, calendar ? "Calendar day (results as they stood that day)"
                        : "Days since first exposure", calendar ? "date" : "linear",
                "Relative effect on " + metricTitle, " %");
    }

    /** One point of a band: where it is, the estimate with its interval, and its hover text. */
    private record Sample(Object x, Double value, Double low, Double high, String hover) {
    }

    /** A band per variant (in order of first appearance) through the samples of its points, in their order. */
    private static <P> List<Figures.Band> bands(List<P> points, Function<P, String> variantOf,
                                                BiFunction<String, P, Sample> sample) {
        Map<String, List<Sample>> byVariant = new LinkedHashMap<>();
        for (P p : points) {
            String variant = variantOf.apply(p);
            byVariant.computeIfAbsent(variant, v -> new ArrayList<>()).add(sample.apply(variant, p));
        }
        List<Figures.Band> bands = new ArrayList<>();
        byVariant.forEach((variant, samples) -> bands.add(new Figures.Band(variant,
                samples.stream().map(Sample::x).toList(), samples.stream().map(Sample::value).toList(),
                samples.stream().map(Sample::low).toList(), samples.stream().map(Sample::high).toList(),
                samples.stream().map(Sample::hover).toList())));
        return bands;
    }
}
