package io.splitscope.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code completion}: a bash (and zsh) completion script of the commands and their options,
 * generated from the same definitions as the parsing and the help.
 */
@Command(name = "completion", sortOptions = false, sortSynopsis = false,
        description = {"Print a bash completion script.", "Of splitscope's commands and options; enable it with",
                "  source <(./splitscope completion)"})
final class CompletionCommand extends BaseCommand {

    @Override
    public void run() {
        stdout().print(AutoComplete.bash("splitscope", spec().root().commandLine()));
    }
}
