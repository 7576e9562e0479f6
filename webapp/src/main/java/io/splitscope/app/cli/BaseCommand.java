package io.splitscope.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command of {@link SplitscopeCommand} has: {@code --help} and {@code --debug}, the
 * streams it writes to, and the usage errors it finds beyond what picocli checks.
 */
abstract class BaseCommand implements Runnable {

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    /** Standard output: the command's result. */
    final PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress, notes and errors. */
    final PrintWriter stderr() {
        return spec.commandLine().getErr();
    }

    /** A command line that does not say what to do: exit status 2, with this command's usage. */
    final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** This command's definition: its name, options and place among the commands. */
    final CommandSpec spec() {
        return spec;
    }
}
