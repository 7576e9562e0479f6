package io.splitscope.analysis.json;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.metrics.DidYouMean;
import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.multiple.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares variants from their sufficient statistics, as {@code spec/scorecard.md} ("Comparing
 * from sufficient statistics") describes it: the JSON in and out of {@code splitscope compare}.
 *
 * <p>The input is one JSON document {@code {"method": ..., "variants": [{"name": ..., ...}, ...]}},
 * optionally with {@code "confidence_level"} (0.9, 0.95 — the default — or 0.99; any level from 0.5
 * to 0.999 is taken), the first variant being the control, with the fields of the method:
 * <ul>
 *   <li>{@code welch_t}: {@code n}, {@code sum}, {@code sum_squares};</li>
 *   <li>{@code cuped}: those and {@code covariate_sum}, {@code covariate_sum_squares},
 *       {@code sum_product} (θ is pooled over every variant given);</li>
 *   <li>{@code delta_ratio}: {@code n}, {@code numerator_sum}, {@code numerator_sum_squares},
 *       {@code denominator_sum}, {@code denominator_sum_squares},
 *       {@code numerator_denominator_sum_product}.</li>
 * </ul>
 * The output is {@code {"method": ..., "confidence_level": ..., "results": [...]}}, one row per non-control variant in the
 * scorecard's row shape without {@code metric} and {@code type} ({@code incomplete_units} is 0:
 * totals are of complete units), with {@code p_value_adjusted} (Benjamini–Hochberg over these rows)
 * and the row's {@code status} (and {@code reason} when it is not OK), as the scorecard writes them.
 *
 * <p>A variant may carry fields of another of these methods (the same totals exported for
 * {@code cuped} and compared with {@code welch_t}, say): the method ignores them, and one line on
 * the notes name them ({@code welch_t ignores covariate_sum, covariate_sum_squares}), which the
 * command line prints on standard error.
 *
 * <p>Invalid input — not JSON, an unknown method, a field that no method takes (with the nearest
 * known name when it looks like a typo), a missing or non-numeric field, fewer than two variants, a
 * repeated name, {@code n < 2}, sums that imply a negative variance, a sum whose square overflows a
 * double — is one line naming the variant and the field (an {@link AnalysisException}).
 */
public final class SufficientStatisticsComparison {

    /** Reads the input (the output is the public document's, {@link ScorecardJson}). */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * What a method reads from each variant: its input record, the JSON fields besides {@code name}
     * (in the order messages list them) and how the record is read from them.
     */
    private record Input<I extends VariantData>(Class<I> type, List<String> fields, Function<Fields, I> read) {
    }

    /**
     * The input of each supported method, in the order messages list the methods. The field names
     * are not the record components' (e.g. {@link RatioMoments#sumProduct()} is
     * {@code numerator_denominator_sum_product}, {@link CovariateMoments#x()} the {@code covariate_}
     * fields), so they are listed here, next to the reader that uses them.
     */
    private static final Map<String, Input<?>> INPUTS = ordered(List.of(
            Map.entry("welch_t", new Input<>(Moments.class, List.of("n", "sum", "sum_squares"),
                    SufficientStatisticsComparison::moments)),
            Map.entry("cuped", new Input<>(CovariateMoments.class, List.of("n", "sum", "sum_squares", "covariate_sum",
                    "covariate_sum_squares", "sum_product"), SufficientStatisticsComparison::covariateMoments)),
            Map.entry("delta_ratio", new Input<>(RatioMoments.class, List.of("n", "numerator_sum",
                    "numerator_sum_squares", "denominator_sum", "denominator_sum_squares",
                    "numerator_denominator_sum_product"), SufficientStatisticsComparison::ratioMoments))));

    /** Every field some method takes, besides {@code name}: a variant may carry any of these. */
    private static final Set<String> KNOWN_FIELDS = INPUTS.values().stream()
            .flatMap(input -> input.fields().stream())
            .collect(Collectors.toCollection(LinkedHashSet::new));

