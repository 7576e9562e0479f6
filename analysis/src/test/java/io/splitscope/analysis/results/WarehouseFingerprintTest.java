package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint changes with the tables' files and with nothing else. */
class WarehouseFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void changesWhenATableFileChangesAndOnlyThen() throws IOException {
        Path exposures = Files.writeString(dir.resolve("exposures.csv"), "unit_id\n1\n");
        Files.writeString(dir.resolve("playback.parquet"), "not really parquet");
        WarehouseFingerprint first = WarehouseFingerprint.of(dir.toString());

        Files.writeString(dir.resolve(ResultsStore.FILE_NAME), "the results store is not a table");
        Files.writeString(dir.resolve(".complete"), "");
        Files.writeString(dir.resolve("README.md"), "notes");
        assertThat(WarehouseFingerprint.of(dir.toString())).isEqualTo(first);

        Files.writeString(exposures, "unit_id\n1\n2\n");
        WarehouseFingerprint changed = WarehouseFingerprint.of(dir.toString());
        assertThat(changed).isNotEqualTo(first);
        assertThat(first.staleAgainst(changed)).isTrue();
        assertThat(changed.staleAgainst(changed)).isFalse();

        Files.setLastModifiedTime(exposures, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(WarehouseFingerprint.of(dir.toString())).isNotEqualTo(changed);
    }

    @Test
    void aCsvFolderIsLoadedWhenItOpensAndParquetIsReadLive() throws IOException {
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        Files.writeString(parquet.resolve("exposures.parquet"), "x");
        assertThat(WarehouseFingerprint.loadedAtOpen(parquet.toString())).isFalse();
        Files.writeString(parquet.resolve("members.csv"), "x");
        assertThat(WarehouseFingerprint.loadedAtOpen(parquet.toString())).isTrue();
        assertThat(WarehouseFingerprint.loadedAtOpen("jdbc:postgresql://db/w")).isFalse();
        assertThat(WarehouseFingerprint.loadedAtOpen(parquet.resolve("exposures.parquet").toString())).isFalse();
    }

    @Test
    void aDatabaseServerHasNoFingerprintAndIsNeverStale() throws IOException {
        assertThat(WarehouseFingerprint.of("jdbc:postgresql://localhost/warehouse")).isEqualTo(WarehouseFingerprint.UNKNOWN);
        WarehouseFingerprint file = WarehouseFingerprint.of(Files.writeString(dir.resolve("w.duckdb"), "x").toString());
        assertThat(file.unknown()).isFalse();
        assertThat(file.staleAgainst(WarehouseFingerprint.UNKNOWN)).isFalse();
        assertThat(WarehouseFingerprint.UNKNOWN.staleAgainst(file)).isFalse();
    }

    @Test
    void storesNextToAWritableFolderElseUnderTheDataHome() throws IOException {
        assertThat(ResultsLocation.resolve(dir.toString(), null, Map.of())).contains(dir.resolve(ResultsStore.FILE_NAME));
        Path file = Files.writeString(dir.resolve("w.duckdb"), "x");
        Path dataHome = dir.resolve("data");
        assertThat(ResultsLocation.resolve(file.toString(), null, Map.of("XDG_DATA_HOME", dataHome.toString())).orElseThrow())
                .startsWithRaw(dataHome.resolve("splitscope").resolve("results"))
                .hasFileName(ResultsStore.FILE_NAME);
        assertThat(ResultsLocation.resolve("jdbc:postgresql://db/w", null, Map.of("XDG_DATA_HOME", dataHome.toString())).orElseThrow())
                .startsWithRaw(dataHome.resolve("splitscope").resolve("results"))
                .isNotEqualTo(ResultsLocation.resolve(file.toString(), null, Map.of("XDG_DATA_HOME", dataHome.toString())).orElseThrow());
        assertThat(ResultsLocation.resolve(dir.toString(), "memory", Map.of())).isEmpty();
        assertThat(ResultsLocation.resolve(dir.toString(), dir.resolve("elsewhere").toString(), Map.of()))
                .contains(dir.resolve("elsewhere").resolve(ResultsStore.FILE_NAME));
        assertThat(ResultsLocation.resolve(dir.toString(), dir.resolve("r.duckdb").toString(), Map.of()))
                .contains(dir.resolve("r.duckdb"));
    }
}
