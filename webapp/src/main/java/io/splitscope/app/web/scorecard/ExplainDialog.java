package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Table;
import com.vaadin.flow.component.html.TableRow;
import com.vaadin.flow.component.markdown.Markdown;
import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.json.SufficientStatisticsComparison;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.MetricTexts;
import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.query.MetricSql;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * "How was this number computed?" for one scorecard row: the metric's definition and Markdown
 * description, the result with every number at full precision, the sufficient statistics the
 * method read (and the {@code ./splitscope compare} input that reproduces the row), the method
 * with its formula ({@link MethodTexts}), and the SQL the warehouse ran for it, from the
 * scorecard's query log; and, once "Verify in R" has run, how closely GNU R reproduced it.
 */
final class ExplainDialog extends Dialog {

    private static final Map<String, String> STATISTIC_LABELS = Map.ofEntries(
            Map.entry("n", "Units, n"),
            Map.entry("events", "Events"),
            Map.entry("sum", "Σy"),
            Map.entry("sum_squares", "Σy²"),
            Map.entry("covariate_sum", "Σx (pre-exposure)"),
            Map.entry("covariate_sum_squares", "Σx²"),
            Map.entry("sum_product", "Σxy"),
            Map.entry("numerator_sum", "ΣN (numerator)"),
            Map.entry("numerator_sum_squares", "ΣN²"),
            Map.entry("denominator_sum", "ΣD (denominator)"),
            Map.entry("denominator_sum_squares", "ΣD²"),
            Map.entry("numerator_denominator_sum_product", "ΣND"));

    /**
     * @param example the assignment of the example experiment the metric's SQL is shown for (null without a metric)
     */
    ExplainDialog(Scorecard scorecard, ScorecardRow row, Metric metric, Assignment example, RVerification verified) {
        addClassName("ss-explain-dialog");
        setWidth("min(960px, 96vw)");
        setMaxHeight("92vh");
        String title = metric == null ? row.metricId() : metric.title();
        setHeaderTitle(title + " · " + row.variant() + " vs " + scorecard.experiment().controlVariant()
                + (row.segment() == null ? "" : " · " + row.segment()));
        Button close = new Button("Close", e -> close());
        close.addClassName("ss-explain-close");
        getFooter().add(close);

        Div body = new Div();
        body.addClassName("ss-explain");
        if (metric != null) {
            body.add(section("What it measures", definition(metric)));
        }
        body.add(section("The result", result(row, scorecard.confidence())));
        if (verified != null) {
            Paragraph summary = new Paragraph(RVerifications.mark(verified) + " — " + RVerifications.tooltip(verified)
                    + ". " + verified.report().summary() + ".");
            summary.addClassNames("ss-explain-r", verified.report().verified() ? "ss-r-verified" : "ss-r-unverified");
            body.add(section("Verified in R", summary));
        }
        body.add(section("What the method read", statistics(row, scorecard)));
        body.add(section("The method: " + MethodTexts.of(row.method()).name(), method(row)));
        body.add(section("The SQL", sql(scorecard, row, metric, example)));
        add(body);
    }

    private static Component section(String heading, Component... content) {
        Div section = new Div();
        section.addClassName("ss-explain-section");
        section.add(new H3(heading));
        section.add(content);
        return section;
    }

    private static Component[] definition(Metric metric) {
        Markdown description = new Markdown(metric.description());
        description.addClassName("ss-markdown");
        Table facts = facts(List.of(
                new String[] {"Id", metric.id()},
                new String[] {"Type", metric.type().jsonName() + (metric.kind() == MetricKind.of(metric.type()) ? ""
                        : " (" + MetricTexts.kind(metric.kind()) + ")")},
                new String[] {"Source", metric.source().id()},
                new String[] {"Window", MetricTexts.window(metric)
                        + (metric.windowed() ? "; counts " + MetricTexts.eligibility(metric) : "")},
                new String[] {"Better when", MetricTexts.betterWhen(metric)},
                new String[] {"Guardrail", metric.guardrail() ? "yes" : "no"},
                new String[] {"Events counted", MetricTexts.filter(metric)},
                new String[] {"Capping", cap(metric.cap())}));
        return new Component[] {description, facts};
    }

