package io.splitscope.app.cli;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.app.Messages;
import io.splitscope.metrics.project.ProjectException;
import io.splitscope.sql.WarehouseException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that ran and failed: one line on standard error naming the problem, exit status
 * {@link CommandLine#FAILED}, and the stack trace only with {@code --debug}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, picocli.CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = debug(parseResult);
        if (e instanceof WarehouseException || e instanceof AnalysisException || e instanceof CommandException
                || e instanceof ProjectException || e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println("splitscope: error: " + Messages.oneLine(e.getMessage()));
        } else {
            // Not an input problem: say so, still in one line, and keep the trace for --debug.
            err.println("splitscope: internal error: " + e + (debug ? "" : " (rerun with --debug for details)"));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        return CommandLine.FAILED;
    }

    /** Whether {@code --debug} was given, before the command or after it. */
    private static boolean debug(ParseResult parseResult) {
        for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
            if (command.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
