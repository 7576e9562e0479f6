package io.splitscope.sql.duckdb;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.sql.fuzz.TextFuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Loading a folder warehouse ({@link DuckDbWarehouse#open}: CSV and Parquet through DuckDB and
 * {@link ContractLoader}), fuzzed from its corpus: {@code src/test/resources/fuzz/csv-warehouse}, a
 * valid warehouse, and {@code fuzz/csv-seeds}, files that found bugs, named {@code TABLE.WHAT.csv}.
 * One table at a time is replaced by an edited file (bytes, so not only UTF-8); the warehouse
 * opens or says in one line what is wrong, within ten seconds. Each try opens DuckDB, so the tries
 * are few.
 */
class DuckDbWarehouseFuzzTest {

    /** CSV's own tokens, values at the edges of the contract's types, and bytes that are not UTF-8. */
    private static final List<String> CSV_TOKENS = List.of(",", "\"", "\"\"", "\n", "\r\n", "\r", ";", "\t", "\\",
            "NULL", "-1", "9223372036854775808", "1e309", "nan", "2026-02-30", "2026-03-02 25:00:00", "unit_id",
            "\u00e9", "\u00c3", "\u00ff\u00fe", "\u0000");

    /** Parquet's magic number and bytes that break lengths and offsets. */
    private static final List<String> PARQUET_TOKENS = List.of("PAR1", "\u0000", "\u00ff", "\u0000\u0000\u0000\u0000",
            "\u00ff\u00ff\u00ff\u007f");

    /** One table's file: the table's name and the file's bytes as ISO-8859-1 text. */
    record TableFile(String table, String bytes) {

        static TableFile of(Path file) {
            String name = file.getFileName().toString();
            return new TableFile(name.substring(0, name.indexOf('.')), TextFuzz.read(file, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void everyCorpusFileOpensOrNamesItsProblem() {
        corpus().forEach(file -> opensOrNamesItsProblem(file, ".csv"));
    }

    @Test
    void editedCsvFilesOpenOrNameTheirProblem() {
        Campaign.current().tries(30).forAll(editedCsv()).checkAssert(file -> opensOrNamesItsProblem(file, ".csv"));
    }

    @Test
    void editedParquetFilesOpenOrNameTheirProblem() {
        Campaign.current().tries(15).forAll(editedParquet())
                .checkAssert(file -> opensOrNamesItsProblem(file, ".parquet"));
    }

    /** The valid warehouse's files and the files that found bugs. */
    private static List<TableFile> corpus() {
        return Stream.concat(TextFuzz.corpusFiles("csv-warehouse").stream(), TextFuzz.corpusFiles("csv-seeds").stream())
                .map(TableFile::of).toList();
    }

    private static Gen<TableFile> editedCsv() {
        return Generate.pick(corpus()).flatMap(seed -> TextFuzz.mutated(List.of(seed.bytes()), CSV_TOKENS)
                .map(bytes -> new TableFile(seed.table(), bytes)));
    }

    /** The valid payments table written as Parquet by DuckDB, then edited. */
    private static Gen<TableFile> editedParquet() {
        return TextFuzz.mutated(List.of(validParquet("payments")), PARQUET_TOKENS)
                .map(bytes -> new TableFile("payments", bytes));
    }

    private static String validParquet(String table) {
        try {
            Path folder = Files.createTempDirectory("parquet-seed");
            Path parquet = folder.resolve(table + ".parquet");
            Path csv = TextFuzz.corpusFiles("csv-warehouse").stream()
                    .filter(file -> file.getFileName().toString().equals(table + ".csv")).findFirst().orElseThrow();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet
                        + "' (FORMAT parquet)");
            }
            String bytes = TextFuzz.read(parquet, StandardCharsets.ISO_8859_1);
            deleteTree(folder);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the valid warehouse with {@code file} for its table; opened, and closed when it opens. */
    private static void opensOrNamesItsProblem(TableFile file, String extension) {
        try {
            Path folder = Files.createTempDirectory("warehouse-fuzz");
            try {
                for (Path valid : TextFuzz.corpusFiles("csv-warehouse")) {
                    if (!valid.getFileName().toString().equals(file.table() + ".csv")) {
                        Files.copy(valid, folder.resolve(valid.getFileName()));
                    }
                }
                Files.write(folder.resolve(file.table() + extension), file.bytes().getBytes(StandardCharsets.ISO_8859_1));
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    try (DuckDbWarehouse opened = DuckDbWarehouse.open(folder)) {
                        // it opened: a result
                    } catch (WarehouseException e) {
                        TextFuzz.assertOneLine(e.getMessage());
                    }
                });
            } finally {
                deleteTree(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
