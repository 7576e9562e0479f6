package io.splitscope.app.api;

import io.splitscope.analysis.HealthReport;
import io.splitscope.analysis.LeftOutUnits;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.health.SrmResult;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of an experiment in the REST API: its metadata (as {@code GET /api/experiments} lists
 * it) and, for {@code GET /api/experiments/{id}}, its health. Keys are snake_case; a number that
 * cannot be computed (a p-value without units) is {@code null}.
 */
final class ExperimentDocument {

    private ExperimentDocument() {
    }

    /** Puts the experiment's metadata into {@code node}: id, name, owner, hypothesis, dates, control and variants with weights. */
    static void metadata(ObjectNode node, Experiment experiment) {
        node.put("id", experiment.id());
        node.put("name", experiment.name());
        node.put("owner", experiment.owner());
        node.put("hypothesis", experiment.hypothesis());
        node.put("start_date", experiment.startDate() == null ? null : experiment.startDate().toString());
        node.put("end_date", experiment.endDate() == null ? null : experiment.endDate().toString());
        node.put("control_variant", experiment.controlVariant());
        ArrayNode variants = node.putArray("variants");
        experiment.variants().forEach(v -> variants.addObject().put("name", v.variant()).put("weight", v.weight()));
    }

    /**
     * Puts the health into {@code node}: {@code status} ({@code ready}, {@code no_units}), the
     * overall {@code srm} (units per variant, expected shares, χ², p, threshold, mismatch),
     * {@code crossover_units} and {@code invalid_exposures}, {@code days} (date, units per variant,
     * p, mismatch, crossovers, invalid exposures), {@code segments} (dimension, value, units per
     * variant, p, mismatch) and {@code windowed_metrics} (metric, title, window, units left out,
     * analysed units, share).
     */
    static void health(ObjectNode node, HealthReport report, List<LeftOutUnits> leftOut) {
        node.put("status", report.status().id());
        ObjectNode srm = node.putObject("srm");
        units(srm, report.population().units());
        ObjectNode expected = srm.putObject("expected_share");
        report.srm().expectedShare().forEach(expected::put);
        number(srm, "chi_square", report.srm().chiSquare());
        check(srm, report.srm());
        srm.put("threshold", report.threshold());
        node.put("crossover_units", report.population().crossoverUnits());
        node.put("invalid_exposures", report.population().invalidExposures());
        ArrayNode days = node.putArray("days");
        for (HealthReport.Day day : report.days()) {
            ObjectNode d = days.addObject();
            d.put("date", day.counts().date().toString());
            units(d, day.counts().units());
            check(d, day.srm());
            d.put("crossover_units", day.counts().crossoverUnits());
            d.put("invalid_exposures", day.counts().invalidExposures());
        }
        ArrayNode segments = node.putArray("segments");
        for (HealthReport.Segment segment : report.segments()) {
            ObjectNode s = segments.addObject();
            s.put("dimension", segment.dimension());
            s.put("value", segment.value());
            units(s, segment.units());
            check(s, segment.srm());
        }
        ArrayNode windowed = node.putArray("windowed_metrics");
        for (LeftOutUnits metric : leftOut) {
            ObjectNode m = windowed.addObject();
            m.put("metric", metric.metricId());
            m.put("title", metric.metricTitle());
            m.put("window", metric.window());
            m.put("units_left_out", metric.unitsLeftOut());
            m.put("units", metric.units());
            number(m, "share", metric.share());
        }
    }

    private static void units(ObjectNode node, Map<String, Long> units) {
        ObjectNode perVariant = node.putObject("units");
        units.forEach(perVariant::put);
    }

    private static void check(ObjectNode node, SrmResult srm) {
        number(node, "p_value", srm.pValue());
        node.put("mismatch", srm.mismatch());
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
