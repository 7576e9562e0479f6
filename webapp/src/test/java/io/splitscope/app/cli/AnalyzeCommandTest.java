package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.analysis.WaitingProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze} on the golden warehouse against the reference scorecards in
 * {@code golden/streaming-small/expected/} (computed in R 4.2.2 by an independent implementation of
 * the specs), for the whole catalog, default and {@code --cuped}, as the golden README requires
 * ({@link ReferenceScorecards}).
 */
class AnalyzeCommandTest {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"exp_autoplay,''", "exp_price,''", "exp_autoplay,.cuped", "exp_price,.cuped"})
    void reproducesTheGoldenScorecard(String experiment, String variant) throws IOException {
        JsonNode expected = JSON.readTree(Files.readString(GoldenWarehouse.expected(experiment + variant + ".json")));
        // the golden metrics: the catalog has grown examples of later types since
        String metrics = String.join(",", ReferenceScorecards.metrics(expected));
        boolean cuped = !variant.isEmpty();
        CommandLineRun run = cuped
                ? CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(), "--experiment",
                        experiment, "--metrics", metrics, "--cuped", "--format", "json")
                : CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(), "--experiment",
                        experiment, "--metrics", metrics, "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode actual = JSON.readTree(run.stdout());

        ReferenceScorecards.assertReproduces(actual, expected);
    }

    /** With only some metrics, the adjustment runs over the rows of that scorecard. */
    @Test
    void adjustsPValuesOverTheRowsOfTheScorecard() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_price", "--metrics", "streaming_hours,play_rate", "--format", "json");

        JsonNode rows = JSON.readTree(run.stdout()).get("results");
        // R 4.2.2: p.adjust(c(0.6414750630774805, 0.714853656109318, 0.9678675113933684, 0.40458861306853544), "BH")
        //   -> 0.953138208145757 0.953138208145757 0.967867511393368 0.953138208145757
        //   (the p-values of these four rows in golden exp_price.json)
        List<Double> adjusted = new ArrayList<>();
        rows.forEach(row -> adjusted.add(row.get("p_value_adjusted").asDouble()));
        assertThat(adjusted).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
                .containsExactly(0.953138208145757, 0.953138208145757, 0.967867511393368, 0.953138208145757);
    }

    @Test
    void printsAReadableTable() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours");

        assertThat(run.status()).as(run.stderr()).isZero();
        // Values from golden exp_autoplay.json, streaming_hours: 3.1990929..., 3.5483241..., p 0.0894458...
        assertThat(run.stdout())
                .contains("exp_autoplay - Autoplay previews on the home page")
                .contains("units: control 863, previews 897; crossovers 8; invalid exposures 4")
                .containsPattern("streaming_hours +previews +863/897 +3\\.199 h +3\\.548 h .* 0\\.089 ");
    }

    @Test
    void printsTheBayesianTableWithTheChanceToBeatControlInEachMetricsDirection() {
        String[] args = {"analyze", "--warehouse", GoldenWarehouse.folder().toString(), "--experiment", "exp_autoplay",
                "--metrics", "streaming_hours,cancel_rate,rebuffer_rate", "--method", "bayesian"};
        CommandLineRun table = CommandLineRun.of(args);
        CommandLineRun json = CommandLineRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--format", "json")).toArray(String[]::new));

        assertThat(table.status()).as(table.stderr()).isZero();
        JsonNode cancels = JSON.readTree(json.stdout()).get("results").get(1);
        assertThat(cancels.get("metric").asString()).isEqualTo("cancel_rate");
        // cancel_rate is lower is better: P(treatment < control) = 1 − chance_to_beat_control, the loss E[max(t − c, 0)]
        String chance = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (1 - cancels.get("chance_to_beat_control").asDouble()));
        String loss = String.format(java.util.Locale.ROOT, "%.4g", cancels.get("expected_loss_control").asDouble());
        assertThat(table.stdout()).contains("P(beat control)", "exp. loss", "[95% CrI]").doesNotContain("p adj.")
                .containsPattern("cancel_rate +previews .* " + java.util.regex.Pattern.quote(chance) + " +"
                        + java.util.regex.Pattern.quote(loss) + " +ok")
                .containsPattern("rebuffer_rate .* p 0\\.\\d{3} +- +ok");
    }

    @Test
    void slicesTheScorecardBySegment() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "play_rate", "--segment", "device", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode rows = JSON.readTree(run.stdout()).get("results");
        List<String> segments = new ArrayList<>();
        long control = 0;
        long treatment = 0;
        long incomplete = 0;
        for (JsonNode row : rows) {
            segments.add(row.get("segment").asString());
            control += row.get("n_control").asLong();
            treatment += row.get("n_treatment").asLong();
            incomplete += row.get("incomplete_units").asLong();
        }
        // The segments partition the population of golden exp_autoplay.json's play_rate row (863 / 897, none incomplete);
        // units missing from members.csv read "unknown".
        assertThat(segments).containsExactly("mobile", "tablet", "tv", "unknown", "web");
        assertThat(List.of(control, treatment, incomplete)).containsExactly(863L, 897L, 0L);
    }

    @Test
    void comparesMeansTheBayesianWayOnRequest() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours,rebuffer_rate", "--method", "bayesian",
                "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode rows = JSON.readTree(run.stdout()).get("results");
        assertThat(rows.get(0).get("method").asString()).isEqualTo("bayesian");
        assertThat(rows.get(0).get("chance_to_beat_control").asDouble()).isBetween(0.0, 1.0);
        // Ratio metrics keep their own method.
        assertThat(rows.get(1).get("method").asString()).isEqualTo("delta_ratio");
    }

    @Test
    void comparesEachUnitsValueWhenTheMethodNeedsThem() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours", "--method", "mann_whitney", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode row = JSON.readTree(run.stdout()).get("results").get(0);
        assertThat(row.get("n_control").asLong()).isEqualTo(863);
        assertThat(row.get("n_treatment").asLong()).isEqualTo(897);
        // R 4.2.2: wilcox.test(round(yt, 9), round(yc, 9), exact = FALSE, correct = TRUE)$p.value on the golden units'
        // streaming hours (stats/src/test/resources/io/splitscope/stats/r/golden-units.csv, from r-methods-golden.R)
        // = 0.23245154204147003. Rounded, because ranks depend on exact ties: two units whose hours are equal in exact
        // arithmetic differ in the file's last bit (without rounding R gives 0.23247004708255234).
        assertThat(row.get("p_value").asDouble()).isCloseTo(0.23245154204147003, within(0.23245154204147003 * 1e-9));
    }

    @Test
    void runsMethodsWrittenInRLikeJavaOnes() {
        CommandLineRun welch = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours", "--method", "r_welch_t", "--format", "json");
        CommandLineRun ancova = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours", "--method", "r_ancova", "--format", "json");

        assertThat(welch.status()).as(welch.stderr()).isZero();
        JsonNode row = JSON.readTree(welch.stdout()).get("results").get(0);
        assertThat(row.get("method").asString()).isEqualTo("r_welch_t");
        // golden exp_autoplay.json, streaming_hours / previews (welch_t); R and Java agree to 1e-8.
        assertThat(row.get("p_value").asDouble()).isCloseTo(0.089445813084142178, within(0.089445813084142178 * 1e-8));
        assertThat(row.get("absolute_ci_low").asDouble()).isCloseTo(-0.053855907569589301, within(0.053855907569589301 * 1e-8));
        assertThat(ancova.status()).as(ancova.stderr()).isZero();
        // R 4.2.2: coef(lm(y ~ t + x))["t"] on the golden units (golden-units.csv) = 0.3751906090599974
        assertThat(JSON.readTree(ancova.stdout()).get("results").get(0).get("absolute_effect").asDouble())
                .isCloseTo(0.3751906090599974, within(0.3751906090599974 * 1e-8));
    }

    @Test
    void verifiesTheNumbersInRWhenAsked() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_price", "--cuped", "--verify-r", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        // The seven mean and proportion metrics (day-7 retention is a proportion) use cuped, whose twin
        // is r_cuped; R and Java agree to 1e-8.
        assertThat(run.stderr()).contains("streaming_hours: cuped = r_cuped: largest relative difference",
                        "retention_d7: cuped = r_cuped: largest relative difference")
                .containsPattern("verified in R: 7 metric\\(s\\), largest relative difference \\d\\.\\de-(09|1\\d)");
        assertThat(JSON.readTree(run.stdout()).get("results")).hasSize(20);
    }

    @Test
    void givesIntervalsAtTheConfidenceLevelAskedForAndVerifiesThemInR() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours", "--confidence", "90", "--verify-r",
                "--format", "json");
        CommandLineRun table = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "streaming_hours", "--confidence", "99");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode scorecard = JSON.readTree(run.stdout());
        assertThat(scorecard.get("confidence_level").asDouble()).isEqualTo(0.90);
        // R 4.2.2: Welch's interval on the golden units' totals at conf.level 0.90 (as t.test gives it)
        JsonNode row = scorecard.get("results").get(0);
        assertThat(row.get("absolute_ci_low").asDouble()).isCloseTo(0.011004770141674503, within(0.011004770141674503 * 1e-9));
        assertThat(row.get("absolute_ci_high").asDouble()).isCloseTo(0.68745777535316521, within(0.68745777535316521 * 1e-9));
        assertThat(run.stderr()).contains("streaming_hours: welch_t = r_welch_t: largest relative difference");
        assertThat(table.status()).as(table.stderr()).isZero();
        assertThat(table.stdout()).contains("abs. effect [99% CI]", "rel. effect [99% CI]");
    }

    @Test
    void rejectsALevelThatIsNotAPercentage() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", "x", "--experiment", "e", "--confidence", "100");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr().strip().lines()).hasSize(2); // the message and where to read the usage
        assertThat(run.stderr()).contains("confidence level must be a percentage from 50 to 99.9", "got 100");
    }

    @Test
    void rejectsCupedTogetherWithAnotherMethod() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", "x", "--experiment", "e", "--cuped",
                "--method", "bayesian");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr()).startsWith("splitscope: give --cuped or --method, not both");
    }

    @Test
    void slicesTheScorecardByTwoDimensionsTheirCrossProduct() {
        CommandLineRun json = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "play_rate", "--segment", "device,country", "--format", "json");
        CommandLineRun table = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--metrics", "play_rate", "--segment", "device,country");

        assertThat(json.status()).as(json.stderr()).isZero();
        long control = 0;
        long treatment = 0;
        List<String> segments = new ArrayList<>();
        for (JsonNode row : JSON.readTree(json.stdout()).get("results")) {
            segments.add(row.get("segment").asString());
            control += row.get("n_control").asLong();
            treatment += row.get("n_treatment").asLong();
        }
        // device first, as asked; units without a members row are unknown on both; together the whole population
        assertThat(segments).contains("web × GB", "unknown × unknown").allMatch(s -> s.contains(" × "));
        assertThat(List.of(control, treatment)).containsExactly(863L, 897L);
        assertThat(table.stdout()).contains("web × GB / previews");
    }

    @Test
    void rejectsAThirdSegmentDimension() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--segment", "country,device,plan");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().strip()).isEqualTo(
                "splitscope: error: segment 'country,device,plan' names 3 dimensions: at most 2 at once");
    }

    @Test
    void rejectsAnUnknownSegmentDimension() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_autoplay", "--segment", "age");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr()).contains("splitscope: error: unknown segment dimension 'age' (known: country, device, plan)");
    }

    /** Experiments that cannot be compared yet ({@link WaitingProject}): exit 0, and the output says what they wait for. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"no_exposures,waiting_for_exposures,no exposures yet between 2026-05-01 and 2026-05-28",
            "one_arm,waiting_for_variants,only one variant (control) has units",
            "single,waiting_for_variants,only one variant (control) has units"})
    void saysWhatAnExperimentWaitsFor(String experiment, String status, String waitingFor, @TempDir Path folder) {
        String project = WaitingProject.writeTo(folder).toString();

        CommandLineRun json = CommandLineRun.of("analyze", "--project", project, "--experiment", experiment, "--format", "json");
        CommandLineRun table = CommandLineRun.of("analyze", "--project", project, "--experiment", experiment);

        assertThat(json.status()).as(json.stderr()).isZero();
        JsonNode scorecard = JSON.readTree(json.stdout());
        assertThat(scorecard.get("status").asString()).isEqualTo(status);
        assertThat(scorecard.get("waiting_for").asString()).isEqualTo(waitingFor);
        assertThat(scorecard.get("results").size()).isZero();
        assertThat(table.status()).as(table.stderr()).isZero();
        assertThat(table.stdout()).endsWith("status: " + status + " (" + waitingFor + "): nothing to compare yet\n");
    }

    /** {@code --verify-r} on an experiment with no rows: nothing for R to recompute (before, it "verified" an empty arm). */
    @Test
    void hasNothingToVerifyInRWhileAnExperimentWaits(@TempDir Path folder) {
        String project = WaitingProject.writeTo(folder).toString();

        CommandLineRun run = CommandLineRun.of("analyze", "--project", project, "--experiment", "one_arm", "--verify-r");

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("splitscope: --verify-r: nothing to verify yet (only one variant (control) has units)")
                .doesNotContain("recomputing in R");
    }

    /** A declared variant of the streaming contract that no unit saw: the others have units, that one is awaited. */
    @Test
    void namesADeclaredVariantWithoutUnits(@TempDir Path folder) throws IOException {
        GoldenWarehouse.copyTo(folder);
        Path variants = folder.resolve("variants.csv");
        Files.writeString(variants, Files.readString(variants).replace("\"exp_autoplay\",\"previews\",0.5",
                "\"exp_autoplay\",\"previews\",0.25\n\"exp_autoplay\",\"dark_mode\",0.25"));

        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", folder.toString(), "--experiment", "exp_autoplay",
                "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode scorecard = JSON.readTree(run.stdout());
        assertThat(scorecard.get("status").asString()).isEqualTo("waiting_for_variants");
        assertThat(scorecard.get("waiting_for").asString()).isEqualTo("variant 'dark_mode' has no units yet");
        // golden exp_autoplay.json: 863 control and 897 previews units
        assertThat(scorecard.get("population").get("units").toString())
                .isEqualTo("{\"control\":863,\"dark_mode\":0,\"previews\":897}");
    }
}
