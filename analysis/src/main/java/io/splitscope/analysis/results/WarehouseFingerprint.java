package io.splitscope.analysis.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the warehouse's files looked like: a SHA-256 over the name, size and modification time of
 * each table file ({@code *.csv} and {@code *.parquet} of a folder, or the DuckDB file). A stored
 * scorecard whose fingerprint differs from the warehouse's current one was computed from other
 * data: it is <em>stale</em>. Cheap (a few {@code stat}s), so it is taken afresh whenever a stored
 * scorecard is read.
 *
 * <p>A warehouse that is not a file (a JDBC URL) has no fingerprint ({@link #UNKNOWN}): its stored
 * scorecards are never shown as stale.
 *
 * @param value the hex digest, or empty for {@link #UNKNOWN}
 */
public record WarehouseFingerprint(String value) {

    /** The fingerprint of a warehouse whose files cannot be seen (a database server). */
    public static final WarehouseFingerprint UNKNOWN = new WarehouseFingerprint("");

    public WarehouseFingerprint {
        value = value == null ? "" : value;
    }

    /** Whether this is {@link #UNKNOWN}. */
    public boolean unknown() {
        return value.isEmpty();
    }

    /**
     * Whether a scorecard computed when the warehouse had {@code this} fingerprint is out of date
     * now that it has {@code current}; never when either is unknown.
     */
    public boolean staleAgainst(WarehouseFingerprint current) {
        return !unknown() && !current.unknown() && !value.equals(current.value);
    }

    /**
     * The fingerprint of the warehouse at {@code source} (what {@code --warehouse} names, or the
     * warehouse's description: a folder, a DuckDB file, or a JDBC URL).
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static WarehouseFingerprint of(String source) {
        Path path;
        try {
            if (source == null || source.regionMatches(true, 0, "jdbc:", 0, 5)) {
                return UNKNOWN;
            }
            path = Path.of(source);
        } catch (InvalidPathException e) {
            return UNKNOWN;
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                return digest(files.filter(Files::isRegularFile).filter(WarehouseFingerprint::isTableFile)
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list warehouse " + path + ": " + e.getMessage(), e);
            }
        }
        return Files.isRegularFile(path) ? digest(List.of(path)) : UNKNOWN;
    }

    /**
     * Whether the warehouse at {@code source} is a folder with CSV tables, which the embedded
     * warehouse reads into memory when it opens (Parquet and DuckDB files are read on every query):
     * its analyses see the files as they were then, until the app is restarted.
     */
    public static boolean loadedAtOpen(String source) {
        try {
            if (source == null || source.regionMatches(true, 0, "jdbc:", 0, 5) || !Files.isDirectory(Path.of(source))) {
                return false;
            }
            try (Stream<Path> files = Files.list(Path.of(source))) {
                return files.anyMatch(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
            }
        } catch (InvalidPathException | IOException e) {
            return false;
        }
    }

    private static boolean isTableFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".csv") || name.endsWith(".parquet"));
    }

    private static WarehouseFingerprint digest(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                String line = file.getFileName() + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis() + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return new WarehouseFingerprint(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            // A file vanished while we looked: the warehouse is changing, say so with a fingerprint no store holds.
            return new WarehouseFingerprint("changing-" + System.nanoTime());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
