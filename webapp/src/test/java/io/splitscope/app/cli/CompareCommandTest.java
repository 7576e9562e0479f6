package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code compare} reproduces the golden scorecards' {@code welch_t}, {@code cuped} and
 * {@code delta_ratio} rows (shared/golden/streaming-small/expected, an independent R implementation)
 * from the sufficient statistics of the same units, which stats/src/test/r/golden-inputs.R computes
 * from the golden warehouse's CSV files (R 4.2.2). Relative tolerance 1e-9, the golden contract's.
 * {@code p_value_adjusted} is Benjamini–Hochberg over the compared rows only (R
 * {@code p.adjust(p, "BH")}), not over a whole scorecard as in the golden files.
 */
class CompareCommandTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final double TOLERANCE = 1e-9;
    private static final List<String> FIELDS = List.of("control_value", "treatment_value", "absolute_effect",
            "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high", "p_value",
            "p_value_adjusted");

    record Row(String variant, long nControl, long nTreatment, double[] values) {
    }

    private static Row row(String variant, long nControl, long nTreatment, double... values) {
        return new Row(variant, nControl, nTreatment, values);
    }

    static Stream<Arguments> golden() {
        return Stream.of(
            // welch_t|exp_price|revenue_per_member: inputs golden-inputs.R (exp_price revenue_per_member), expected exp_price.json with p_value_adjusted = R p.adjust(p, "BH") over these rows
            Arguments.of("welch_t exp_price revenue_per_member", "{\"method\": \"welch_t\", \"variants\": [{\"name\": \"control\", \"n\": 509, \"sum\": 6304.08, \"sum_squares\": 109554.56559999999}, {\"name\": \"price_up_1\", \"n\": 221, \"sum\": 2995.59, \"sum_squares\": 56220.9473}, {\"name\": \"price_up_2\", \"n\": 250, \"sum\": 3558.29, \"sum_squares\": 71710.6883}]}",
                    List.of(
                    row("price_up_1", 509, 221, 12.385225933202358, 13.554705882352941, 1.169479949150583, -0.13895763686859164, 2.4779175351697575, 0.09442540293233061, -0.014052748508244756, 0.20290355437290597, 0.079658394914698, 0.079658394914698),
                    row("price_up_2", 509, 250, 12.385225933202358, 14.23316, 1.8479340667976416, 0.5147101147351827, 3.1811580188601005, 0.14920471186913864, 0.03708504144876437, 0.26132438228951294, 0.0067056358851730535, 0.013411271770346107))),
            // cuped|exp_price|revenue_per_member: inputs golden-inputs.R (exp_price revenue_per_member), expected exp_price.cuped.json with p_value_adjusted = R p.adjust(p, "BH") over these rows
            Arguments.of("cuped exp_price revenue_per_member", "{\"method\": \"cuped\", \"variants\": [{\"name\": \"control\", \"n\": 509, \"sum\": 6304.08, \"sum_squares\": 109554.56559999999, \"covariate_sum\": 3149.68, \"covariate_sum_squares\": 53896.5236, \"sum_product\": 39842.6654}, {\"name\": \"price_up_1\", \"n\": 221, \"sum\": 2995.59, \"sum_squares\": 56220.9473, \"covariate_sum\": 1377.56, \"covariate_sum_squares\": 24251.7336, \"sum_product\": 22210.2448}, {\"name\": \"price_up_2\", \"n\": 250, \"sum\": 3558.29, \"sum_squares\": 71710.6883, \"covariate_sum\": 1648.07, \"covariate_sum_squares\": 28211.6839, \"sum_product\": 23996.246499999997}]}",
                    List.of(
                    row("price_up_1", 509, 221, 12.393674641361018, 13.559776402654071, 1.1661017612930529, -0.12922312126150626, 2.461426643847612, 0.09408846004408235, -0.013280853642411633, 0.20145777373057633, 0.07752352414333501, 0.07752352414333501),
                    row("price_up_2", 509, 250, 12.393674641361018, 14.211476090242769, 1.8178014488817507, 0.4838321182085703, 3.151770779554931, 0.1466717096812643, 0.0346410333364604, 0.2587023860260682, 0.007680507381035037, 0.015361014762070075))),
            // cuped|exp_autoplay|streaming_hours: inputs golden-inputs.R (exp_autoplay streaming_hours), expected exp_autoplay.cuped.json
            Arguments.of("cuped exp_autoplay streaming_hours", "{\"method\": \"cuped\", \"variants\": [{\"name\": \"control\", \"n\": 863, \"sum\": 2760.8171944444443, \"sum_squares\": 23170.434693440588, \"covariate_sum\": 5871.6375, \"covariate_sum_squares\": 90012.08785446451, \"sum_product\": 35822.85793736034}, {\"name\": \"previews\", \"n\": 897, \"sum\": 3182.8468055555554, \"sum_squares\": 29749.71422747454, \"covariate_sum\": 6038.562638888889, \"covariate_sum_squares\": 94071.71736471374, \"sum_product\": 41803.56635948534}]}",
                    List.of(
                    row("previews", 863, 897, 3.185866702946902, 3.5610490918136275, 0.3751823888667256, 0.06614051617848382, 0.6842242615549674, 0.11776462226736757, 0.015306793288785009, 0.22022245124595013, 0.01736841494899858, 0.01736841494899858))),
            // delta_ratio|exp_price|rebuffer_rate: inputs golden-inputs.R (exp_price rebuffer_rate), expected exp_price.json with p_value_adjusted = R p.adjust(p, "BH") over these rows
            Arguments.of("delta_ratio exp_price rebuffer_rate", "{\"method\": \"delta_ratio\", \"variants\": [{\"name\": \"control\", \"n\": 781, \"numerator_sum\": 825.0, \"numerator_sum_squares\": 3175.0, \"denominator_sum\": 2427.9001944444444, \"denominator_sum_squares\": 21524.301001388118, \"numerator_denominator_sum_product\": 6418.565305555556}, {\"name\": \"price_up_1\", \"n\": 342, \"numerator_sum\": 370.0, \"numerator_sum_squares\": 1218.0, \"denominator_sum\": 1021.2215, \"denominator_sum_squares\": 8461.722062915123, \"numerator_denominator_sum_product\": 2423.7381944444446}, {\"name\": \"price_up_2\", \"n\": 376, \"numerator_sum\": 437.0, \"numerator_sum_squares\": 1627.0, \"denominator_sum\": 1134.8646944444445, \"denominator_sum_squares\": 8826.575228097994, \"numerator_denominator_sum_product\": 2983.1993333333335}]}",
                    List.of(
                    row("price_up_1", 781, 342, 0.3397997997972802, 0.36231121260177157, 0.02251141280449137, -0.03191256254584931, 0.07693538815483206, 0.06624904669726517, -0.09702084149691373, 0.22951893489144407, 0.4175375351225406, 0.4175375351225406),
                    row("price_up_2", 781, 376, 0.3397997997972802, 0.38506793112805976, 0.04526813133077956, -0.0072302113439590004, 0.09776647400551812, 0.13322000589107438, -0.02788418390605496, 0.2943241956882037, 0.09102173078407637, 0.18204346156815274))),
            // welch_t|exp_autoplay|streaming_hours: inputs golden-inputs.R (exp_autoplay streaming_hours), expected exp_autoplay.json
            Arguments.of("welch_t exp_autoplay streaming_hours", "{\"method\": \"welch_t\", \"variants\": [{\"name\": \"control\", \"n\": 863, \"sum\": 2760.8171944444443, \"sum_squares\": 23170.434693440588}, {\"name\": \"previews\", \"n\": 897, \"sum\": 3182.8468055555554, \"sum_squares\": 29749.71422747454}]}",
                    List.of(
                    row("previews", 863, 897, 3.1990929251963434, 3.548324197943763, 0.34923127274741983, -0.0538559075695893, 0.7523184530644289, 0.1091657169433382, -0.023288844437096654, 0.24162027832377303, 0.08944581308414218, 0.08944581308414218))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void reproducesTheGoldenRowsFromSufficientStatistics(String name, String input, List<Row> expected,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("input.json");
        Files.writeString(file, input);
        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());
        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode out = JSON.readTree(run.stdout());
        assertThat(out.get("method").stringValue()).isEqualTo(JSON.readTree(input).get("method").stringValue());
        JsonNode results = out.get("results");
        assertThat(results).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Row e = expected.get(i);
            JsonNode r = results.get(i);
            assertThat(r.get("variant").stringValue()).isEqualTo(e.variant());
            assertThat(r.get("method").stringValue()).isEqualTo(out.get("method").stringValue());
            assertThat(r.get("n_control").longValue()).isEqualTo(e.nControl());
            assertThat(r.get("n_treatment").longValue()).isEqualTo(e.nTreatment());
            assertThat(r.get("incomplete_units").longValue()).isZero();
            assertThat(r.get("status").stringValue()).isEqualTo("ok");
            assertThat(r.has("metric")).isFalse();
            assertThat(r.has("type")).isFalse();
            for (int f = 0; f < FIELDS.size(); f++) {
                double expectedValue = e.values()[f];
                assertThat(r.get(FIELDS.get(f)).isNumber()).as(FIELDS.get(f)).isTrue();
                assertThat(r.get(FIELDS.get(f)).doubleValue()).as(e.variant() + " " + FIELDS.get(f))
                        .isCloseTo(expectedValue, org.assertj.core.data.Offset.offset(TOLERANCE * Math.abs(expectedValue)));
            }
        }
    }

    @Test
    void givesIntervalsAtTheConfidenceLevelOfTheInput(@TempDir Path dir) throws IOException {
        String input = goldenInput("welch_t exp_autoplay streaming_hours");
        for (var level : List.of(new double[] {0.90, 0.011004770141674503, 0.68745777535316521},
                new double[] {0.99, -0.18072669071323466, 0.87918923620807432})) {
            Path file = dir.resolve("input-" + level[0] + ".json");
            Files.writeString(file, input.replace("{\"method\"", "{\"confidence_level\": " + level[0] + ", \"method\""));
            CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());
            assertThat(run.status()).as(run.stderr()).isZero();
            JsonNode out = JSON.readTree(run.stdout());
            JsonNode row = out.get("results").get(0);
            // R 4.2.2 from these totals: m <- sum/n; v <- (sum_squares - n*m^2)/(n-1); se, Welch df; d ± qt((1 + level)/2, df) * se
            assertThat(out.get("confidence_level").doubleValue()).isEqualTo(level[0]);
            assertThat(row.get("absolute_ci_low").doubleValue()).isCloseTo(level[1], org.assertj.core.data.Offset.offset(Math.abs(level[1]) * TOLERANCE));
            assertThat(row.get("absolute_ci_high").doubleValue()).isCloseTo(level[2], org.assertj.core.data.Offset.offset(level[2] * TOLERANCE));
            // the p-value does not depend on the level: golden exp_autoplay.json
            assertThat(row.get("p_value").doubleValue()).isCloseTo(0.08944581308414218, org.assertj.core.data.Offset.offset(0.08944581308414218 * TOLERANCE));
        }
    }

    @Test
    void readsStandardInput() {
        String input = """
                {"method": "welch_t", "variants": [
                  {"name": "control",   "n": 3407, "sum": 1396.87, "sum_squares": 52377.9767},
                  {"name": "treatment", "n": 3461, "sum": 2422.7,  "sum_squares": 134698.29}]}
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"compare", "--input", "-"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode row = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("results").get(0);
        // GrowthBook gbstats packages/stats/tests/frequentist/test_tests.py, test_two_sided_ttest (same
        // inputs, relative effect): uplift 0.70732 ± 0.30435 (sd), p-value 0.02016 (5 decimals)
        assertThat(row.get("relative_effect").doubleValue()).isCloseTo(0.70732, org.assertj.core.data.Offset.offset(5e-6));
        assertThat(row.get("p_value").doubleValue()).isCloseTo(0.02016, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(row.get("p_value_adjusted").doubleValue()).isEqualTo(row.get("p_value").doubleValue());
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of("{\"method\": \"welch_t\", ", "the input is not valid JSON"),
                Arguments.of("[]", "the input must be a JSON object"),
                Arguments.of("{\"variants\": []}", "the input needs \"method\""),
                Arguments.of("{\"method\": \"bootstrap_quantile\", \"variants\": []}",
                        "method 'bootstrap_quantile' cannot be compared from sufficient statistics (supported: welch_t, cuped, delta_ratio)"),
                Arguments.of("{\"method\": \"welch_t\", \"variants\": [{\"name\": \"a\", \"n\": 2, \"sum\": 1, \"sum_squares\": 1}]}",
                        "an array of at least two variants"),
                Arguments.of("{\"method\": \"welch_t\", \"extra\": 1, \"variants\": []}", "unknown field 'extra' in the input"),
                Arguments.of("{\"method\": \"welch_t\", \"varaints\": []}",
                        "unknown field 'varaints' in the input (did you mean 'variants'?)"),
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1", "\"sum\": 3"),
                        "variant 'treatment': missing field 'sum_squares'"),
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1", "\"sum\": 3, \"sum_squares\": \"9\""),
                        "variant 'treatment': field 'sum_squares' must be a number, got \"9\""),
                Arguments.of(twoVariants("\"sum\": 1, \"sum_square\": 1", "\"sum\": 3, \"sum_squares\": 9"),
                        "variant 'control': unknown field 'sum_square' (did you mean 'sum_squares'?); welch_t takes n, sum, sum_squares"),
                // a field no method knows is refused, with the nearest known name, also when another method's fields are ignored
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1", "\"sum\": 3, \"sum_sqares\": 9, \"covariate_sum\": 2"),
                        "variant 'treatment': unknown field 'sum_sqares' (did you mean 'sum_squares'?); welch_t takes n, sum, sum_squares"),
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1, \"covariate_sum_sqares\": 1", "\"sum\": 3, \"sum_squares\": 9"),
                        "variant 'control': unknown field 'covariate_sum_sqares' (did you mean 'covariate_sum_squares'?); welch_t takes"),
                Arguments.of("{\"method\": \"delta_ratio\", \"variants\": [{\"name\": \"c\", \"n\": 2, \"numerator_sums\": 1},"
                        + " {\"name\": \"t\", \"n\": 3}]}",
                        "variant 'c': unknown field 'numerator_sums' (did you mean 'numerator_sum'?); delta_ratio takes n, numerator_sum,"),
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1", "\"sum\": 3, \"sum_squares\": 9, \"revenue\": 9"),
                        "variant 'treatment': unknown field 'revenue'; welch_t takes n, sum, sum_squares"),
                // another method's field is ignored, but the error is still the only line
                Arguments.of(twoVariants("\"sum\": 1, \"sum_squares\": 1, \"sum_product\": 1", "\"sum\": 3"),
                        "variant 'treatment': missing field 'sum_squares'"),
                Arguments.of(twoVariants("\"sum\": 10, \"sum_squares\": 1", "\"sum\": 3, \"sum_squares\": 9"),
                        "variant 'control': fields 'sum' and 'sum_squares' are inconsistent: inconsistent sums"),
                Arguments.of("{\"method\": \"welch_t\", \"variants\": [{\"name\": \"c\", \"n\": 1, \"sum\": 1, \"sum_squares\": 1},"
                        + " {\"name\": \"t\", \"n\": 3, \"sum\": 1, \"sum_squares\": 1}]}",
                        "variant 'c': n = 1, but a comparison needs at least 2 units per variant"),
                Arguments.of("{\"method\": \"welch_t\", \"variants\": [{\"name\": \"c\", \"n\": 2.5, \"sum\": 1, \"sum_squares\": 1},"
                        + " {\"name\": \"t\", \"n\": 3, \"sum\": 1, \"sum_squares\": 1}]}",
                        "variant 'c': field 'n' must be a whole number, got 2.5"),
                Arguments.of("{\"method\": \"welch_t\", \"variants\": [{\"name\": \"c\", \"n\": 2, \"sum\": 1, \"sum_squares\": 1},"
                        + " {\"name\": \"c\", \"n\": 3, \"sum\": 1, \"sum_squares\": 1}]}",
                        "two variants are named 'c'"),
                Arguments.of("{\"method\": \"welch_t\", \"variants\": [{\"n\": 2, \"sum\": 1, \"sum_squares\": 1},"
                        + " {\"name\": \"c\", \"n\": 3, \"sum\": 1, \"sum_squares\": 1}]}",
                        "variant #1 needs a \"name\""),
                Arguments.of("{\"method\": \"delta_ratio\", \"variants\": [{\"name\": \"c\", \"n\": 2, \"numerator_sum\": 1,"
                        + " \"numerator_sum_squares\": 1, \"denominator_sum\": 2, \"denominator_sum_squares\": 2},"
                        + " {\"name\": \"t\", \"n\": 3}]}",
                        "variant 'c': missing field 'numerator_denominator_sum_product'"),
                Arguments.of("{\"method\": \"welch_t\", \"confidence_level\": 1.5, \"variants\": []}",
                        "\"confidence_level\": confidence level must be a percentage"),
                Arguments.of("{\"method\": \"welch_t\", \"confidence_level\": [0.9], \"variants\": []}",
                        "\"confidence_level\" must be a number such as 0.95, got [0.9]"),
                Arguments.of("{\"method\": \"welch_t\", \"confidence_levl\": 0.9, \"variants\": []}",
                        "unknown field 'confidence_levl' in the input (did you mean 'confidence_level'?)"),
                Arguments.of("{\"method\": \"cuped\", \"method\": \"cuped\", \"variants\": []}", "the input is not valid JSON"),
                // (1e308)² / 4 is beyond Double.MAX_VALUE (1.8e308): not a negative variance, an overflow
                Arguments.of(twoVariants("\"sum\": 1e308, \"sum_squares\": 1e308", "\"sum\": 3, \"sum_squares\": 9"),
                        "variant 'control': field 'sum' = 1.0E308 is too large: sum² / n overflows a double (above 1.8e308)"),
                Arguments.of("{\"method\": \"delta_ratio\", \"variants\": [{\"name\": \"c\", \"n\": 2, \"numerator_sum\": 1,"
                        + " \"numerator_sum_squares\": 1, \"denominator_sum\": -1e200, \"denominator_sum_squares\": 1e300,"
                        + " \"numerator_denominator_sum_product\": 0}, {\"name\": \"t\", \"n\": 3}]}",
                        "variant 'c': field 'denominator_sum' = -1.0E200 is too large: sum² / n overflows a double"));
    }

    private static String twoVariants(String control, String treatment) {
        return "{\"method\": \"welch_t\", \"variants\": [{\"name\": \"control\", \"n\": 4, " + control
                + "}, {\"name\": \"treatment\", \"n\": 5, " + treatment + "}]}";
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidInputs")
    void invalidInputIsOneLineAndExitStatus1(String input, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, input);
        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());
        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).startsWith("splitscope: error: ").contains(message);
    }

    private static String goldenInput(String name) {
        return golden().map(Arguments::get).filter(a -> a[0].equals(name)).map(a -> (String) a[1]).findFirst().orElseThrow();
    }

    @Test
    void anotherMethodsFieldsAreIgnoredWithOneNoteOnStandardError(@TempDir Path dir) throws IOException {
        // the golden cuped input (covariate sums too) compared with welch_t: the welch_t golden output
        String cupedInput = goldenInput("cuped exp_price revenue_per_member");
        Path file = dir.resolve("cuped-as-welch.json");
        Files.writeString(file, cupedInput.replace("\"method\": \"cuped\"", "\"method\": \"welch_t\""));
        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEqualTo(
                "splitscope: note: welch_t ignores covariate_sum, covariate_sum_squares, sum_product" + System.lineSeparator());
        Path welch = dir.resolve("welch.json");
        Files.writeString(welch, goldenInput("welch_t exp_price revenue_per_member"));
        CommandLineRun reference = CommandLineRun.of("compare", "--input", welch.toString());
        assertThat(reference.stderr()).isEmpty();
        assertThat(JSON.readTree(run.stdout())).isEqualTo(JSON.readTree(reference.stdout()));
    }

    @Test
    void ignoredFieldsAreNamedOnceInTheOrderTheyFirstAppearAndNotChecked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, twoVariants("\"sum\": 1, \"sum_squares\": 1, \"numerator_sum\": \"n/a\"",
                "\"sum\": 3, \"sum_squares\": 9, \"covariate_sum\": null, \"numerator_sum\": 4"));
        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr().lines().toList()).containsExactly("splitscope: note: welch_t ignores numerator_sum, covariate_sum");
        assertThat(JSON.readTree(run.stdout()).get("results")).hasSize(1);
    }

    @Test
    void inputThatIsNotUtf8IsNamedWithItsByteOffset(@TempDir Path dir) throws IOException {
        // Latin-1 "é" (0xE9) in the control's name: byte 48 (from 0), after the 48 of {"method": "welch_t", "variants": [{"name": "caf
        byte[] latin1 = twoVariants("\"sum\": 1, \"sum_squares\": 1", "\"sum\": 3, \"sum_squares\": 9")
                .replace("\"control\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.json"), latin1);
        String expected = "splitscope: error: the input is not UTF-8 text (byte 48); save it as UTF-8";

        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());
        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().lines()).containsExactly(expected);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"compare", "--input", "-"}, new ByteArrayInputStream(latin1),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(expected);
    }

    @Test
    void inputLargerThanTheCapIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        // a 44 MB document took 3.8 GB of heap; sufficient statistics are some 200 bytes per variant
        Path file = dir.resolve("big.json");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("{\"method\": \"welch_t\", \"variants\": [");
            for (int i = 0; i < 20_000; i++) {
                out.write("{\"name\": \"v" + i + "\", \"n\": 4, \"sum\": 1, \"sum_squares\": 1}, ");
            }
            out.write("{\"name\": \"last\", \"n\": 4, \"sum\": 1, \"sum_squares\": 1}]}");
        }
        long size = Files.size(file);

        CommandLineRun run = CommandLineRun.of("compare", "--input", file.toString());
        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().lines()).containsExactly("splitscope: error: " + file + " is " + size
                + " bytes; compare reads at most 1048576 (1 MiB: sufficient statistics take some 200 bytes per variant)");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"compare", "--input", "-"}, Files.newInputStream(file),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly("splitscope: error: standard input is more than"
                + " 1048576 bytes; compare reads at most 1048576 (1 MiB: sufficient statistics take some 200 bytes per variant)");
    }

    @Test
    void usageAndMissingFile(@TempDir Path dir) {
        CommandLineRun run = CommandLineRun.of("compare");
        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr().lines()).containsExactly("splitscope: missing required option: '--input=FILE|-'",
                "usage: splitscope compare [-h] [--debug] --input=FILE|- (try: splitscope compare --help)");
        run = CommandLineRun.of("compare", "--input", dir.resolve("nope.json").toString());
        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.lastErrorLine()).endsWith("nope.json: no such file");
        assertThat(CommandLineRun.of("help", "compare").stdout())
                .startsWith("Usage: splitscope compare [-h] [--debug] --input=FILE|-")
                .contains("      --input=FILE|-   The JSON document to read; - for standard input.");
    }
}
