package io.splitscope.analysis.results;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the results store of a warehouse lives.
 *
 * <ol>
 *   <li>{@value #PROPERTY} when set (a {@code --config} file, a system property or
 *       {@code SPLITSCOPE_RESULTS_LOCATION}): a folder (the store is {@value ResultsStore#FILE_NAME}
 *       in it), a {@code .duckdb} file, or {@value #MEMORY} to keep results only while the app
 *       runs;</li>
 *   <li>else, for a warehouse folder that the app may write to, {@value ResultsStore#FILE_NAME}
 *       inside it, next to the tables: the results travel with the data they were computed from;</li>
 *   <li>else (a DuckDB file, a read-only folder, a JDBC URL)
 *       {@code ${XDG_DATA_HOME:-~/.local/share}/splitscope/results/<hash>/}{@value ResultsStore#FILE_NAME},
 *       where {@code <hash>} is the first 16 hex digits of the SHA-256 of the warehouse's
 *       description (its absolute path, or its URL without credentials).</li>
 * </ol>
 */
public final class ResultsLocation {

    /** The property that overrides where results are stored. */
    public static final String PROPERTY = "splitscope.results.location";
    /** The value of {@value #PROPERTY} that keeps results in memory. */
    public static final String MEMORY = "memory";

    private ResultsLocation() {
    }

    /**
     * @param warehouse  the warehouse's description ({@code AnalysisService.warehouseDescription()})
     * @param configured the value of {@value #PROPERTY}, or null
     * @param environment the process environment (for {@code XDG_DATA_HOME})
     * @return the store's file, or empty to keep results in memory
     */
    public static Optional<Path> resolve(String warehouse, String configured, Map<String, String> environment) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().equalsIgnoreCase(MEMORY)) {
                return Optional.empty();
            }
            Path path = Path.of(configured.strip());
            return Optional.of(path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".duckdb")
                    ? path : path.resolve(ResultsStore.FILE_NAME));
        }
        Optional<Path> folder = folder(warehouse);
        if (folder.isPresent() && Files.isWritable(folder.get())) {
            return Optional.of(folder.get().resolve(ResultsStore.FILE_NAME));
        }
        return Optional.of(dataHome(environment).resolve("splitscope").resolve("results").resolve(hash(warehouse))
                .resolve(ResultsStore.FILE_NAME));
    }

    private static Optional<Path> folder(String warehouse) {
        try {
            if (warehouse == null || warehouse.regionMatches(true, 0, "jdbc:", 0, 5)) {
                return Optional.empty();
            }
            Path path = Path.of(warehouse);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Path dataHome(Map<String, String> environment) {
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share");
    }

    private static String hash(String warehouse) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(warehouse).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
