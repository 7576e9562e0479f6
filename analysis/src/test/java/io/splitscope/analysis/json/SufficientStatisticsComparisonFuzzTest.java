package io.splitscope.analysis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.sql.fuzz.TextFuzz;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyCorpusDocumentGivesAResultOrOneLine() {
        TextFuzz.corpus("compare").forEach(SufficientStatisticsComparisonFuzzTest::resultOrOneLine);
    }

    @Test
    void editedDocumentsGiveAResultOrOneLine() {
        Campaign.current().tries(600).forAll(TextFuzz.mutated(TextFuzz.corpus("compare"), TOKENS))
                .checkAssert(SufficientStatisticsComparisonFuzzTest::resultOrOneLine);
    }

    @Test
    void anyTextGivesAResultOrOneLine() {
        Campaign.current().tries(150).forAll(TextFuzz.anyText(255))
                .checkAssert(SufficientStatisticsComparisonFuzzTest::resultOrOneLine);
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