    static String cap(Cap cap) {
        return switch (cap) {
            case null -> "none";
            case Cap.Absolute a -> "values " + (a.lower() == null ? "" : "below " + Formats.number(a.lower()) + " ")
                    + (a.lower() != null && a.upper() != null ? "and " : "")
                    + (a.upper() == null ? "" : "above " + Formats.number(a.upper()) + " ") + "are set to the bound";
            case Cap.Percentile p -> "values beyond the pooled "
                    + (p.lowerLevel() == null ? "" : Formats.percent(p.lowerLevel()) + " ")
                    + (p.lowerLevel() != null && p.upperLevel() != null ? "and " : "")
                    + (p.upperLevel() == null ? "" : Formats.percent(p.upperLevel()) + " ") + "percentile are set to it";
        };
    }

    private static Component[] result(ScorecardRow row, ConfidenceLevel level) {
        ComparisonResult c = row.comparison();
        List<String[]> lines = new java.util.ArrayList<>();
        lines.add(new String[] {"Control value", Formats.precise(c.controlValue())});
        lines.add(new String[] {"Treatment value", Formats.precise(c.treatmentValue())});
        lines.add(new String[] {"Absolute effect", Formats.precise(c.absoluteEffect()) + interval(c.absoluteCi(), level)});
        lines.add(new String[] {"Relative effect", Formats.precise(c.relativeEffect()) + interval(c.relativeCi(), level)});
        lines.add(new String[] {"p-value", Formats.precise(c.pValue())});
        lines.add(new String[] {"Adjusted p-value", row.descriptive() ? "none: " + ResultRow.DESCRIPTIVE_NOTE
                : Formats.precise(row.pValueAdjusted())});
        c.extras().forEach((k, v) -> lines.add(new String[] {k.replace('_', ' '), Formats.precise(v)}));
        lines.add(new String[] {"Units analysed", Formats.count(row.nControl()) + " control, "
                + Formats.count(row.nTreatment()) + " treatment"
                + (row.incompleteUnits() > 0 ? "; " + Formats.count(row.incompleteUnits())
                        + " left out (window not elapsed)" : "")});
        if (row.cap() != null) {
            lines.add(new String[] {"Per-unit values", row.cap().text()});
        }
        lines.add(new String[] {"Status", c.isOk() ? "OK" : c.status().label() + ": " + c.reason()});
        Paragraph note = new Paragraph(MethodTexts.ADJUSTMENT);
        note.addClassName("ss-muted");
        return new Component[] {facts(lines), note};
    }

    private static String interval(Interval ci, ConfidenceLevel level) {
        return ci == null ? "" : "   (" + level + ": " + Formats.precise(ci.low()) + " to " + Formats.precise(ci.high()) + ")";
    }

    private static Component[] statistics(ScorecardRow row, Scorecard scorecard) {
        Map<String, Double> control = row.inputs().control();
        Map<String, Double> treatment = row.inputs().treatment();
        if (control.isEmpty() && treatment.isEmpty()) {
            return new Component[] {new Paragraph("No sufficient statistics were kept for this row.")};
        }
        Table table = new Table();
        table.addClassName("ss-facts-table");
        TableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("");
        String controlName = scorecard.experiment().controlVariant();
        head.addHeaderCell().setText(controlName.equals("control") ? controlName : controlName + " (control)");
        head.addHeaderCell().setText(row.variant());
        Set<String> names = new LinkedHashSet<>(control.keySet());
        names.addAll(treatment.keySet());
        for (String name : names) {
            TableRow tr = table.getBody().addRow();
            tr.addHeaderCell().setText(STATISTIC_LABELS.getOrDefault(name, name));
            tr.addDataCell().setText(Formats.precise(control.get(name)));
            tr.addDataCell().setText(Formats.precise(treatment.get(name)));
        }
        Paragraph note = new Paragraph(names.contains("events")
                ? "Percentiles need every event: the method read each variant's event values, grouped by unit"
                        + " (sizes shown), not totals."
                : "The warehouse aggregated every unit to these totals; no unit-level row reached the app.");
        note.addClassName("ss-muted");
        if (!SufficientStatisticsComparison.METHODS.contains(row.method())) { // methods ./splitscope compare can rerun
            return new Component[] {table, note};
        }
        Paragraph how = new Paragraph("Reproduce this row without the warehouse: save this as input.json and run"
                + " ./splitscope compare --input input.json");
        how.addClassName("ss-muted");
        Pre json = new Pre(compareInput(row, scorecard.experiment().controlVariant()));
        json.addClassName("ss-code");
        return new Component[] {table, note, how, json};
    }

