package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion} prints a bash completion script of every command and option, which bash runs. */
class CompletionCommandTest {

    @Test
    void theScriptNamesEveryCommandAndTheirOptions() {
        CommandLineRun run = CommandLineRun.of("completion");
        Set<String> commands = new picocli.CommandLine(new SplitscopeCommand(InputStream.nullInputStream())).getSubcommands().keySet();

        assertThat(run.status()).isEqualTo(CommandLine.OK);
        assertThat(commands).containsExactly("check", "analyze", "compare", "metrics", "generate", "load", "serve",
                "hash-password", "completion", "help");
        assertThat(run.stdout())
                .contains("local commands=\"" + String.join(" ", commands) + "\"")
                .contains("function _picocli_splitscope_metrics_show()")
                .contains("'--experiment'", "'--verify-r'", "'--demo-users'", "'--dialect'", "'--input'")
                .contains("complete -F _complete_splitscope -o default splitscope");
    }

    @Test
    void bashCompletesCommandsOptionsAndMethods(@TempDir Path dir) throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("splitscope-completion.bash"), CommandLineRun.of("completion").stdout());

        assertThat(complete(script, "splitscope an")).isEqualTo("analyze");
        assertThat(complete(script, "splitscope analyze --me")).isEqualTo("--metrics --method");
        assertThat(complete(script, "splitscope analyze --method r_")).isEqualTo("r_ancova r_cuped r_mann_whitney r_welch_t");
        assertThat(complete(script, "splitscope metrics sh")).isEqualTo("show");
    }

    /** What bash offers for the last word of {@code line}, as the completion function leaves COMPREPLY. */
    private static String complete(Path script, String line) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", """
                source "$1" 2>/dev/null
                read -ra COMP_WORDS <<< "$2"
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$2"; COMP_POINT=${#2}
                _complete_splitscope splitscope "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}" 2>/dev/null
                echo "${COMPREPLY[*]}"
                """, "bash", script.toString(), line).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor()).as(output).isZero();
        return output;
    }
}
