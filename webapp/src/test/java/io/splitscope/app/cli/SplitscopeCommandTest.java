package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help is generated from the commands' definitions: {@code help}, {@code --help}, {@code COMMAND --help}. */
class SplitscopeCommandTest {

    private static final String HELP = """
            Usage: splitscope [-h] [--debug] COMMAND
            Analyse A/B tests on the data in your warehouse.
              -h, --help    Show this help and exit.
                  --debug   Print the stack trace of an error.
            Commands:
              check          Validate a project file against its warehouse.
              analyze        Analyse one experiment: its scorecard.
              compare        Compare variants from their sufficient statistics.
              metrics        List the metric catalog.
              generate       Generate a synthetic warehouse.
              load           Copy a warehouse into PostgreSQL.
              serve          Serve the web app and the REST API.
              hash-password  Print the bcrypt hash of a password, for a users file.
              completion     Print a bash completion script.
              help           Display help information about the specified command.

            SOURCE is a folder of CSV or Parquet files named after the tables, a DuckDB
            database file, or a JDBC URL of PostgreSQL or Trino.
            'splitscope COMMAND --help' shows the options of a command.
            """;

    @Test
    void helpListsEveryCommand() {
        CommandLineRun run = CommandLineRun.of("help");

        assertThat(run.status()).isEqualTo(CommandLine.OK);
        assertThat(run.stdout().lines().toList()).isEqualTo(HELP.lines().toList());
        assertThat(run.stderr()).isEmpty();
    }

    /** The README's "Commands" shows this help as ./splitscope help prints it, after the launcher's own commands. */
    @Test
    void theReadmeShowsThisHelp() throws IOException {
        assertThat(Files.readString(Path.of("../README.md"))).contains(CommandLineRun.of("help").stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void theHelpOptionPrintsTheSameHelp(String option) {
        CommandLineRun run = CommandLineRun.of(option);

        assertThat(run.status()).isEqualTo(CommandLine.OK);
        assertThat(run.stdout()).isEqualTo(CommandLineRun.of("help").stdout());
    }

    @Test
    void noCommandPrintsTheHelpAndFailsAsAUsageError() {
        CommandLineRun run = CommandLineRun.of();

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stdout()).isEqualTo(CommandLineRun.of("help").stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "analyze", "compare", "metrics", "generate", "load", "serve", "hash-password", "completion"})
    void everyCommandHasItsHelpBothWays(String command) {
        CommandLineRun option = CommandLineRun.of(command, "--help");
        CommandLineRun help = CommandLineRun.of("help", command);

        assertThat(option.status()).isEqualTo(CommandLine.OK);
        assertThat(option.stdout()).startsWith("Usage: splitscope " + command + " [-h] [--debug]")
                .contains("  -h, --help", "      --debug");
        assertThat(help.stdout()).isEqualTo(option.stdout());
    }

    @Test
    void theHelpOfAnalyzeNamesItsOptionsAndTheMethods() {
        List<String> lines = CommandLineRun.of("analyze", "--help").stdout().lines().toList();

        assertThat(lines.subList(0, 6)).containsExactly(
                "Usage: splitscope analyze [-h] [--debug] [--project=FILE] [--warehouse=SOURCE]",
                "                          [--catalog=JAR,...]... --experiment=ID",
                "                          [--metrics=ID,...]... [--cuped] [--method=ID]",
                "                          [--segment=DIMENSION] [--confidence=LEVEL]",
                "                          [--until=DATE] [--verify-r] [--format=json|table]",
                "                          [--out=FILE]");
        assertThat(lines).contains(
                "      --experiment=ID       The experiment to analyse.",
                "      --cuped               Short for --method cuped.",
                "      --until=DATE          Analyse the data up to this day (YYYY-MM-DD),",
                "      --format=json|table   A table, or one JSON document (default: table).");
        // The methods come from the registry, like the values --method accepts.
        assertThat(String.join(" ", lines)).containsPattern("How mean and proportion metrics are compared: +welch_t, +cuped,"
                + " +bayesian, +sequential, +mann_whitney, .*r_welch_t, +bootstrap_quantile \\(default: +welch_t\\)\\.");
    }

    @Test
    void metricsShowIsACommandOfMetrics() {
        CommandLineRun run = CommandLineRun.of("metrics", "show", "--help");

        assertThat(run.stdout().lines().toList()).startsWith(
                "Usage: splitscope metrics show [-h] [--debug] [--dialect=duckdb|postgres|trino]",
                "                               [--cuped] ID");
    }
}
