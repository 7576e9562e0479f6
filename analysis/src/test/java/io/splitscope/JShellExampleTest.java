package io.splitscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JShell example of the README ({@code docs/jshell/scorecard.jsh}) run as a user runs it: the
 * JDK's {@code jshell} in the repository's folder, with this module on its class path (what
 * {@code ./splitscope jshell} puts there).
 */
class JShellExampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("docs/jshell/scorecard.jsh");

    @Test
    void theReadmeShowsTheExample() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains(Files.readString(EXAMPLE));
    }

    @Test
    void printsTheScorecardOfTheExampleProject() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jshell").toString(),
                "--class-path", System.getProperty("java.class.path"),
                "-R--add-opens=java.base/java.nio=ALL-UNNAMED", "-R--enable-native-access=ALL-UNNAMED",
                "-R-Dslf4j.internal.verbosity=ERROR"));
        if (Runtime.version().feature() >= 24) {
            command.add("-R--sun-misc-unsafe-memory-access=allow");
        }
        command.add(EXAMPLE.toString());
        Process jshell = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jshell.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(jshell.exitValue()).as(output).isZero();
        assertThat(output).as(output)
                .contains("[new_checkout]")
                .contains("units: control 6, treatment 6; crossovers 0; invalid exposures 0")
                // docs/example-project/reference.R (R 4.2.2): t.test(conversion_treatment, conversion_control),
                // p = 0.28969161205101, rounded to the 4 places the example prints
                .contains("conversion 0.3333 -> 0.6667, p = 0.2897")
                // and t.test(revenue_treatment, revenue_control): p = 0.21192225841976 (14 significant digits);
                // the JSON prints it at full precision, 0.2119222584197562: the same to 1e-15
                .contains("\"p_value\" : 0.211922258419756")
                .doesNotContain("Exception").doesNotContain("SLF4J");
    }
}
