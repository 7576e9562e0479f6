package io.splitscope.analysis.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a results store on disk and how a damaged one is recovered: the database file,
 * DuckDB's write-ahead log beside it ({@code <file>.wal}) and the previous good copy
 * ({@code <file>.good}), a copy of the database file made after each checkpoint.
 *
 * <p>When the store does not open because its files are damaged — a log torn by kill -9 or a bad
 * disk, a database file that is no longer one — the damaged log is moved aside
 * ({@code <file>.wal.torn-<time>}) and the last checkpoint opened; if the database file is damaged
 * too, it is moved aside ({@code <file>.damaged-<time>}) and the good copy opened in its place.
 * Each recovery is one WARN line naming the files. Nothing is deleted. Any other failure (another
 * process holds the file, no permission) is reported as it is and nothing is moved.
 */
final class StoreFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** What DuckDB says of a damaged log or database file (and only of those). */
    private static final String[] DAMAGE = {"Corrupt", "replaying WAL", "not a valid DuckDB database file"};

    private StoreFiles() {
    }

    /** DuckDB's write-ahead log of {@code file}. */
    static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    /** The previous good copy of {@code file}. */
    static Path good(Path file) {
        return file.resolveSibling(file.getFileName() + ".good");
    }

    /**
     * Opens {@code file} with {@code connect}, recovering from a damaged log or database file as
     * the class comment says.
     *
     * @throws ResultsStore.ResultsStoreException when it cannot be opened even so
     */
    static <T> T open(Path file, Function<Path, T> connect) {
        try {
            return connect.apply(file);
        } catch (ResultsStore.ResultsStoreException failed) {
            if (!isDamage(failed)) {
                throw failed;
            }
            Instant now = Instant.now();
            String reason = failed.getMessage();
            String tornLog = "";
            if (Files.exists(wal(file))) {
                Path aside = moveAside(wal(file), ".torn-", now, failed);
                tornLog = "; moved its write-ahead log aside to " + aside;
                try {
                    T opened = connect.apply(file);
                    LOG.warn("{}{} and opened the last checkpoint", reason, tornLog);
                    return opened;
                } catch (ResultsStore.ResultsStoreException again) {
                    if (!isDamage(again)) {
                        throw again;
                    }
                }
            }
            if (!Files.exists(good(file))) {
                throw new ResultsStore.ResultsStoreException(reason + tornLog + "; no previous good copy " + good(file)
                        + " to open instead", failed);
            }
            Path aside = moveAside(file, ".damaged-", now, failed);
            copy(good(file), file, failed);
            T opened = connect.apply(file);
            LOG.warn("{}{}; moved the damaged file aside to {} and opened the previous good copy {}", reason, tornLog,
                    aside, good(file));
            return opened;
        }
    }

    /** Copies {@code file}, just checkpointed, to its good copy (through a temporary file, so that a crash midway leaves the old copy). */
    static void keepGoodCopy(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".good.partial");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, good(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot keep a good copy of the results store {} in {}: {}", file, good(file), e.getMessage());
        }
    }

    private static boolean isDamage(ResultsStore.ResultsStoreException failed) {
        String message = failed.getMessage();
        for (String damage : DAMAGE) {
            if (message.contains(damage)) {
                return true;
            }
        }
        return false;
    }

    private static Path moveAside(Path damaged, String infix, Instant now, RuntimeException failed) {
        Path aside = damaged.resolveSibling(damaged.getFileName() + infix + ASIDE_TIME.format(now));
        try {
            return Files.move(damaged, aside);
        } catch (IOException e) {
            throw new ResultsStore.ResultsStoreException(failed.getMessage() + "; cannot move " + damaged + " aside: "
                    + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to, RuntimeException failed) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new ResultsStore.ResultsStoreException(failed.getMessage() + "; cannot copy " + from + " to " + to + ": "
                    + e.getMessage(), e);
        }
    }
}
