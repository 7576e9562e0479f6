package io.splitscope.app.cli;

import io.splitscope.app.Messages;
import io.splitscope.metrics.DidYouMean;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that does not say what to do (an unknown command or option, a missing or
 * malformed value): one line naming the problem, one with the command's usage, exit status
 * {@link CommandLine#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        PrintWriter err = e.getCommandLine().getErr();
        err.println("splitscope: " + problem(e));
        err.println("usage: " + synopsis(command) + " (try: " + command.qualifiedName() + " --help)");
        return CommandLine.USAGE;
    }

    /**
     * The problem, in lower case like the other messages; an unknown command or option first (even
     * when picocli found a required option missing, which is often the one misspelt), with a near name.
     */
    private static String problem(ParameterException e) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            return unknown(command, unmatched.getFirst());
        }
        String message = Messages.oneLine(e.getMessage());
        message = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private static String unknown(CommandSpec command, String argument) {
        if (argument.startsWith("-")) {
            String name = argument.split("=", 2)[0];
            return "unknown option " + name + DidYouMean.suffix(name, command.optionsMap().keySet());
        }
        return command.subcommands().isEmpty() ? "unexpected argument '" + argument + "'"
                : "unknown command '" + argument + "'" + DidYouMean.suffix(argument, command.subcommands().keySet());
    }

    /** The command's synopsis when it fits on a line, else its short form ({@code splitscope analyze [OPTIONS]}). */
    private static String synopsis(CommandSpec command) {
        Help help = new Help(command);
        String full = help.synopsis(0).strip();
        return full.lines().count() == 1 ? full : help.abbreviatedSynopsis().strip();
    }
}
