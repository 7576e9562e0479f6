package io.splitscope.analysis.json;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.health.SrmResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scorecard as the JSON document of {@code spec/scorecard.md}: numbers at full double
 * precision, {@code null} for values that do not exist (and for non-finite ones, which JSON cannot
 * hold). Rows also carry {@code status}, and {@code reason} when the status is not OK.
 */
public final class ScorecardJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScorecardJson() {
    }

    public static String write(Scorecard scorecard) {
        return MAPPER.writeValueAsString(tree(scorecard)) + System.lineSeparator();
    }

    public static ObjectNode tree(Scorecard scorecard) {
        Experiment experiment = scorecard.experiment();
        ObjectNode root = NODES.objectNode();
        root.put("experiment_id", experiment.id());
        root.put("control_variant", experiment.controlVariant());
        // null for an experiment without exposure times (spec/project.md)
        root.put("start_date", experiment.startDate() == null ? null : experiment.startDate().toString());
        root.put("end_date", experiment.endDate() == null ? null : experiment.endDate().toString());
        root.put("confidence_level", scorecard.confidence().value());

        ObjectNode population = root.putObject("population");
        ObjectNode units = population.putObject("units");
        scorecard.population().units().forEach(units::put);
        population.put("crossover_units", scorecard.population().crossoverUnits());
        population.put("invalid_exposures", scorecard.population().invalidExposures());

        SrmResult srm = scorecard.srm();
        ObjectNode srmNode = root.putObject("srm");
        number(srmNode, "chi_square", srm.chiSquare());
        number(srmNode, "p_value", srm.pValue());
        srmNode.put("mismatch", srm.mismatch());
        ObjectNode shares = srmNode.putObject("expected_share");
        srm.expectedShare().forEach(shares::put);

        var results = root.putArray("results");
        scorecard.rows().forEach(row -> results.add(row(row)));
        root.put("warehouse", scorecard.warehouse());
        root.put("computed_at", scorecard.computedAt().toString());
        return root;
    }

    private static ObjectNode row(ScorecardRow row) {
        ComparisonResult result = row.comparison();
        ObjectNode node = NODES.objectNode();
        node.put("metric", row.metricId());
        node.put("type", row.type().jsonName());
        node.put("method", row.method());
        node.put("variant", row.variant());
        if (row.segment() != null) {
            node.put("segment", row.segment());
        }
        node.put("n_control", row.nControl());
        node.put("n_treatment", row.nTreatment());
        node.put("incomplete_units", row.incompleteUnits());
        comparisonFields(node, result, row.pValueAdjusted());
        return node;
    }

    /**
     * Writes a comparison into a result row: values, effects and their intervals, p-values, the
     * method's extra numbers, and the status (with its reason when it is not OK).
     */
    public static void comparisonFields(ObjectNode node, ComparisonResult result, Double pValueAdjusted) {
        number(node, "control_value", result.controlValue());
        number(node, "treatment_value", result.treatmentValue());
        number(node, "absolute_effect", result.absoluteEffect());
        interval(node, "absolute_ci", result.absoluteCi());
        number(node, "relative_effect", result.relativeEffect());
        interval(node, "relative_ci", result.relativeCi());
        number(node, "p_value", result.pValue());
        number(node, "p_value_adjusted", pValueAdjusted);
        result.extras().forEach((name, value) -> number(node, name, value));
        node.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        if (result.status() != ResultStatus.OK) {
            node.put("reason", result.reason());
        }
    }

    private static void interval(ObjectNode node, String prefix, Interval interval) {
        number(node, prefix + "_low", interval == null ? null : interval.low());
        number(node, prefix + "_high", interval == null ? null : interval.high());
    }

    private static void number(ObjectNode node, String name, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value.doubleValue());
        }
    }
}
