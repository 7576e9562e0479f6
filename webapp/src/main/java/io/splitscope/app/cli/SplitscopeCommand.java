package io.splitscope.app.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code splitscope}: the commands, and the help that lists them when none is given. */
@Command(name = "splitscope", synopsisSubcommandLabel = "COMMAND", sortOptions = false, sortSynopsis = false,
        description = "Analyse A/B tests on the data in your warehouse.",
        subcommands = {CheckCommand.class, AnalyzeCommand.class, CompareCommand.class, MetricsCommand.class,
                GenerateCommand.class, LoadCommand.class, ServeCommand.class, HashPasswordCommand.class, CompletionCommand.class, HelpCommand.class},
        footer = {"",
                "SOURCE is a folder of CSV or Parquet files named after the tables, a DuckDB",
                "database file, or a JDBC URL of PostgreSQL or Trino.",
                "'splitscope COMMAND --help' shows the options of a command."})
final class SplitscopeCommand implements Callable<Integer> {

    private final InputStream stdin;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    /** @param stdin what {@code compare --input -} reads */
    SplitscopeCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input. */
    InputStream stdin() {
        return stdin;
    }

    /** No command: the help, and the exit status of a command line that does not say what to do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.USAGE;
    }
}
