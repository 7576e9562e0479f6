package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Table;
import com.vaadin.flow.component.html.TableBody;
import com.vaadin.flow.component.html.TableDataCell;
import com.vaadin.flow.component.html.TableHeaderCell;
import com.vaadin.flow.component.html.TableRow;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.analysis.BayesianReading;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.MetricTexts;
import io.splitscope.app.web.scorecard.MetricGroups.Group;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.health.SrmResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scorecard as a table: rows grouped into primary metrics, guardrails and secondary metrics;
 * per metric and treatment (and segment, when sliced) the control and treatment values in the
 * metric's unit, the relative effect coloured by its verdict with its absolute effect and its
 * interval drawn as a bar on the group's scale ({@link CiBar}), the p-value and adjusted p-value —
 * or, for a Bayesian scorecard, the chance to beat control and the expected loss in the metric's
 * direction — the units, and a button that explains how the row was computed.
 *
 * <p>Every cell of a column is formatted alike ({@link Formats#value}, {@link Formats#signedPercent},
 * {@link Formats#pValue}, {@link Formats#chance}). Under 720 px wide (a phone) each row stacks into a
 * card, its numbers labelled; wider, a table too wide for its box scrolls inside it, never the page.
 */
final class ResultsTable extends Div {

    /** A scorecard row with its formatted form and its metric. */
    record Line(ScorecardRow row, ResultRow formatted, Metric metric, Group group) {
    }

    /** The lines of a scorecard, in display order: by group, then as the analysis listed them. */
    static List<Line> lines(List<ScorecardRow> rows, MetricGroups groups, double alpha, DecisionVerdicts decisionVerdicts) {
        Map<Group, List<Line>> byGroup = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            byGroup.put(g, new ArrayList<>());
        }
        for (ScorecardRow row : rows) {
            Metric metric = groups.metric(row.metricId());
            Direction direction = metric == null ? Direction.HIGHER_IS_BETTER : metric.direction();
            Group group = groups.groupOf(row.metricId());
            ResultRow formatted = ResultRow.of(row, direction, metric == null ? null : metric.unit(), alpha);
            // a Bayesian row's badge follows its chance to beat control, as the table's note says
            byGroup.get(group).add(new Line(row, formatted.chance() == null ? decisionVerdicts.judge(row, formatted) : formatted,
                    metric, group));
        }
        return byGroup.values().stream().flatMap(List::stream).toList();
    }

    /** The attribute naming a number's column, which a phone shows beside it when the rows stack. */
    private static final String LABEL = "data-label";

    /** Per metric and segment ({@link #markKey}), the empty marks that "Verify in R" fills. */
    private final Map<String, List<Span>> rMarks = new LinkedHashMap<>();

    /** The key of a metric and segment, as {@link RVerification}s name them. */
    static String markKey(String metricId, String segment) {
        return metricId + "|" + (segment == null ? "" : segment);
    }

    /**
     * Marks each row whose metric and segment R verified with "✓ R" (or "✗ R" when R disagreed),
     * with the largest relative difference as its tooltip.
     */
    void showVerifications(List<RVerification> verifications) {
        for (RVerification v : verifications) {
            for (Span mark : rMarks.getOrDefault(markKey(v.metricId(), v.segment()), List.of())) {
                mark.setText(RVerifications.mark(v));
                mark.getElement().setAttribute("title", RVerifications.tooltip(v));
                mark.getElement().setAttribute("aria-label", RVerifications.tooltip(v));
                mark.setClassName("ss-r-verified", v.report().verified());
                mark.setClassName("ss-r-unverified", !v.report().verified());
                mark.setVisible(true);
            }
        }
    }

    /**
     * The table of {@code lines}; {@code distrust}, when not null, says why the results may be biased
     * (a sample ratio mismatch): it is stated once above the table, the rows are dimmed and their
     * badges neutral, each saying why on hover.
     */
    ResultsTable(List<Line> lines, boolean segmented, ConfidenceLevel level, String distrust,
                 Consumer<ScorecardRow> explain) {
        addClassName("ss-results-table-wrap");
        boolean bayesian = BayesianReading.shown(lines.stream().map(Line::row).toList());
        if (distrust != null) {
            Div warning = new Div(new Span(distrust));
            warning.addClassName("ss-results-distrust");
            warning.getElement().setAttribute("role", "alert");
            add(warning);
        }
        if (bayesian) {
            Div note = new Div(new Span(ResultRow.chanceNote(level.alpha())));
            note.addClassName("ss-results-note");
            add(note);
        }
        Table table = new Table();
        table.addClassName("ss-results-table");
        table.setClassName("ss-bayesian", bayesian);
        table.setClassName("ss-distrusted", distrust != null);

        TableRow head = table.getHead().addRow();
        header(head, "Metric", "ss-col-metric");
        header(head, "Variant", "ss-col-variant");
        if (segmented) {
            header(head, "Segment", "ss-col-segment");
        }
        header(head, "Control", "ss-col-num ss-col-value");
        header(head, "Treatment", "ss-col-num ss-col-value");
        header(head, "Effect", "ss-col-effect");
        int barColumn = (int) head.getChildren().count();
        header(head, level + (bayesian ? " credible interval" : " interval") + " of the relative effect", "ss-col-bar");
        if (bayesian) {
            header(head, "Chance to beat control", "ss-col-num ss-col-chance");
            header(head, "Expected loss", "ss-col-num ss-col-loss");
        } else {
            header(head, "p-value", "ss-col-num ss-col-p");
            header(head, "Adjusted p", "ss-col-num ss-col-padj");
        }
        header(head, "Units (C / T)", "ss-col-num ss-col-units");
        header(head, "", "ss-col-explain");
        int columns = (int) head.getChildren().count();

        Group current = null;
        TableBody body = null;
        CiBar.Scale scale = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.group() != current) {
                current = line.group();
                Group group = current;
                scale = CiBar.Scale.fit(lines.stream().filter(l -> l.group() == group).map(Line::formatted).toList());
                body = table.addBody();
                body.addClassNames("ss-group", "ss-group-" + current.name().toLowerCase(java.util.Locale.ROOT));
                groupHeading(body, current, columns);
                axisRow(body, scale, barColumn, columns);
            }
            int span = 1;
            while (i + span < lines.size() && lines.get(i + span).row().metricId().equals(line.row().metricId())
                    && lines.get(i + span).group() == current) {
                span++;
            }
            for (int k = 0; k < span; k++) {
                Line l = lines.get(i + k);
                body.add(row(l, k == 0 ? span : 0, segmented, bayesian, scale, level, distrust, explain, rMarks));
            }
            i += span - 1;
        }
        Div scroller = new Div(table);
        scroller.addClassName("ss-results-scroll");
        add(scroller);
    }

    /** The heading row of a group: its title and how to read it. */
    private static void groupHeading(TableBody body, Group group, int columns) {
        TableRow heading = body.addRow();
        heading.addClassName("ss-group-row");
        TableHeaderCell cell = heading.addHeaderCell();
        cell.setColspan(columns);
        cell.setScope(TableHeaderCell.Scope.ROWGROUP);
        Span title = new Span(group.title());
        title.addClassName("ss-group-title");
        Span caption = new Span(group.caption());
        caption.addClassName("ss-group-caption");
        cell.add(title, caption);
    }

    /** The row under a group's heading with the group's scale, its ticks labelled, above the bar column. */
    private static void axisRow(TableBody body, CiBar.Scale scale, int barColumn, int columns) {
        TableRow row = body.addRow();
        row.addClassName("ss-axis-row");
        TableDataCell before = row.addDataCell();
        before.setColspan(barColumn);
        before.addClassName("ss-axis-before");
        TableDataCell axis = row.addDataCell();
        axis.addClassName("ss-col-bar");
        axis.add(CiBar.axis(scale));
        TableDataCell after = row.addDataCell();
        after.setColspan(columns - barColumn - 1);
        after.addClassName("ss-axis-after");
    }

    /**
     * Why a scorecard's results may be biased, stated above its table: its sample ratio mismatch;
     * null when the split is as planned.
     */
    static String distrust(SrmResult srm) {
        return srm.mismatch() ? "Sample ratio mismatch (" + Formats.pStatement(srm.pValue())
                + "): these results may be biased; find the cause before trusting them." : null;
    }

    /** A header cell of {@code text} in {@code head}. */
    static void header(TableRow head, String text, String classNames) {
        TableHeaderCell cell = head.addHeaderCell();
        cell.setText(text);
        cell.addClassNames(classNames.split(" "));
    }

    private static TableRow row(Line line, int metricRowSpan, boolean segmented, boolean bayesian, CiBar.Scale scale,
                                ConfidenceLevel level, String distrust, Consumer<ScorecardRow> explain,
                                Map<String, List<Span>> rMarks) {
        ResultRow r = line.formatted();
        TableRow tr = new TableRow();
        tr.addClassNames("ss-result", r.verdict().className());
        tr.setClassName("ss-distrusted-row", distrust != null);
        tr.getElement().setAttribute("data-key", r.key());
        if (metricRowSpan > 0) {
            TableDataCell metric = tr.addDataCell();
            metric.addClassName("ss-col-metric");
            if (metricRowSpan > 1) {
                metric.setRowspan(metricRowSpan);
            }
            metric.add(metricCell(line));
        } else {
            tr.addClassName("ss-result-continued");
        }
        cell(tr, r.variant(), "ss-col-variant");
        if (segmented) {
            cell(tr, r.segment() == null ? "" : r.segment(), "ss-col-segment");
        }
        cell(tr, r.controlValue(), "ss-col-num ss-col-value").getElement().setAttribute(LABEL, "Control");
        cell(tr, r.treatmentValue(), "ss-col-num ss-col-value").getElement().setAttribute(LABEL, "Treatment");

        TableDataCell effect = tr.addDataCell();
        effect.addClassName("ss-col-effect");
        Span value = new Span(r.relativeEffect());
        value.addClassNames("ss-effect", r.verdict().className());
        Span verdict = new Span(r.verdict().label());
        verdict.addClassNames("ss-verdict", r.verdict().className());
        if (distrust != null) {
            verdict.addClassName("ss-verdict-distrusted");
            verdict.getElement().setAttribute("title", distrust);
        }
        Div top = new Div(value, verdict);
        top.addClassName("ss-effect-line");
        effect.add(top);
        if (r.ok()) {
            Span ci = new Span(r.relativeCi());
            ci.addClassName("ss-ci");
            Span absolute = new Span(r.absoluteEffect());
            absolute.addClassName("ss-abs");
            absolute.getElement().setAttribute("title", "Absolute effect, " + level + " interval " + r.absoluteCi());
            effect.add(ci, absolute);
            if (r.verdictNote() != null) {
                Span note = new Span(r.verdictNote());
                note.addClassName("ss-descriptive-note");
                effect.add(note);
            }
        } else {
            Span problem = new Span(r.statusLabel());
            problem.addClassName("ss-status-problem");
            problem.getElement().setAttribute("title", r.statusReason());
            effect.add(problem);
        }

        TableDataCell bar = tr.addDataCell();
        bar.addClassName("ss-col-bar");
        bar.add(CiBar.bar(r, scale, level));

        Span rMark = new Span();
        rMark.addClassName("ss-r-mark");
        rMark.setVisible(false);
        rMarks.computeIfAbsent(markKey(line.row().metricId(), line.row().segment()), k -> new ArrayList<>()).add(rMark);
        if (bayesian) {
            TableDataCell chance = tr.addDataCell();
            chance.addClassNames("ss-col-num", "ss-col-chance");
            chance.getElement().setAttribute(LABEL, "Chance to beat control");
            chance.add(new Span(r.chance() == null ? Formats.MISSING : r.chance()));
            if (r.chance() == null && r.ok()) { // a ratio or quantile row keeps its own method and p-value
                Span p = new Span("p " + r.pValue());
                p.addClassName("ss-ci");
                p.getElement().setAttribute("title", "Analysed with " + r.method() + ": a p-value, no posterior");
                chance.add(p);
            }
            chance.add(rMark);
            cell(tr, r.expectedLoss() == null ? Formats.MISSING : r.expectedLoss(), "ss-col-num ss-col-loss")
                    .getElement().setAttribute(LABEL, "Expected loss");
        } else {
            TableDataCell p = tr.addDataCell();
            p.addClassNames("ss-col-num", "ss-col-p");
            p.getElement().setAttribute(LABEL, "p");
            p.add(new Span(r.pValue()), rMark);
            cell(tr, r.pValueAdjusted(), "ss-col-num ss-col-padj").getElement().setAttribute(LABEL, "Adjusted p");
        }
        TableDataCell units = tr.addDataCell();
        units.addClassNames("ss-col-num", "ss-col-units");
        units.getElement().setAttribute(LABEL, "Units");
        units.add(new Span(r.units()));
        if (line.row().incompleteUnits() > 0) {
            Span note = new Span("+" + Formats.count(line.row().incompleteUnits()) + " in window");
            note.addClassName("ss-ci");
            note.getElement().setAttribute("title", r.incompleteNote());
            units.add(note);
        }
        TableDataCell action = tr.addDataCell();
        action.addClassName("ss-col-explain");
        // an icon with a tooltip: the interval bars get the room
        Button button = new Button(VaadinIcon.QUESTION_CIRCLE.create(), e -> explain.accept(line.row()));
        button.setTooltipText("Explain how this row was computed");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        button.addClassName("ss-explain");
        button.getElement().setAttribute("aria-label", "Explain " + r.metricTitle() + ", " + r.variant()
                + (r.segment() == null ? "" : ", " + r.segment()));
        action.add(button);
        return tr;
    }

    private static Component metricCell(Line line) {
        ResultRow r = line.formatted();
        Span title = new Span(r.metricTitle());
        title.addClassName("ss-metric-title");
        Div cell = new Div(title);
        cell.addClassName("ss-stack");
        Metric metric = line.metric();
        String direction = metric == null ? "" : metric.direction() == Direction.HIGHER_IS_BETTER ? "↑ " : "↓ ";
        Span id = new Span(r.metricId());
        id.addClassName("ss-id");
        cell.add(id);
        Span facts = new Span((metric == null ? "" : direction + (metric.direction() == Direction.HIGHER_IS_BETTER
                ? "higher is better" : "lower is better") + " · " + metric.windowText() + " · "
                + (metric.unit() == null ? "" : "in " + metric.unit().text() + " · ")) + r.method());
        facts.addClassName("ss-metric-facts");
        cell.add(facts);
        String eligibility = MetricTexts.eligibility(line.row().eligibility(), metric == null ? null : metric.window());
        if (eligibility != null) {
            Span counts = new Span("counts " + eligibility);
            counts.addClassNames("ss-eligibility", "ss-eligibility-" + line.row().eligibility().jsonName());
            cell.add(counts);
        }
        if (line.row().cap() != null) {
            Span cap = new Span(line.row().cap().text());
            cap.addClassName("ss-metric-cap");
            cell.add(cap);
        }
        return cell;
    }

    private static TableDataCell cell(TableRow tr, String text, String classNames) {
        TableDataCell cell = tr.addDataCell();
        cell.setText(text);
        cell.addClassNames(classNames.split(" "));
        return cell;
    }
}
