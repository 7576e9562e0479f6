package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import org.junit.jupiter.api.Test;

/** A command that fails: one line, exit status 1, the stack trace with {@code --debug} before or after the command. */
class FailureHandlerTest {

    @Test
    void oneLineWithoutDebug() {
        CommandLineRun run = CommandLineRun.of("metrics", "show", "watch_love");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("splitscope: error: unknown metric 'watch_love' (known: streaming_hours,"));
    }

    @Test
    void theStackTraceWithDebugBeforeTheCommand() {
        CommandLineRun run = CommandLineRun.of("--debug", "analyze", "--warehouse", GoldenWarehouse.folder().toString(),
                "--experiment", "exp_nope");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr()).contains("splitscope: error: unknown experiment 'exp_nope'")
                .contains("io.splitscope.analysis.AnalysisException").contains("\tat ");
    }

    @Test
    void theStackTraceWithDebugAfterASubcommand() {
        CommandLineRun run = CommandLineRun.of("metrics", "show", "watch_love", "--debug");

        assertThat(run.stderr()).contains("splitscope: error: unknown metric 'watch_love'").contains("\tat ");
    }
}
