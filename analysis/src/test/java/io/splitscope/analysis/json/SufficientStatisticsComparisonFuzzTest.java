package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.sql.fuzz.TextFuzz;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code compare}'s JSON, fuzzed from its corpus ({@code src/test/resources/fuzz/compare}: valid
 * documents of each method and the inputs that found bugs): every input gives a result or an
 * {@link AnalysisException} of one line, within five seconds.
 */
class SufficientStatisticsComparisonFuzzTest {

    /** JSON's own tokens and the values that reach the edges of the sums. */
    private static final List<String> TOKENS = List.of("\"", "{", "}", "[", "]", ",", ":", "null", "true", "0", "-1",
            "2", "2.5", "1e308", "-1e308", "1e154", "1e-320", "NaN", "9223372036854775808", "\"n\"", "\"sum\"",
            "\"sum_squares\"", "\"name\"", "\"confidence_level\"", "0.999", "\"cuped\"", "\"delta_ratio\"", "\\u0000");

    @Example
    void everyCorpusDocumentGivesAResultOrOneLine() {
        TextFuzz.corpus("compare").forEach(SufficientStatisticsComparisonFuzzTest::resultOrOneLine);
    }

    @Property(tries = 600)
    void editedDocumentsGiveAResultOrOneLine(@ForAll("edited") String input) {
        resultOrOneLine(input);
    }

    @Property(tries = 150)
    void anyTextGivesAResultOrOneLine(@ForAll String input) {
        resultOrOneLine(input);
    }

    @Provide
    Arbitrary<String> edited() {
        return TextFuzz.mutated(TextFuzz.corpus("compare"), TOKENS);
    }

    private static void resultOrOneLine(String input) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                assertThat(SufficientStatisticsComparison.compare(input).json()).startsWith("{");
            } catch (AnalysisException e) {
                TextFuzz.assertOneLine(e.getMessage());
            }
        });
    }
}
