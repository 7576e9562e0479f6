package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored result survives what an unlucky operator meets: kill -9 in the middle of a write, a
 * torn or garbled write-ahead log, a damaged database file. Each case is made on the real DuckDB
 * files: a killed child JVM, bytes overwritten in the {@code .wal} and the database file.
 */
class StoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void aStoredScorecardSurvivesKillNineInTheMiddleOfWritesAndATornLog() throws Exception {
        Path file = dir.resolve(ResultsStore.FILE_NAME);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StoreWriterProcess.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(StoreWriterProcess.SAVED);
            Thread.sleep(500); // the child is storing more by now
        } finally {
            writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no checkpoint on close
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path wal = Path.of(file + ".wal");
        boolean torn = Files.exists(wal) && Files.size(wal) > 200;
        if (torn) {
            garble(wal, Files.size(wal) / 2);
        }

        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.find(AnalysisRequest.of("exp_sample"))).get()
                    .satisfies(stored -> assertThat(stored.computedBy()).isEqualTo("analyst"));
        }
        assertThat(wal).doesNotExist();
        assertThat(besides(file, ".wal.torn-")).hasSize(torn ? 1 : 0);
    }

    @Test
    void aGarbledLogIsMovedAsideAndTheLastCheckpointOpened() throws Exception {
        Path file = dir.resolve(ResultsStore.FILE_NAME);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.save(StoreWriterProcess.sample("exp_sample"));
        }
        Path wal = logWithoutCheckpoint(file);
        garble(wal, Files.size(wal) / 2);

        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.find(AnalysisRequest.of("exp_sample"))).isPresent();
        }
        assertThat(wal).doesNotExist();
        assertThat(besides(file, ".wal.torn-")).singleElement().satisfies(aside -> assertThat(aside).isNotEmptyFile());
    }

    @Test
    void aDamagedFileIsMovedAsideAndThePreviousGoodCopyOpened() throws Exception {
        Path file = dir.resolve(ResultsStore.FILE_NAME);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.save(StoreWriterProcess.sample("exp_sample"));
        }
        assertThat(Path.of(file + ".good")).isNotEmptyFile();
        garble(file, 0); // the header: "not a valid DuckDB database file"

        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.find(AnalysisRequest.of("exp_sample"))).isPresent();
        }
        assertThat(besides(file, ".damaged-")).hasSize(1);
    }

    @Test
    void whatIsNotDamageIsReportedAndNothingIsMoved() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder.duckdb"));

        assertThatThrownBy(() -> ResultsStore.open(folder)).isInstanceOf(ResultsStore.ResultsStoreException.class)
                .hasMessageStartingWith("cannot open the results store " + folder.toAbsolutePath() + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }

    /** Leaves a write-ahead log beside {@code file}: a table created with no checkpoint on closing. */
    private static Path logWithoutCheckpoint(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA disable_checkpoint_on_shutdown");
            statement.execute("CREATE TABLE filler AS SELECT range AS i, repeat('x', 100) AS v FROM range(2000)");
        }
        Path wal = Path.of(file + ".wal");
        assertThat(wal).isNotEmptyFile();
        return wal;
    }

    /** Flips 64 bytes from {@code at}: what a torn write or a bad disk leaves. */
    private static void garble(Path path, long at) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        for (int i = (int) at; i < Math.min(bytes.length, at + 64); i++) {
            bytes[i] ^= (byte) 0xff;
        }
        Files.write(path, bytes);
    }

    private List<Path> besides(Path file, String infix) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + infix)).toList();
        }
    }
}
