package io.splitscope.app.cli;

import picocli.CommandLine.Option;

/** The options of every command: {@code --help}, and {@code --debug} for the stack trace of an error. */
final class CommonOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    // Read from the parse result by FailureHandler, which also sees it given before the command.
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    private boolean debug;
}
