package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar's entry point, run as the launcher runs it: a JVM of its own. */
class MainTest {

    @Test
    void runningOutOfMemoryIsOneLineThatSaysHowToGiveItMore(@TempDir Path dir) throws IOException, InterruptedException {
        // compare's largest input (1 MiB, some 15,000 variants) in a 16 MB heap: the parsed tree does not fit
        Path input = dir.resolve("many-variants.json");
        StringBuilder json = new StringBuilder("{\"method\": \"welch_t\", \"variants\": [");
        for (int i = 0; json.length() < 1_000_000; i++) {
            json.append("{\"name\": \"v").append(i).append("\", \"n\": 4, \"sum\": ").append(i % 7).append(", \"sum_squares\": 50}, ");
        }
        json.append("{\"name\": \"last\", \"n\": 4, \"sum\": 1, \"sum_squares\": 1}]}");
        Files.writeString(input, json);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "compare", "--input", input.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(CommandLine.FAILED);
        List<String> lines = stderr.lines().toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .matches("splitscope: error: out of memory \\(the Java heap's limit is \\d+ MB\\); give it more,"
                        + " e.g. SPLITSCOPE_JAVA_OPTS=-Xmx\\d+m \\./splitscope \\.\\.\\."));
    }
}
