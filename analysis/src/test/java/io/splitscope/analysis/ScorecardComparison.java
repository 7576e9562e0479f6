package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.ScorecardJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares a warehouse engine's scorecard with the embedded DuckDB's, as the golden tests of the
 * other engines (PostgresGoldenIT, TrinoGoldenIT) do: one rule for what "the same scorecard"
 * means, so that the engines are held to the same standard. Counts and strings must be equal;
 * numbers to a relative {@value #RELATIVE_TOLERANCE} (the engines may sum in another order),
 * except in a {@code bootstrap_quantile} row, whose numbers must be equal (the event-level query
 * returns the same events in the same order on every engine, and the bootstrap is seeded), but for
 * its adjusted p-value, which depends on the other rows. The provenance may differ.
 */
public final class ScorecardComparison {

    /** How far apart two numbers of a deterministic row may be, relative to the larger. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Where the two scorecards may differ: what the numbers were computed from, when and how. */
    private static final Set<String> PROVENANCE = Set.of("warehouse", "computed_at", "queries");

    private ScorecardComparison() {
    }

    /**
     * Analyses {@code request} on both services and asserts that the engine's scorecard is the
     * embedded one's, up to {@link #differences}; the engine's provenance names its JDBC URL.
     */
    public static void assertSameScorecard(AnalysisService engine, String engineName, String urlPrefix,
                                           AnalysisService embedded, AnalysisRequest request) {
        JsonNode expected = ScorecardJson.tree(embedded.analyze(request));
        JsonNode actual = ScorecardJson.tree(engine.analyze(request));

        assertThat(actual.get("warehouse").asString()).startsWith(urlPrefix);
        assertThat(expected.get("results").size()).isGreaterThanOrEqualTo(9);
        assertThat(differences(actual, expected)).as("where " + engineName + "'s scorecard differs from DuckDB's").isEmpty();
    }

    /** Where {@code actual} differs from {@code expected}, one line each (the JSON path first); empty when nowhere. */
    public static List<String> differences(JsonNode actual, JsonNode expected) {
        List<String> differences = new ArrayList<>();
        compare("", actual, expected, false, differences);
        return differences;
    }

    /** Walks both trees; numbers in a bootstrap row must match exactly, others to the tolerance. */
    private static void compare(String path, JsonNode actual, JsonNode expected, boolean exact, List<String> differences) {
        if (expected.isObject()) {
            boolean bootstrap = exact || (expected.has("method") && "bootstrap_quantile".equals(expected.get("method").asString()));
            if (!actual.isObject()) {
                differences.add(path + ": " + actual + " instead of an object");
                return;
            }
            Iterator<String> names = expected.propertyNames().iterator();
            while (names.hasNext()) {
                String name = names.next();
                if (path.isEmpty() && PROVENANCE.contains(name)) {
                    continue;
                }
                if (!actual.has(name)) {
                    differences.add(path + "." + name + " is missing");
                    continue;
                }
                // The adjusted p-value depends on every row's p-value, the deterministic rows' too.
                boolean exactField = bootstrap && !name.equals("p_value_adjusted");
                compare(path + "." + name, actual.get(name), expected.get(name), exactField, differences);
            }
        } else if (expected.isArray()) {
            if (actual.size() != expected.size()) {
                differences.add(path + ": " + actual.size() + " elements instead of " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i), exact, differences);
            }
        } else if (expected.isFloatingPointNumber() && actual.isNumber()) {
            double want = expected.asDouble();
            double got = actual.asDouble();
            boolean same = exact ? Double.compare(want, got) == 0
                    : Math.abs(want - got) <= RELATIVE_TOLERANCE * Math.max(Math.abs(want), Math.abs(got));
            if (!same) {
                differences.add(path + ": " + got + " instead of " + want + (exact ? " (exactly)" : ""));
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": " + actual + " instead of " + expected);
        }
    }
}
