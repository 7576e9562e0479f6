package io.splitscope.sql.generate;

import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.dialect.SqlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One run of a generator: an in-memory DuckDB session ({@link GeneratorSql#configure}) that
 * builds its per-unit tables, then writes each output table to its file with one
 * {@code COPY … TO}, into a folder that holds nothing but the generator's own files.
 *
 * @param out the output folder
 * @param format the file format of the tables
 * @param threads DuckDB threads (the output does not depend on it)
 * @param ownFile whether a file name is one the generator writes (and may replace)
 */
record GeneratorRun(Path out, OutputFormat format, int threads, Predicate<String> ownFile) {

    GeneratorRun {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /**
     * Runs the statements of {@code setup} in order (reporting {@code setupLine} and the time they
     * took), then writes {@code tables}.
     *
     * @throws WarehouseException when DuckDB fails, naming {@code what}
     * @throws UncheckedIOException when the output folder cannot be prepared
     */
    GenerationSummary write(String what, List<String> setup, String setupLine, List<GeneratedTable> tables,
            Consumer<String> progress) {
        long started = System.nanoTime();
        prepareOutputFolder();
        Path spill = createSpillFolder();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            GeneratorSql.configure(statement, spill, threads);
            long step = System.nanoTime();
            for (String sql : setup) {
                statement.execute(sql);
            }
            progress.accept(setupLine + " (" + seconds(System.nanoTime() - step) + ")");
            for (GeneratedTable table : tables) {
                Path file = out.resolve(format.fileName(table.name()));
                step = System.nanoTime();
                long written = statement.executeUpdate("COPY (" + table.select() + ") TO "
                        + SqlText.literal(file.toAbsolutePath().toString()) + " " + table.copyOptions(format));
                rows.put(table.name(), written);
                progress.accept(String.format(Locale.ROOT, "%s: %,d rows (%s)",
                        table.name(), written, seconds(System.nanoTime() - step)));
            }
        } catch (SQLException e) {
            throw new WarehouseException("generating " + what + " into '" + out + "' failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            deleteRecursively(spill);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        progress.accept(String.format(Locale.ROOT, "done: %,d rows in %s",
                rows.values().stream().mapToLong(Long::longValue).sum(), seconds(elapsed.toNanos())));
        return new GenerationSummary(out, format, rows, elapsed);
    }

    /** The statements that fill {@code unit_index} with {@code units} rows {@code i}, then run {@code unitsSql}. */
    static List<String> unitSetup(long units, String unitsSql) {
        // A plain table of indexes first: scanning a table is parallel, range() is not.
        return List.of("CREATE TABLE unit_index AS SELECT range AS i FROM range(" + units + ")", unitsSql,
                "DROP TABLE unit_index");
    }

    /** Whether a file name is that of one of {@code tables} in either format, or one of {@code others}. */
    static boolean isTableFile(String fileName, List<String> tables, String... others) {
        for (String table : tables) {
            for (OutputFormat format : OutputFormat.values()) {
                if (format.fileName(table).equals(fileName)) {
                    return true;
                }
            }
        }
        return List.of(others).contains(fileName);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /**
     * Refuses a number of simulated units outside {@code min} to {@code max}.
     *
     * @param what the units, for the message: {@code members}
     * @throws IllegalArgumentException {@code members must be between 100 and 100,000,000, got 5}
     */
    static void checkUnits(String what, long units, long min, long max) {
        if (units < min || units > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be between %,d and %,d, got %,d", what, min, max, units));
        }
    }

    /** @throws IllegalArgumentException when {@code format} is null */
    static void checkFormat(OutputFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required, got null: expected parquet or csv");
        }
    }

    /**
     * Refuses an output folder that is a file or holds anything but files {@code ownFile}
     * accepts, so a mistyped path cannot overwrite someone's data.
     *
     * @param examples a few of the generator's file names, for the message
     * @throws IllegalArgumentException naming the folder and the first foreign entry
     */
    static void checkOutputFolder(Path out, Predicate<String> ownFile, String examples) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("out must be a folder, but '" + out + "' is a file");
        }
        Optional<Path> foreign;
        try (Stream<Path> entries = Files.list(out)) {
            foreign = entries
                    .filter(entry -> !Files.isRegularFile(entry) || !ownFile.test(entry.getFileName().toString()))
                    .min(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the output folder '" + out + "'", e);
        }
        foreign.ifPresent(entry -> {
            throw new IllegalArgumentException("out '" + out + "' is a non-empty folder with '"
                    + entry.getFileName() + "' in it; give an empty or new folder, or one that holds"
                    + " only files a previous run wrote (" + examples + ")");
        });
    }

    private void prepareOutputFolder() {
        try {
            Files.createDirectories(out);
            try (Stream<Path> entries = Files.list(out)) {
                for (Path entry : entries.toList()) {
                    if (Files.isRegularFile(entry) && ownFile.test(entry.getFileName().toString())) {
                        Files.delete(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder '" + out + "'", e);
        }
    }

    private static Path createSpillFolder() {
        try {
            return Files.createTempDirectory("splitscope-generator-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for DuckDB", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
