package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one line naming the problem, a non-zero exit and no stack trace. */
class AnalyzeCommandErrorsTest {

    @TempDir
    Path folder;

    private Path warehouse() {
        return GoldenWarehouse.copyTo(folder);
    }

    private static CommandLineRun analyze(Path warehouse, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "analyze";
        args[1] = "--warehouse";
        args[2] = warehouse.toString();
        args[3] = "--format=json";
        System.arraycopy(more, 0, args, 4, more.length);
        return CommandLineRun.of(args);
    }

    private static void assertFailsWith(CommandLineRun run, String message) {
        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.lastErrorLine()).isEqualTo("splitscope: error: " + message);
        assertThat(run.stderr()).doesNotContain("\tat ");
        assertThat(run.stdout()).isEmpty();
    }

    private void replaceInFile(String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    /** A repeated metric would be a second row in the adjustment: exp_price's adjusted p 0.004 became 0.012 (issue 14). */
    @Test
    void aMetricAskedForTwice() {
        assertFailsWith(analyze(GoldenWarehouse.folder(), "--experiment", "exp_price", "--metrics",
                "play_rate,streaming_hours,play_rate"), "metric play_rate is asked for twice: name each metric once");
    }

    @Test
    void aWarehouseThatDoesNotExist() {
        Path missing = folder.resolve("no-such-warehouse");

        assertFailsWith(analyze(missing, "--experiment", "exp_autoplay"),
                "warehouse not found: " + missing + " does not exist");
    }

    @Test
    void aMissingTable() throws IOException {
        Files.delete(warehouse().resolve("playback.csv"));

        assertFailsWith(analyze(folder, "--experiment", "exp_autoplay"),
                "table playback is missing: expected playback.parquet or playback.csv in " + folder);
    }

    @Test
    void aMissingColumn() throws IOException {
        warehouse();
        replaceInFile("payments.csv", "\"amount\"", "\"amt\"");

        assertFailsWith(analyze(folder, "--experiment", "exp_autoplay"),
                "table payments (payments.csv): column amount is missing (found: unit_id, paid_at, amt)");
    }

    @Test
    void aNonNumericUnitId() throws IOException {
        warehouse();
        replaceInFile("exposures.csv", "\"exp_price\",4139579,", "\"exp_price\",\"member-4139579\",");

        assertFailsWith(analyze(folder, "--experiment", "exp_price"),
                "table exposures (exposures.csv): column unit_id holds 'member-4139579', which is not a whole number");
    }

    @Test
    void anUnknownExperiment() {
        assertFailsWith(analyze(GoldenWarehouse.folder(), "--experiment", "exp_nope"),
                "unknown experiment 'exp_nope' (known: exp_price, exp_autoplay)");
    }

    @Test
    void anUnknownMetric() {
        assertFailsWith(analyze(GoldenWarehouse.folder(), "--experiment", "exp_autoplay", "--metrics", "streaming_hours,watch_love"),
                "unknown metric 'watch_love' (known: streaming_hours, plays_per_member, active_days, play_rate, "
                        + "revenue_per_member, cancel_rate, rebuffer_rate, startup_ms_p50, startup_ms_p90, retention_d7)");
    }

    @Test
    void anExperimentThatEndsBeforeItStarts() throws IOException {
        warehouse();
        replaceInFile("experiments.csv", "\"2026-03-01\",\"2026-04-14\"", "\"2026-04-14\",\"2026-03-01\"");

        assertFailsWith(analyze(folder, "--experiment", "exp_autoplay"),
                "experiment exp_autoplay: end_date 2026-03-01 precedes start_date 2026-04-14");
    }

    /** A second row of exp_price in experiments.csv: refused when the warehouse opens, naming the id. */
    @Test
    void anExperimentOnTwoRows() throws IOException {
        warehouse();
        Path experiments = folder.resolve("experiments.csv");
        String row = Files.readAllLines(experiments).stream().filter(line -> line.startsWith("\"exp_price\"")).findFirst()
                .orElseThrow();
        Files.writeString(experiments, row + "\n", java.nio.file.StandardOpenOption.APPEND);

        assertFailsWith(analyze(folder, "--experiment", "exp_autoplay"),
                "table experiments: experiment_id 'exp_price' is on 2 rows, but an experiment has one");
    }

    /** An experiment id with a space and a slash: a path of the API could not name it. */
    @Test
    void anExperimentIdOutsideTheContractsCharacters() throws IOException {
        warehouse();
        replaceInFile("experiments.csv", "\"exp_price\",", "\"exp price/2\",");

        assertFailsWith(analyze(folder, "--experiment", "exp_autoplay"),
                "table experiments: experiment_id 'exp price/2' breaks the rule 1-64 characters of A-Za-z0-9_.-");
    }

    @Test
    void leavesAnExistingOutputFileAloneWhenItFails() throws IOException {
        Path out = Files.writeString(folder.resolve("scorecard.json"), "{\"kept\": true}");

        CommandLineRun run = analyze(GoldenWarehouse.folder(), "--experiment", "exp_nope", "--out", out.toString());

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(Files.readString(out)).isEqualTo("{\"kept\": true}");
    }

    @Test
    void showsTheStackTraceWithDebug() {
        CommandLineRun run = analyze(GoldenWarehouse.folder(), "--experiment", "exp_nope", "--debug");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr()).contains("splitscope: error: unknown experiment 'exp_nope'").contains("\tat ");
    }

    @Test
    void rejectsAnUnknownOptionWithTheUsage() {
        CommandLineRun run = analyze(GoldenWarehouse.folder(), "--experiment", "exp_autoplay", "--colour", "red");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr().lines()).containsExactly("splitscope: unknown option --colour",
                "usage: splitscope analyze [OPTIONS] (try: splitscope analyze --help)");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void rejectsAnUnknownFormat() {
        CommandLineRun run = CommandLineRun.of("analyze", "--warehouse", "x", "--experiment", "e", "--format", "xml");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr()).startsWith("splitscope: option --format takes json or table, not 'xml'");
    }
}
