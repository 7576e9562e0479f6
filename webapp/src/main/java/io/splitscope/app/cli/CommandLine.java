package io.splitscope.app.cli;

import io.splitscope.app.Messages;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.metrics.project.ProjectException;
import io.splitscope.sql.WarehouseException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: dispatches a command, and turns every failure into one line on standard error
 * and a non-zero exit status (the stack trace only with {@code --debug}).
 */
public final class CommandLine {

    /** Exit status of a run that worked. */
    public static final int OK = 0;
    /** Exit status of a run that failed on its input or its data. */
    public static final int FAILED = 1;
    /** Exit status of a command line that does not say what to do. */
    public static final int USAGE = 2;

    private static final String HELP = String.join(System.lineSeparator(),
            "usage: splitscope COMMAND [OPTIONS]",
            "",
            "commands:",
            "  demo                 the web app on a generated demo warehouse (from ./splitscope)",
            "  test                 every test of every module (from ./splitscope)",
            "  " + CheckCommand.USAGE,
            "  " + AnalyzeCommand.USAGE,
            "  " + GenerateCommand.USAGE,
            "  " + ServeCommand.USAGE,
            "  " + MetricsCommand.USAGE,
            "  " + LoadCommand.USAGE,
            "  " + CompareCommand.USAGE,
            "",
            "SOURCE is a folder of CSV or Parquet files named after the tables, a DuckDB database file,",
            "or a PostgreSQL JDBC URL (jdbc:postgresql://HOST/DB?user=…&password=…).",
            "Add --debug to any command to see the stack trace of an error.");

    private CommandLine() {
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        List<String> arguments = Arrays.asList(args);
        boolean debug = arguments.contains("--debug");
        if (arguments.isEmpty() || List.of("help", "--help", "-h").contains(arguments.getFirst())) {
            stdout.println(HELP);
            return arguments.isEmpty() ? USAGE : OK;
        }
        String command = arguments.getFirst();
        List<String> options = arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "check" -> CheckCommand.run(options, stdout, stderr);
                case "analyze" -> AnalyzeCommand.run(options, stdout, stderr);
                case "generate" -> GenerateCommand.run(options, stderr);
                case "serve" -> ServeCommand.run(options);
                case "metrics" -> MetricsCommand.run(options, stdout);
                case "load" -> LoadCommand.run(options, stderr);
                case "compare" -> CompareCommand.run(options, System.in, stdout, stderr);
                default -> throw new UsageException("unknown command '" + command + "' (try: splitscope help)");
            }
            return OK;
        } catch (UsageException e) {
            stderr.println("splitscope: " + e.getMessage());
            stderr.println("usage: splitscope " + usageOf(command));
            return USAGE;
        } catch (WarehouseException | AnalysisException | CommandException | ProjectException | IllegalArgumentException
                 | UncheckedIOException e) {
            return fail(e, debug, stderr);
        } catch (RuntimeException e) {
            // Not an input problem: say so, still in one line, and keep the trace for --debug.
            stderr.println("splitscope: internal error: " + e + (debug ? "" : " (rerun with --debug for details)"));
            if (debug) {
                e.printStackTrace(stderr);
            }
            return FAILED;
        }
    }

    private static int fail(RuntimeException e, boolean debug, PrintStream stderr) {
        stderr.println("splitscope: error: " + Messages.oneLine(e.getMessage()));
        if (debug) {
            e.printStackTrace(stderr);
        }
        return FAILED;
    }

    private static String usageOf(String command) {
        return switch (command) {
            case "check" -> CheckCommand.USAGE;
            case "analyze" -> AnalyzeCommand.USAGE;
            case "generate" -> GenerateCommand.USAGE;
            case "serve" -> ServeCommand.USAGE;
            case "metrics" -> MetricsCommand.USAGE;
            case "load" -> LoadCommand.USAGE;
            case "compare" -> CompareCommand.USAGE;
            default -> "COMMAND [OPTIONS] (try: splitscope help)";
        };
    }
}
