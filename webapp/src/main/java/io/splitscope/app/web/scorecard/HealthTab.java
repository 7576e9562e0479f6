package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import io.splitscope.analysis.HealthReport;
import io.splitscope.analysis.LeftOutUnits;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.HealthCheck;
import io.splitscope.app.web.common.HealthReports;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.stats.health.SrmResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "Health" tab: whether the experiment's data can be trusted, over its analysed period — new
 * units per day per variant, the sample-ratio check overall, per day and per segment (each against
 * its stated threshold), crossovers and invalid exposures per day, and the units each windowed
 * metric leaves out. The report is computed in the background ({@link HealthReports}).
 */
record HealthTab(HealthReports reports) implements ScorecardPanel {

    /** The id of this tab, in the address ({@code tab=health}). */
    static final String TAB = "health";

    private static final Logger LOG = LoggerFactory.getLogger(HealthTab.class);

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        panel.add(PanelParts.caption("Can these results be trusted? Each check below looks for a problem in how units"
                + " were assigned or logged. A failed check means the numbers on the other tabs may be biased."));
        Div area = PanelParts.chartArea();
        area.add(PanelParts.waiting("Checking the experiment's data day by day…"));
        panel.add(area);
        String experimentId = shown.key().experimentId();
        UiUpdates.whenDone(shown.ui(), reports.report(experimentId), (HealthReport report, Throwable failure) -> {
            area.removeAll();
            if (failure != null) {
                LOG.warn("No health report for {}: {}", experimentId, failure.getMessage());
                area.add(new Paragraph("The health checks could not run: " + failure.getMessage()));
                return;
            }
            show(area, report, shown);
        });
    }

    private static void show(Div area, HealthReport report, ShownScorecard shown) {
        if (report.status() == HealthReport.Status.NO_UNITS) {
            Paragraph none = new Paragraph("Nobody is exposed to this experiment yet: there is no split to check.");
            none.addClassName("ss-health-no-units");
            area.add(none);
            return;
        }
        area.add(overall(report));
        if (report.days().isEmpty()) {
            area.add(new Paragraph("The exposures have no time, so there is nothing to check day by day."));
        } else {
            area.add(section("New units per day", "How many units saw each variant for the first time, day by day:"
                    + " with a split as planned the lines move together in the planned proportions.",
                    chart(HealthFigures.exposures(report), "ss-health-exposures")));
            area.add(section("Sample ratio per day", "Each day's new units tested against the planned split: a p-value"
                    + " below the " + Formats.pValue(report.threshold()) + " threshold (red) means that day's split is"
                    + " off plan — often a logging or assignment bug that starts on a given day.",
                    daysSummary(report), chart(HealthFigures.srmPerDay(report), "ss-health-srm-days"), daysTable(report)));
            area.add(section("Crossovers and invalid exposures per day", "Units seen in more than one variant are"
                    + " excluded (crossovers, by their first day); exposure rows naming an unknown variant are dropped"
                    + " (invalid, by the day they were logged). A sudden rise points at a bug.",
                    chart(HealthFigures.quality(report), "ss-health-quality")));
        }
        area.add(section("Sample ratio per segment", "The split tested within each value of each dimension: a mismatch"
                + " in one segment only points at where the problem is (a device, a country).", segmentsTable(report)));
        area.add(section("Units left out of windowed metrics", "A metric with a window counts a unit only once its window"
                + " is over by the end date; the units exposed later are left out of it, so it describes the early units only.",
                windowsTable(LeftOutUnits.of(shown.scorecard(), shown.groups()::metric))));
    }

    /** The sample-ratio check of the whole population, its threshold stated. */
    private static Component overall(HealthReport report) {
        SrmResult srm = report.srm();
        Div overall = new Div();
        overall.addClassNames("ss-health-overall", srm.mismatch() ? "ss-health-fail" : "ss-health-pass");
        Span verdict = new Span(srm.mismatch() ? "Sample ratio mismatch overall" : "Split as planned overall");
        verdict.addClassName("ss-health-verdict");
        List<String> units = new ArrayList<>();
        long total = report.population().totalUnits();
        report.population().units().forEach((variant, n) -> units.add(variant + " " + Formats.count(n) + " ("
                + Formats.percent((double) n / total) + ", planned " + Formats.percent(srm.expectedShare().get(variant)) + ")"));
        Span detail = new Span(": " + HealthCheck.srmStatistic(srm) + " · " + String.join(" · ", units));
        overall.add(verdict, detail);
        return overall;
    }

    /** How many days fail the check, and the first of them. */
    private static Component daysSummary(HealthReport report) {
        List<HealthReport.Day> failing = report.mismatchedDays();
        Paragraph summary = new Paragraph(failing.isEmpty()
                ? "Every one of the " + report.days().size() + " days passes."
                : failing.size() + " of " + report.days().size() + " days fail the check, the first on "
                        + Formats.date(failing.getFirst().counts().date()) + ".");
        summary.addClassNames("ss-health-days-summary", failing.isEmpty() ? "ss-health-pass" : "ss-health-fail");
        return summary;
    }

    private static Component daysTable(HealthReport report) {
        List<String> variants = report.experiment().variantNames();
        List<String> head = new ArrayList<>(List.of("Day"));
        head.addAll(variants);
        head.addAll(List.of("p", "Split", "Crossovers", "Invalid exposures"));
        Element body = new Element("tbody");
        for (HealthReport.Day day : report.days()) {
            List<String> cells = new ArrayList<>(List.of(Formats.date(day.counts().date())));
            variants.forEach(v -> cells.add(Formats.count(day.counts().units().getOrDefault(v, 0L))));
            cells.addAll(List.of(HealthCheck.srmPValue(day.srm().pValue()), verdict(day.srm()), Formats.count(day.counts().crossoverUnits()),
                    Formats.count(day.counts().invalidExposures())));
            Element row = row(cells, day.srm());
            row.setAttribute("data-date", day.counts().date().toString());
            body.appendChild(row);
        }
        return table("ss-health-days", head, body);
    }

    private static Component segmentsTable(HealthReport report) {
        List<String> variants = report.experiment().variantNames();
        List<String> head = new ArrayList<>(List.of("Dimension", "Value"));
        head.addAll(variants);
        head.addAll(List.of("p", "Split"));
        Element body = new Element("tbody");
        for (HealthReport.Segment segment : report.segments()) {
            List<String> cells = new ArrayList<>(List.of(segment.dimension(), segment.value()));
            variants.forEach(v -> cells.add(Formats.count(segment.units().getOrDefault(v, 0L))));
            cells.addAll(List.of(HealthCheck.srmPValue(segment.srm().pValue()), verdict(segment.srm())));
            Element row = row(cells, segment.srm());
            row.setAttribute("data-segment", segment.dimension() + "=" + segment.value());
            body.appendChild(row);
        }
        return table("ss-health-segments", head, body);
    }

    private static Component windowsTable(List<LeftOutUnits> leftOut) {
        if (leftOut.isEmpty()) {
            return new Paragraph("No metric of this scorecard has a window that must be over.");
        }
        Element body = new Element("tbody");
        for (LeftOutUnits metric : leftOut) {
            Element row = new Element("tr");
            row.setAttribute("data-metric", metric.metricId());
            for (String text : List.of(metric.metricTitle(), metric.window(), Formats.count(metric.unitsLeftOut()),
                    Double.isNaN(metric.share()) ? Formats.MISSING : Formats.percent(metric.share()))) {
                row.appendChild(new Element("td").setText(text));
            }
            body.appendChild(row);
        }
        return table("ss-health-windows", List.of("Metric", "Window", "Units left out", "Share of the analysed units"), body);
    }

    private static String verdict(SrmResult srm) {
        return Double.isNaN(srm.pValue()) ? "no units" : srm.mismatch() ? "✗ off plan" : "✓ as planned";
    }

    private static Element row(List<String> cells, SrmResult srm) {
        Element row = new Element("tr");
        if (srm.mismatch()) {
            row.getClassList().add("ss-health-fail");
        }
        cells.forEach(text -> row.appendChild(new Element("td").setText(text)));
        return row;
    }

    private static Component table(String className, List<String> head, Element body) {
        Element table = new Element("table");
        table.getClassList().addAll(List.of("ss-health-table", className));
        Element headRow = new Element("tr");
        head.forEach(text -> headRow.appendChild(new Element("th").setText(text)));
        table.appendChild(new Element("thead").appendChild(headRow), body);
        Div wrapper = new Div();
        wrapper.addClassName("ss-health-table-wrapper");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    private static Component chart(ObjectNode figure, String className) {
        PlotlyChart chart = new PlotlyChart(figure);
        chart.addClassName(className);
        return chart;
    }

    private static Component section(String title, String sentence, Component... content) {
        Div section = new Div();
        section.addClassName("ss-health-section");
        section.add(new H3(title), PanelParts.caption(sentence));
        section.add(content);
        return section;
    }
}