    /** The {@code ./splitscope compare} input of a row ({@code spec/scorecard.md}). */
    static String compareInput(ScorecardRow row, String control) {
        StringBuilder json = new StringBuilder("{\n  \"method\": \"" + row.method() + "\",\n  \"variants\": [\n");
        json.append("    ").append(variantJson(control, row.inputs().control())).append(",\n");
        json.append("    ").append(variantJson(row.variant(), row.inputs().treatment())).append("\n  ]\n}");
        return json.toString();
    }

    private static String variantJson(String name, Map<String, Double> statistics) {
        StringBuilder s = new StringBuilder("{\"name\": \"" + name.replace("\"", "\\\"") + "\"");
        statistics.forEach((k, v) -> s.append(", \"").append(k).append("\": ")
                .append(k.equals("n") ? Long.toString(v.longValue()) : Double.toString(v)));
        return s.append('}').toString();
    }

    private static Component[] method(ScorecardRow row) {
        MethodTexts texts = MethodTexts.of(row.method());
        Paragraph summary = new Paragraph(texts.description().summary());
        Pre formula = new Pre(texts.description().formula());
        formula.addClassName("ss-code");
        Span id = new Span("Method id: " + texts.id() + (texts.description().reference().isBlank() ? "" : ". " + texts.description().reference()));
        id.addClassName("ss-muted");
        return new Component[] {summary, formula, id};
    }

    private static Component[] sql(Scorecard scorecard, ScorecardRow row, Metric metric, Assignment example) {
        // the query the analysis recorded for the metric; a scorecard stored before it did is searched
        Optional<QueryLog.Entry> entry = metric == null ? Optional.empty()
                : scorecard.queryOf(metric.id()).or(() -> MetricQueries.find(scorecard.queries(), metric));
        if (entry.isPresent()) {
            QueryLog.Entry q = entry.get();
            Paragraph what = new Paragraph("The query this analysis ran on " + scorecard.warehouse() + ". It computes every "
                    + (metric.type() == io.splitscope.metrics.MetricType.QUANTILE
                            ? "percentile over the same events" : "metric of the " + metric.source().id() + " table")
                    + " in one scan; " + Formats.count(q.rows()) + " rows (" + Formats.count(q.bytes())
                    + " bytes) came back, in " + q.elapsed().toMillis() + " ms.");
            Pre sql = new Pre(MetricQueries.layOut(q.sql()));
            sql.addClassNames("ss-code", "ss-sql");
            Optional<QueryLog.Entry> staged = MetricQueries.stagedUnits(scorecard.queries());
            if (staged.isEmpty()) {
                return new Component[] {what, sql};
            }
            // the query reads the units the analysis staged: show where they come from first
            Paragraph units = new Paragraph("It reads the experiment's units, which the analysis staged once, in "
                    + staged.get().elapsed().toMillis() + " ms, for all its queries:");
            Pre stagedSql = new Pre(MetricQueries.layOut(staged.get().sql()));
            stagedSql.addClassNames("ss-code", "ss-sql");
            return new Component[] {what, sql, units, stagedSql};
        }
        if (metric == null) {
            return new Component[] {new Paragraph("This metric is not in the catalog the app loaded.")};
        }
        Paragraph what = new Paragraph("The metric's SQL as compiled for DuckDB, for an example experiment ("
                + MetricSql.EXAMPLE_ID + ").");
        Pre sql = new Pre(MetricQueries.layOut(MetricSql.render(metric, example, SQLDialect.DUCKDB, "cuped".equals(row.method()))));
        sql.addClassNames("ss-code", "ss-sql");
        return new Component[] {what, sql};
    }

    private static Table facts(List<String[]> lines) {
        Table table = new Table();
        table.addClassName("ss-facts-table");
        for (String[] line : lines) {
            TableRow tr = table.getBody().addRow();
            tr.addHeaderCell().setText(line[0]);
            tr.addDataCell().setText(line[1]);
        }
        return table;
    }
}
