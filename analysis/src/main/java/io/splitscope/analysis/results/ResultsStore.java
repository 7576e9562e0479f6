package io.splitscope.analysis.results;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.stats.ConfidenceLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results store: every scorecard the web app has computed, in an embedded DuckDB database
 * (by default {@value #FILE_NAME} in the warehouse folder, see {@link ResultsLocation}), one row
 * per experiment and request (metrics, method, segment). Saving a scorecard for a request replaces
 * the one stored before (a re-run). Reading one back is a primary-key lookup and a JSON parse: a few
 * milliseconds, whatever the size of the warehouse.
 *
 * <p>Table {@code scorecards}: the key ({@code experiment_id}, {@code mean_method},
 * {@code segment_by} — empty for none —, {@code metric_ids} — empty for the whole catalog — and
 * {@code confidence_level} in percent), the
 * provenance ({@code computed_at}, {@code warehouse}, {@code fingerprint}, {@code computed_by},
 * {@code elapsed_ms}) and {@code scorecard}, the whole scorecard as JSON (see
 * {@code ScorecardCodec}). A row this version cannot read is treated as absent. A store written
 * before the key had {@code confidence_level} is carried over on opening, its rows at 95 %.
 *
 * <p>Thread-safe; DuckDB lets one process at a time open the file for writing.
 */
public final class ResultsStore implements AutoCloseable {

    /** The database file's name. */
    public static final String FILE_NAME = "splitscope-results.duckdb";

    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
    private static final String COLUMNS = "experiment_id, mean_method, segment_by, metric_ids, confidence_level,"
            + " computed_at, warehouse, fingerprint, computed_by, elapsed_ms, scorecard";
    private static final String KEY = "experiment_id = ? AND mean_method = ? AND segment_by = ? AND metric_ids = ?"
            + " AND confidence_level = ?";

    private final Connection connection;
    private final Path file;

    private ResultsStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens (or creates) the store in {@code file}, creating its folder.
     *
     * @throws ResultsStoreException when it cannot be opened, e.g. another process holds it
     */
    public static ResultsStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new ResultsStoreException("cannot create the folder of the results store " + file + ": " + e.getMessage(), e);
        }
        return connect("jdbc:duckdb:" + file.toAbsolutePath(), file.toAbsolutePath());
    }

    /** A store that keeps results only as long as the process runs. */
    public static ResultsStore inMemory() {
        return connect("jdbc:duckdb:", null);
    }

    private static ResultsStore connect(String url, Path file) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = '256MB'");
            }
            createTable(connection, file);
            return new ResultsStore(connection, file);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ResultsStoreException("cannot open the results store " + (file == null ? "in memory" : file.toString())
                    + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Creates the table, carrying the rows of a store written before the key had
     * {@code confidence_level} over at 95 % — in one transaction, so that a crash midway loses nothing.
     */
    private static void createTable(Connection connection, Path file) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            boolean before = isLayoutBeforeConfidence(connection);
            if (before) {
                statement.execute("ALTER TABLE scorecards RENAME TO scorecards_before_confidence");
            }
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS scorecards (
                        experiment_id    VARCHAR NOT NULL,
                        mean_method      VARCHAR NOT NULL,
                        segment_by       VARCHAR NOT NULL,
                        metric_ids       VARCHAR NOT NULL,
                        confidence_level DOUBLE  NOT NULL,
                        computed_at      VARCHAR NOT NULL,
                        warehouse        VARCHAR NOT NULL,
                        fingerprint      VARCHAR NOT NULL,
                        computed_by      VARCHAR NOT NULL,
                        elapsed_ms       BIGINT  NOT NULL,
                        scorecard        VARCHAR NOT NULL,
                        PRIMARY KEY (experiment_id, mean_method, segment_by, metric_ids, confidence_level))""");
            if (before) {
                int carried = statement.executeUpdate("INSERT INTO scorecards SELECT experiment_id, mean_method,"
                        + " segment_by, metric_ids, 95, computed_at, warehouse, fingerprint, computed_by, elapsed_ms,"
                        + " scorecard FROM scorecards_before_confidence");
                statement.execute("DROP TABLE scorecards_before_confidence");
                LOG.info("Results store {}: {} scorecards carried over to the layout keyed by confidence level (95 %)",
                        file == null ? "in memory" : file, carried);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The database file; empty for a store in memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Stores a scorecard, replacing the one stored for the same request. */
    public synchronized void save(StoredScorecard stored) {
        AnalysisRequest request = stored.request();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO scorecards (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, request.experimentId());
            insert.setString(2, request.meanMethod().methodId());
            insert.setString(3, segment(request));
            insert.setString(4, metrics(request));
            insert.setDouble(5, request.confidence().percent());
            insert.setString(6, stored.computedAt().toString());
            insert.setString(7, stored.warehouse());
            insert.setString(8, stored.fingerprint().value());
            insert.setString(9, stored.computedBy());
            insert.setLong(10, stored.elapsed().toMillis());
            insert.setString(11, ScorecardCodec.encode(stored.scorecard()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot store the scorecard of " + request.experimentId() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The scorecard stored for exactly this request ({@link StoredScorecard#stale()} false: the caller compares fingerprints). */
    public synchronized Optional<StoredScorecard> find(AnalysisRequest request) {
        List<StoredScorecard> found = select("WHERE " + KEY, request.experimentId(), request.meanMethod().methodId(),
                segment(request), metrics(request), request.confidence().percent());
        return found.stream().findFirst();
    }

    /** Every scorecard stored for an experiment, newest first. */
    public synchronized List<StoredScorecard> findAll(String experimentId) {
        return select("WHERE experiment_id = ? ORDER BY computed_at DESC", experimentId);
    }

    private List<StoredScorecard> select(String where, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM scorecards " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<StoredScorecard> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read(rows).ifPresent(found::add);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot read the results store: " + firstLine(e.getMessage()), e);
        }
    }

    private static Optional<StoredScorecard> read(ResultSet row) throws SQLException {
        String experimentId = row.getString("experiment_id");
        try {
            String segment = row.getString("segment_by");
            String metrics = row.getString("metric_ids");
            AnalysisRequest request = new AnalysisRequest(experimentId,
                    metrics.isEmpty() ? List.of() : Arrays.asList(metrics.split(",")),
                    MeanMethod.parse(row.getString("mean_method")), segment.isEmpty() ? null : segment,
                    new ConfidenceLevel(row.getDouble("confidence_level")));
            return Optional.of(new StoredScorecard(request, ScorecardCodec.decode(row.getString("scorecard")),
                    new WarehouseFingerprint(row.getString("fingerprint")), row.getString("computed_by"),
                    Duration.ofMillis(row.getLong("elapsed_ms")), false));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a stored scorecard of {} that this version cannot read: {}", experimentId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether table {@code scorecards} exists without {@code confidence_level}: written before the level was a key. */
    private static boolean isLayoutBeforeConfidence(Connection connection) throws SQLException {
        try (PreparedStatement columns = connection.prepareStatement("SELECT count(*) > 0,"
                + " count(*) FILTER (WHERE column_name = 'confidence_level') = 0 FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = 'scorecards'");
             ResultSet found = columns.executeQuery()) {
            return found.next() && found.getBoolean(1) && found.getBoolean(2);
        }
    }

    private static String segment(AnalysisRequest request) {
        return request.segmentBy() == null ? "" : request.segmentBy();
    }

    private static String metrics(AnalysisRequest request) {
        return String.join(",", request.metricIds());
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the results store failed: {}", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
    }

    /** The results store cannot be opened, read or written; the message is one line. */
    public static final class ResultsStoreException extends UncheckedIOException {

        ResultsStoreException(String message, Exception cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }
}
