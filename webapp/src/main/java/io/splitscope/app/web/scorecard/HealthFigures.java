package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.HealthReport;
import io.splitscope.app.web.chart.Figures;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The charts of the health tab, from a {@link HealthReport}: pure functions, nothing computed here. */
final class HealthFigures {

    /**
     * The smallest p-value drawn on the log axis: a p that underflows to 0 (or is smaller) is drawn
     * here, its hover text says the real value.
     */
    static final double SMALLEST_P = 1e-12;

    private HealthFigures() {
    }

    /** Units first exposed per day, one line per variant. */
    static ObjectNode exposures(HealthReport report) {
        List<String> x = dates(report);
        List<Figures.Line> lines = new ArrayList<>();
        for (String variant : report.experiment().variantNames()) {
            List<Double> y = new ArrayList<>();
            List<String> hover = new ArrayList<>();
            for (HealthReport.Day day : report.days()) {
                long units = day.counts().units().getOrDefault(variant, 0L);
                long total = day.counts().totalUnits();
                y.add((double) units);
                hover.add(Formats.date(day.counts().date()) + "<br>" + Figures.escape(variant) + ": " + Formats.count(units)
                        + " new units" + (total == 0 ? "" : " (" + Formats.percent((double) units / total) + " of the day's)"));
            }
            lines.add(new Figures.Line(variant, x, y, hover));
        }
        return Figures.lines(lines, "Day of first exposure", "date", "New units");
    }

    /** The sample-ratio p-value of each day's new units on a log axis, the threshold drawn, the days below it in red. */
    static ObjectNode srmPerDay(HealthReport report) {
        List<Double> p = new ArrayList<>();
        List<String> hover = new ArrayList<>();
        for (HealthReport.Day day : report.days()) {
            double value = day.srm().pValue();
            p.add(Double.isNaN(value) ? null : Math.max(value, SMALLEST_P));
            hover.add(Formats.date(day.counts().date()) + "<br>" + Figures.escape(HealthCheck.srmP(value))
                    + (day.srm().mismatch() ? "<br><b>split off plan</b>" : ""));
        }
        return Figures.belowThreshold("p-value", dates(report), p, hover, report.threshold(),
                "threshold " + Formats.pValue(report.threshold()) + ": below it the split is off plan",
                "Day of first exposure", "date", "p-value of the split (log scale)");
    }

    /** Crossover units and invalid exposure rows per day. */
    static ObjectNode quality(HealthReport report) {
        List<String> x = dates(report);
        List<Double> crossovers = new ArrayList<>();
        List<Double> invalid = new ArrayList<>();
        List<String> crossoverHover = new ArrayList<>();
        List<String> invalidHover = new ArrayList<>();
        for (HealthReport.Day day : report.days()) {
            String date = Formats.date(day.counts().date());
            crossovers.add((double) day.counts().crossoverUnits());
            invalid.add((double) day.counts().invalidExposures());
            crossoverHover.add(date + "<br>" + Formats.count(day.counts().crossoverUnits()) + " crossover units (excluded)");
            invalidHover.add(date + "<br>" + Formats.count(day.counts().invalidExposures()) + " invalid exposure rows (dropped)");
        }
        return Figures.lines(List.of(new Figures.Line("Crossovers (units)", x, crossovers, crossoverHover),
                        new Figures.Line("Invalid exposures (rows)", x, invalid, invalidHover)),
                "Day", "date", "Count");
    }

    private static List<String> dates(HealthReport report) {
        return report.days().stream().map(d -> d.counts().date().toString()).toList();
    }
}
