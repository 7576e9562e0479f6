package io.splitscope.sql.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorSettingsTest {

    @TempDir
    Path folder;

    @Test
    void acceptsANewOrEmptyFolder() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(100, -3, folder.resolve("new/nested"), OutputFormat.CSV);
        assertThat(settings.members()).isEqualTo(100);
        assertThat(settings.seed()).isEqualTo(-3);
        assertThat(new GeneratorSettings(100_000_000, 0, folder, OutputFormat.PARQUET).out()).isEqualTo(folder);
    }

    @Test
    void acceptsAFolderHoldingOnlyAnEarlierRunsFiles() throws IOException {
        Files.writeString(folder.resolve("playback.csv"), "old");
        Files.writeString(folder.resolve("members.parquet"), "old");
        assertThat(new GeneratorSettings(1_000, 1, folder, OutputFormat.PARQUET).format()).isEqualTo(OutputFormat.PARQUET);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 99, 100_000_001})
    void rejectsMemberCountsOutOfRange(long members) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(members, 1, folder, OutputFormat.CSV))
                .withMessageContaining("members must be between 100 and 100,000,000")
                .withMessageContaining(String.format("got %,d", members));
    }

    @Test
    void rejectsAMissingFolderOrFormat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(100, 1, null, OutputFormat.CSV))
                .withMessageContaining("out");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(100, 1, folder, null))
                .withMessageContaining("format");
    }

    @Test
    void rejectsAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(100, 1, file, OutputFormat.CSV))
                .withMessageContaining("'" + file + "' is a file");
    }

    @Test
    void rejectsAFolderWithOtherFiles() throws IOException {
        Files.writeString(folder.resolve("playback.csv"), "old");
        Files.writeString(folder.resolve("thesis.docx"), "precious");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(100, 1, folder, OutputFormat.CSV))
                .withMessageContaining("'" + folder + "' is a non-empty folder")
                .withMessageContaining("thesis.docx");
    }

    @Test
    void rejectsAFolderWithASubfolder() throws IOException {
        Files.createDirectory(folder.resolve("members.csv"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneratorSettings(100, 1, folder, OutputFormat.CSV))
                .withMessageContaining("members.csv");
    }

    @Test
    void parsesFormatsIgnoringCase() {
        assertThat(OutputFormat.parse("parquet")).isEqualTo(OutputFormat.PARQUET);
        assertThat(OutputFormat.parse(" CSV ")).isEqualTo(OutputFormat.CSV);
        assertThat(OutputFormat.parse("Parquet")).isEqualTo(OutputFormat.PARQUET);
        assertThat(GeneratorSettings.of(100, 1, folder, "csv").format()).isEqualTo(OutputFormat.CSV);
        assertThat(OutputFormat.CSV.fileName("members")).isEqualTo("members.csv");
    }

    @Test
    void rejectsUnknownFormats() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutputFormat.parse("xlsx"))
                .withMessage("unknown output format 'xlsx': expected 'parquet' or 'csv'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutputFormat.parse(null))
                .withMessageContaining("'null'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GeneratorSettings.of(100, 1, folder, "json"))
                .withMessageContaining("'json'");
    }
}
