package io.splitscope.analysis.results;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.health.SrmResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Scorecard} as the results store keeps it: a JSON document holding every field of the
 * record (the experiment as it was, the population, the SRM check, each row with its full
 * comparison result and extras, the query log and which of its queries served each metric), so
 * that {@link #decode} gives back a record equal to the one {@link #encode}d. Doubles are written
 * at full precision; non-finite ones (an SRM χ² of +∞) as strings. The document says its format
 * version; a change of the record that this codec cannot read fails loudly, and the store then
 * treats the row as absent.
 */
final class ScorecardCodec {

    /** The version of the document; bump it when the layout changes. */
    static final int FORMAT = 3;

    /**
     * The versions before {@link #FORMAT}, still read: neither has {@code confidence_level} (their
     * intervals are at 95 %), and 1 has no {@code metric_queries}, so its scorecards do not say
     * which query served which metric.
     */
    static final List<Integer> PREVIOUS_FORMATS = List.of(1, 2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScorecardCodec() {
    }

    static String encode(Scorecard scorecard) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        Experiment e = scorecard.experiment();
        ObjectNode experiment = root.putObject("experiment");
        experiment.put("id", e.id());
        experiment.put("name", e.name());
        experiment.put("hypothesis", e.hypothesis());
        experiment.put("owner", e.owner());
        experiment.put("start_date", e.startDate() == null ? null : e.startDate().toString());
        experiment.put("end_date", e.endDate() == null ? null : e.endDate().toString());
        experiment.put("control_variant", e.controlVariant());
        ArrayNode variants = experiment.putArray("variants");
        e.variants().forEach(v -> double_(variants.addObject().put("variant", v.variant()), "weight", v.weight()));

        ObjectNode population = root.putObject("population");
        ObjectNode units = population.putObject("units");
        scorecard.population().units().forEach(units::put);
        population.put("crossover_units", scorecard.population().crossoverUnits());
        population.put("invalid_exposures", scorecard.population().invalidExposures());

        SrmResult s = scorecard.srm();
        ObjectNode srm = root.putObject("srm");
        double_(srm, "chi_square", s.chiSquare());
        double_(srm, "p_value", s.pValue());
        srm.put("mismatch", s.mismatch());
        ObjectNode shares = srm.putObject("expected_share");
        s.expectedShare().forEach((variant, share) -> double_(shares, variant, share));

        ArrayNode rows = root.putArray("rows");
        scorecard.rows().forEach(row -> row(rows.addObject(), row));
        root.put("confidence_level", scorecard.confidence().percent());
        root.put("warehouse", scorecard.warehouse());
        root.put("computed_at", scorecard.computedAt().toString());
        ArrayNode queries = root.putArray("queries");
        scorecard.queries().forEach(q -> queries.addObject().put("sql", q.sql()).put("rows", q.rows())
                .put("bytes", q.bytes()).put("elapsed_nanos", q.elapsed().toNanos()));
        ObjectNode metricQueries = root.putObject("metric_queries");
        scorecard.metricQueries().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> metricQueries.put(entry.getKey(), entry.getValue().intValue()));
        return JSON.writeValueAsString(root);
    }

    /**
     * @throws IllegalArgumentException when the document is not one this codec wrote
     */
    static Scorecard decode(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            int format = root.path("format").asInt(-1);
            if (format != FORMAT && !PREVIOUS_FORMATS.contains(format)) {
                throw new IllegalArgumentException("stored scorecard format " + format + ", this version reads "
                        + PREVIOUS_FORMATS + " and " + FORMAT);
            }
            JsonNode e = root.required("experiment");
            List<Experiment.VariantWeight> variants = new ArrayList<>();
            e.required("variants").forEach(v -> variants.add(new Experiment.VariantWeight(v.required("variant").asString(),
                    double_(v.required("weight")))));
            Experiment experiment = new Experiment(text(e, "id"), text(e, "name"), text(e, "hypothesis"), text(e, "owner"),
                    date(e, "start_date"), date(e, "end_date"), text(e, "control_variant"), variants,
                    null, null, List.of()); // a stored copy: shown, never analysed again

            JsonNode p = root.required("population");
            Map<String, Long> units = new LinkedHashMap<>();
            p.required("units").properties().forEach(entry -> units.put(entry.getKey(), entry.getValue().asLong()));
            Population population = new Population(units, p.required("crossover_units").asLong(),
                    p.required("invalid_exposures").asLong());

            JsonNode s = root.required("srm");
            Map<String, Double> shares = new LinkedHashMap<>();
            s.required("expected_share").properties().forEach(entry -> shares.put(entry.getKey(), double_(entry.getValue())));
            SrmResult srm = new SrmResult(double_(s.required("chi_square")), double_(s.required("p_value")),
                    s.required("mismatch").asBoolean(), shares);

            List<ScorecardRow> rows = new ArrayList<>();
            root.required("rows").forEach(row -> rows.add(row(row)));
            List<QueryLog.Entry> queries = new ArrayList<>();
            root.required("queries").forEach(q -> queries.add(new QueryLog.Entry(q.required("sql").asString(),
                    q.required("rows").asLong(), q.required("bytes").asLong(), Duration.ofNanos(q.required("elapsed_nanos").asLong()))));
            Map<String, Integer> metricQueries = new LinkedHashMap<>();
            if (format != 1) {
                root.required("metric_queries").properties()
                        .forEach(entry -> metricQueries.put(entry.getKey(), entry.getValue().asInt()));
            }
            ConfidenceLevel confidence = format == FORMAT
                    ? new ConfidenceLevel(root.required("confidence_level").asDouble()) : ConfidenceLevel.DEFAULT;
            return new Scorecard(experiment, population, srm, rows, confidence, root.required("warehouse").asString(),
                    Instant.parse(root.required("computed_at").asString()), queries, metricQueries);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("unreadable stored scorecard: " + e.getMessage(), e);
        }
    }

    private static void row(ObjectNode node, ScorecardRow row) {
        node.put("metric_id", row.metricId());
        node.put("metric_title", row.metricTitle());
        node.put("type", row.type().name());
        node.put("method", row.method());
        node.put("variant", row.variant());
        node.put("segment", row.segment());
        node.put("n_control", row.nControl());
        node.put("n_treatment", row.nTreatment());
        node.put("incomplete_units", row.incompleteUnits());
        nullable(node, "p_value_adjusted", row.pValueAdjusted());
        ComparisonResult r = row.comparison();
        ObjectNode c = node.putObject("comparison");
        c.put("status", r.status().name());
        c.put("reason", r.reason());
        nullable(c, "control_value", r.controlValue());
        nullable(c, "treatment_value", r.treatmentValue());
        nullable(c, "absolute_effect", r.absoluteEffect());
        interval(c, "absolute_ci", r.absoluteCi());
        nullable(c, "relative_effect", r.relativeEffect());
        interval(c, "relative_ci", r.relativeCi());
        nullable(c, "p_value", r.pValue());
        ObjectNode extras = c.putObject("extras");
        r.extras().forEach(extras::put);
        ObjectNode inputs = node.putObject("inputs");
        ObjectNode control = inputs.putObject("control");
        row.inputs().control().forEach((name, value) -> double_(control, name, value));
        ObjectNode treatment = inputs.putObject("treatment");
        row.inputs().treatment().forEach((name, value) -> double_(treatment, name, value));
    }

    private static ScorecardRow row(JsonNode node) {
        JsonNode c = node.required("comparison");
        Map<String, Double> extras = new LinkedHashMap<>();
        c.required("extras").properties().forEach(entry -> extras.put(entry.getKey(), entry.getValue().doubleValue()));
        ComparisonResult result = new ComparisonResult(ResultStatus.valueOf(c.required("status").asString()), text(c, "reason"),
                nullable(c, "control_value"), nullable(c, "treatment_value"), nullable(c, "absolute_effect"),
                interval(c, "absolute_ci"), nullable(c, "relative_effect"), interval(c, "relative_ci"), nullable(c, "p_value"),
                extras);
        return new ScorecardRow(text(node, "metric_id"), text(node, "metric_title"),
                MetricType.valueOf(node.required("type").asString()), text(node, "method"), text(node, "variant"),
                text(node, "segment"), node.required("n_control").asLong(), node.required("n_treatment").asLong(),
                node.required("incomplete_units").asLong(), result, nullable(node, "p_value_adjusted"),
                new InputSummary(doubles(node.required("inputs").required("control")),
                        doubles(node.required("inputs").required("treatment"))));
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), double_(entry.getValue())));
        return values;
    }

    private static void interval(ObjectNode node, String name, Interval interval) {
        if (interval == null) {
            node.putNull(name);
        } else {
            node.putArray(name).add(interval.low()).add(interval.high());
        }
    }

    private static Interval interval(JsonNode node, String name) {
        JsonNode bounds = node.required(name);
        return bounds.isNull() ? null : new Interval(bounds.get(0).doubleValue(), bounds.get(1).doubleValue());
    }

    private static void nullable(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.doubleValue());
        }
    }

    private static Double nullable(JsonNode node, String name) {
        JsonNode value = node.required(name);
        return value.isNull() ? null : value.doubleValue();
    }

    /** A double that may be NaN or infinite: a number when finite, else its Java spelling as a string. */
    private static ObjectNode double_(ObjectNode node, String name, double value) {
        return Double.isFinite(value) ? node.put(name, value) : node.put(name, Double.toString(value));
    }

    private static double double_(JsonNode node) {
        return node.isString() ? Double.parseDouble(node.asString()) : node.doubleValue();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.required(name);
        return value.isNull() ? null : value.asString();
    }

    private static LocalDate date(JsonNode node, String name) {
        String value = text(node, name);
        return value == null ? null : LocalDate.parse(value);
    }
}
