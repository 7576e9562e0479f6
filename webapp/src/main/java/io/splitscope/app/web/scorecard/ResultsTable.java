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
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.web.common.MetricTexts;
import io.splitscope.app.web.scorecard.MetricGroups.Group;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.stats.ConfidenceLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scorecard as a table: rows grouped into primary metrics, guardrails and secondary metrics;
 * per metric and treatment (and segment, when sliced) the control and treatment values, the
 * relative effect coloured by its verdict with its interval drawn as a bar around zero, the
 * p-value and adjusted p-value, the units, and a button that explains how the row was computed.
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
            byGroup.get(group).add(new Line(row, decisionVerdicts.judge(row, ResultRow.of(row, direction, alpha)), metric, group));
        }
        return byGroup.values().stream().flatMap(List::stream).toList();
    }

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

    ResultsTable(List<Line> lines, boolean segmented, ConfidenceLevel level, Consumer<ScorecardRow> explain) {
        addClassName("ss-results-table-wrap");
        Table table = new Table();
        table.addClassName("ss-results-table");
        double scale = CiBar.scaleFor(lines.stream().map(l -> widest(l.formatted())).toList());

        TableRow head = table.getHead().addRow();
        header(head, "Metric", "ss-col-metric");
        header(head, "Variant", "ss-col-variant");
        if (segmented) {
            header(head, "Segment", "ss-col-segment");
        }
        header(head, "Control", "ss-col-num");
        header(head, "Treatment", "ss-col-num");
        header(head, "Relative effect", "ss-col-effect");
        TableHeaderCell barHead = head.addHeaderCell();
        barHead.addClassName("ss-col-bar");
        Span barTitle = new Span(level + " interval");
        barTitle.addClassName("ss-col-bar-title");
        barHead.add(barTitle, CiBar.axis(scale));
        header(head, "p-value", "ss-col-num");
        header(head, "Adjusted p", "ss-col-num");
        header(head, "Units (C / T)", "ss-col-num");
        header(head, "", "ss-col-explain");
        int columns = (int) head.getChildren().count();

        Group current = null;
        TableBody body = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.group() != current) {
                current = line.group();
                body = table.addBody();
                body.addClassNames("ss-group", "ss-group-" + current.name().toLowerCase(java.util.Locale.ROOT));
                TableRow heading = body.addRow();
                heading.addClassName("ss-group-row");
                TableHeaderCell cell = heading.addHeaderCell();
                cell.setColspan(columns);
                cell.setScope(TableHeaderCell.Scope.ROWGROUP);
                Span title = new Span(current.title());
                title.addClassName("ss-group-title");
                Span caption = new Span(current.caption());
                caption.addClassName("ss-group-caption");
                cell.add(title, caption);
            }
            int span = 1;
            while (i + span < lines.size() && lines.get(i + span).row().metricId().equals(line.row().metricId())
                    && lines.get(i + span).group() == current) {
                span++;
            }
            for (int k = 0; k < span; k++) {
                Line l = lines.get(i + k);
                body.add(row(l, k == 0 ? span : 0, segmented, scale, level, explain, rMarks));
            }
            i += span - 1;
        }
        add(table);
    }

    /** A row's largest absolute interval end (its estimate without an interval), or null. */
    private static Double widest(ResultRow r) {
        if (r.relativeLow() != null && r.relativeHigh() != null) {
            return Math.max(Math.abs(r.relativeLow()), Math.abs(r.relativeHigh()));
        }
        return r.relative() == null ? null : Math.abs(r.relative());
    }

    /** A header cell of {@code text} in {@code head}. */
    static void header(TableRow head, String text, String className) {
        TableHeaderCell cell = head.addHeaderCell();
        cell.setText(text);
        cell.addClassName(className);
    }

    private static TableRow row(Line line, int metricRowSpan, boolean segmented, double scale, ConfidenceLevel level,
                                Consumer<ScorecardRow> explain, Map<String, List<Span>> rMarks) {
        ResultRow r = line.formatted();
        TableRow tr = new TableRow();
        tr.addClassNames("ss-result", r.verdict().className());
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
        cell(tr, r.controlValue(), "ss-col-num");
        cell(tr, r.treatmentValue(), "ss-col-num");

        TableDataCell effect = tr.addDataCell();
        effect.addClassName("ss-col-effect");
        Span value = new Span(r.relativeEffect());
        value.addClassNames("ss-effect", r.verdict().className());
        Span verdict = new Span(r.verdict().label());
        verdict.addClassNames("ss-verdict", r.verdict().className());
        Div top = new Div(value, verdict);
        top.addClassName("ss-effect-line");
        effect.add(top);
        if (r.ok()) {
            Span ci = new Span(r.relativeCi());
            ci.addClassName("ss-ci");
            effect.add(ci);
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

        TableDataCell p = tr.addDataCell();
        p.addClassName("ss-col-num");
        p.add(new Span(r.pValue()));
        if (r.pLabel() != null) {
            Span label = new Span(r.pLabel());
            label.addClassName("ss-ci");
            p.add(label);
        }
        Span rMark = new Span();
        rMark.addClassName("ss-r-mark");
        rMark.setVisible(false);
        p.add(rMark);
        rMarks.computeIfAbsent(markKey(line.row().metricId(), line.row().segment()), k -> new ArrayList<>()).add(rMark);
        cell(tr, r.pValueAdjusted(), "ss-col-num");
        TableDataCell units = tr.addDataCell();
        units.addClassName("ss-col-num");
        units.add(new Span(r.units()));
        if (line.row().incompleteUnits() > 0) {
            Span note = new Span("+" + io.splitscope.app.web.common.Formats.count(line.row().incompleteUnits()) + " in window");
            note.addClassName("ss-ci");
            note.getElement().setAttribute("title", r.incompleteNote());
            units.add(note);
        }
        TableDataCell action = tr.addDataCell();
        action.addClassName("ss-col-explain");
        Button button = new Button("Explain", VaadinIcon.QUESTION_CIRCLE.create(), e -> explain.accept(line.row()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
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
                ? "higher is better" : "lower is better") + " · " + metric.windowText() + " · ") + r.method());
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

    private static void cell(TableRow tr, String text, String className) {
        TableDataCell cell = tr.addDataCell();
        cell.setText(text);
        cell.addClassName(className);
    }
}
