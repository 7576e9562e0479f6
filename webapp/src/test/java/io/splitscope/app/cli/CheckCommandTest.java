package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.WaitingProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on a real folder warehouse ({@link WaitingProject}). */
class CheckCommandTest {

    /**
     * An assignment row of one_arm with an empty unit_id (NULL in a CSV file): one line names the
     * source, table and column, and one_arm keeps its 3 units (u1–u3; before, the NULL was a fourth).
     */
    @Test
    void saysHowManyRowsHaveNoUnitIdAndLeavesThemOut(@TempDir Path folder) throws IOException {
        Path project = WaitingProject.writeTo(folder);
        Files.writeString(folder.resolve("data/assignment_log.csv"), ",one_arm,control,2026-05-03 12:00:00\n",
                StandardOpenOption.APPEND);

        CommandLineRun run = CommandLineRun.of("check", "--project", project.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).contains("source assignments (table assignment_log, column user_id): 1 row without"
                + " a unit id (NULL or empty), left out of every population and metric");
        assertThat(run.stdout().lines().filter(line -> line.startsWith("one_arm")).findFirst().orElseThrow())
                .contains("control 3, treatment 0");
    }
}