    /**
     * The methods this command reruns from sufficient statistics: {@code welch_t}, {@code cuped},
     * {@code delta_ratio}. {@code splitscope compare} reads them; the web app's explain dialog
     * offers the input for these.
     */
    public static final List<String> METHODS = List.copyOf(INPUTS.keySet());

    private static final List<String> TOP_LEVEL_FIELDS = List.of("method", "variants", "confidence_level");

    private SufficientStatisticsComparison() {
    }

    private static <K, V> Map<K, V> ordered(List<Map.Entry<K, V>> entries) {
        Map<K, V> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(map);
    }

    /**
     * What a comparison gives: the output document and the notes for standard error (given only
     * when the input is valid, so that an error stays the one line on standard error).
     */
    public record Output(String json, List<String> notes) {
    }

    /** The output document: the method, the level and a row per treatment variant. */
    private record Result(String method, double confidenceLevel, List<ResultPart> results) {
    }

    /** The output document for an input document (both JSON text), with the notes on the input. */
    /**
     * @throws AnalysisException naming the variant and the field, for input that breaks the rules above
     */
    public static Output compare(String inputJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(inputJson);
        } catch (JacksonException e) {
            throw new AnalysisException("the input is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new AnalysisException("the input must be a JSON object with \"method\" and \"variants\"");
        }
        for (String field : root.propertyNames()) {
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                throw new AnalysisException("unknown field '" + field + "' in the input"
                        + DidYouMean.suffix(field, TOP_LEVEL_FIELDS)
                        + " (expected \"method\", \"variants\" and optionally \"confidence_level\")");
            }
        }
        ConfidenceLevel level = confidenceLevel(root.get("confidence_level"));
        JsonNode methodNode = root.get("method");
        if (methodNode == null || !methodNode.isString()) {
            throw new AnalysisException("the input needs \"method\": one of " + String.join(", ", METHODS));
        }
        String method = methodNode.stringValue();
        if (!INPUTS.containsKey(method)) {
            throw new AnalysisException("method '" + method + "' cannot be compared from sufficient statistics"
                    + " (supported: " + String.join(", ", METHODS) + ")");
        }
        JsonNode variantsNode = root.get("variants");
        if (variantsNode == null || !variantsNode.isArray() || variantsNode.size() < 2) {
            throw new AnalysisException("the input needs \"variants\": an array of at least two variants, the control first");
        }

        Input<?> input = INPUTS.get(method);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> ignored = new LinkedHashSet<>();
        List<JsonNode> variants = new ArrayList<>(variantsNode.values());
        for (int i = 0; i < variants.size(); i++) {
            JsonNode v = variants.get(i);
            String where = "variant #" + (i + 1);
            if (!v.isObject()) {
                throw new AnalysisException(where + " is not a JSON object");
            }
            JsonNode name = v.get("name");
            if (name == null || !name.isString() || name.stringValue().isBlank()) {
                throw new AnalysisException(where + " needs a \"name\" (a non-empty string)");
            }
            if (!seen.add(name.stringValue())) {
                throw new AnalysisException("two variants are named '" + name.stringValue() + "'");
            }
            names.add(name.stringValue());
            for (String field : v.propertyNames()) {
                if (field.equals("name") || input.fields().contains(field)) {
                    continue;
                }
                if (!KNOWN_FIELDS.contains(field)) {
                    Set<String> candidates = new LinkedHashSet<>(input.fields()); // the method's own first: they win ties
                    candidates.addAll(KNOWN_FIELDS);
                    throw new AnalysisException("variant '" + name.stringValue() + "': unknown field '" + field + "'"
                            + DidYouMean.suffix(field, candidates) + "; " + method + " takes " + String.join(", ", input.fields()));
                }
                ignored.add(field); // another method's: the same totals exported for several methods
            }
        }

        Result result = new Result(method, level.value(), rows(method, input, names, variants, level));
        List<String> notes = ignored.isEmpty() ? List.of() : List.of(method + " ignores " + String.join(", ", ignored));
        return new Output(ScorecardJson.writePublic(result), notes);
    }

    private static ConfidenceLevel confidenceLevel(JsonNode node) {
        if (node == null) {
            return ConfidenceLevel.DEFAULT;
        }
        if (!node.isNumber() && !node.isString()) {
            throw new AnalysisException("\"confidence_level\" must be a number such as 0.95, got " + node);
        }
        try {
            return ConfidenceLevel.parse(node.asString());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("\"confidence_level\": " + e.getMessage());
        }
    }

    /** A variant's fields, read and checked. */
    private record Fields(String variant, JsonNode node) {

        long n() {
            JsonNode value = node.get("n");
            if (value == null || value.isNull()) {
                throw missing("n");
            }
            if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
                throw new AnalysisException("variant '" + variant + "': field 'n' must be a whole number, got " + value);
            }
            long n = value.longValue();
            if (n < 2) {
                throw new AnalysisException("variant '" + variant + "': n = " + n
                        + ", but a comparison needs at least 2 units per variant");
            }
            return n;
        }

        double number(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw missing(field);
            }
            if (!value.isNumber()) {
                throw new AnalysisException("variant '" + variant + "': field '" + field + "' must be a number, got " + value);
            }
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                throw new AnalysisException("variant '" + variant + "': field '" + field + "' is out of range: " + value);
            }
            return d;
        }

        private AnalysisException missing(String field) {
            return new AnalysisException("variant '" + variant + "': missing field '" + field + "'");
        }

        /** Moments from the given fields; inconsistent sums name the variant and the fields. */
        Moments moments(long n, String sumField, String squaresField) {
            double sum = number(sumField);
            double squares = number(squaresField);
            if (Double.isInfinite(sum / n * sum)) {
                // Σy²/n is what the variance subtracts: past Double.MAX_VALUE it is an overflow, not a negative variance
                throw new AnalysisException("variant '" + variant + "': field '" + sumField + "' = " + sum
                        + " is too large: sum² / n overflows a double (above 1.8e308); rescale the values");
            }
            try {
                return new Moments(n, sum, squares);
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("variant '" + variant + "': fields '" + sumField + "' and '" + squaresField
                        + "' are inconsistent: " + e.getMessage());
            }
        }
    }

    private static Moments moments(Fields f) {
        return f.moments(f.n(), "sum", "sum_squares");
    }

    private static CovariateMoments covariateMoments(Fields f) {
        long n = f.n();
        return new CovariateMoments(f.moments(n, "sum", "sum_squares"),
                f.moments(n, "covariate_sum", "covariate_sum_squares"), f.number("sum_product"));
    }

    private static RatioMoments ratioMoments(Fields f) {
        long n = f.n();
        return new RatioMoments(f.moments(n, "numerator_sum", "numerator_sum_squares"),
                f.moments(n, "denominator_sum", "denominator_sum_squares"),
                f.number("numerator_denominator_sum_product"));
    }

    private static <I extends VariantData> List<ResultPart> rows(String method, Input<I> input, List<String> names,
            List<JsonNode> nodes, ConfidenceLevel level) {
        List<I> inputs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            inputs.add(input.read().apply(new Fields(names.get(i), nodes.get(i))));
        }
        ComparisonMethod<I> comparison = ComparisonMethods.byId(method, input.type());
        List<ComparisonResult> results = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            ComparisonResult r = comparison.compare(inputs.get(0), inputs.get(i), inputs, level);
            results.add(r);
            pValues.add(r.pValue());
        }
        List<Double> adjusted = new BenjaminiHochberg().adjust(pValues);
        List<ResultPart> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(ResultPart.comparing(method, names.get(i + 1), inputs.get(0).n(), inputs.get(i + 1).n(),
                    results.get(i), adjusted.get(i)));
        }
        return rows;
    }
}
