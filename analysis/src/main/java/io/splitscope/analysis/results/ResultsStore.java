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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results store: every scorecard the web app has computed, in an embedded DuckDB database
 * (by default {@value #FILE_NAME} in the warehouse folder, see {@link ResultsLocation}), keyed by
 * experiment and request (metrics, method, segment, confidence level). A request's latest
 * scorecard is the one {@link #find} gives; the store keeps its last {@code keep} runs (5 by
 * default) and as many failed runs, older ones are deleted. A failed run never replaces a stored
 * scorecard: it is kept beside it ({@link #lastFailure}). Reading one back is a scan of this small
 * table (a few runs per request) and a JSON parse: a few milliseconds, whatever the size of the
 * warehouse.
 *
 * <p>Durability: each write is followed by a checkpoint (the write-ahead log is folded into the
 * database file) and a copy of the file, the previous good copy; a store left damaged by kill -9
 * or a bad disk is recovered on opening (see {@link StoreFiles}).
 *
 * <p>Table {@code scorecards}: {@code run} (ascending with each write), the key
 * ({@code experiment_id}, {@code mean_method}, {@code segment_by} — empty for none —,
 * {@code metric_ids} — empty for the whole catalog — and {@code confidence_level} in percent), the
 * provenance ({@code computed_at}, {@code warehouse}, {@code fingerprint}, {@code computed_by},
 * {@code elapsed_ms}) and {@code scorecard}, the whole scorecard as JSON (see
 * {@code ScorecardCodec}). Table {@code failed_runs}: {@code run}, the key, {@code failed_at},
 * {@code requested_by} and {@code message}. Table {@code plan_edits}: every analyst's edit of an
 * experiment's decision plan ({@link PlanEdit}), kept for good — {@code run}, {@code experiment_id},
 * {@code edited_at}, {@code edited_by} and {@code plan}, the plan as project-file keys in JSON
 * ({@link DecisionPlanKeys}). Table {@code experiment_records}: every change to the team's record of an
 * experiment ({@link RecordEntry}), kept for good — {@code run}, {@code experiment_id},
 * {@code written_at}, {@code written_by}, {@code kind} and {@code entry_value}; the record is
 * the experiment's entries applied in order ({@link #records}). A row this version cannot read is
 * treated as absent.
 * A store written before (one row per key, or without {@code confidence_level}) is carried over on
 * opening, its rows at 95 % when they have no level.
 *
 * <p>Thread-safe; DuckDB lets one process at a time open the file for writing.
 */
public final class ResultsStore implements AutoCloseable {

    /** The database file's name. */
    public static final String FILE_NAME = "splitscope-results.duckdb";
    /** How many runs of one request the store keeps unless told otherwise. */
    public static final int DEFAULT_KEEP = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
    /** The key of a request; {@code until_day} is empty for the whole period (stores written before it had none). */
    private static final String KEY_COLUMNS = "experiment_id, mean_method, segment_by, metric_ids, confidence_level, until_day";
    private static final String COLUMNS = KEY_COLUMNS + ", computed_at, warehouse, fingerprint, computed_by, elapsed_ms, scorecard";
    private static final String KEY = "experiment_id = ? AND mean_method = ? AND segment_by = ? AND metric_ids = ?"
            + " AND confidence_level = ? AND until_day = ?";
    /** The first columns of both tables: the run, ascending across them, and the key. */
    private static final String RUN_AND_KEY = """
            run              BIGINT  NOT NULL DEFAULT nextval('runs'),
            experiment_id    VARCHAR NOT NULL,
            mean_method      VARCHAR NOT NULL,
            segment_by       VARCHAR NOT NULL,
            metric_ids       VARCHAR NOT NULL,
            confidence_level DOUBLE  NOT NULL,
            until_day        VARCHAR NOT NULL DEFAULT '',
            """;
    private static final String FAILED_COLUMNS = KEY_COLUMNS + ", failed_at, requested_by, message";

    private final Connection connection;
    private final Path file;
    private final int keep;

    private ResultsStore(Connection connection, Path file, int keep) {
        this.connection = connection;
        this.file = file;
        this.keep = keep;
    }

    /** {@link #open(Path, int)} keeping {@value #DEFAULT_KEEP} runs of each request. */
    public static ResultsStore open(Path file) {
        return open(file, DEFAULT_KEEP);
    }

    /**
     * Opens (or creates) the store in {@code file}, creating its folder, and recovering it when a
     * crash has left it damaged (see {@link StoreFiles}).
     *
     * @param keep how many runs of each request to keep (and as many failed ones), at least 1
     * @throws ResultsStoreException when it cannot be opened, e.g. another process holds it
     */
    public static ResultsStore open(Path file, int keep) {
        requirePositive(keep);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new ResultsStoreException("cannot create the folder of the results store " + file + ": " + e.getMessage(), e);
        }
        ResultsStore store = StoreFiles.open(file.toAbsolutePath(),
                absolute -> connect("jdbc:duckdb:" + absolute, absolute, keep));
        try {
            store.checkpoint();
        } catch (ResultsStoreException e) {
            store.close(); // e.g. a read-only folder: let go of the file before the caller falls back to memory
            throw e;
        }
        return store;
    }

    /** A store that keeps results only as long as the process runs, {@value #DEFAULT_KEEP} runs of each request. */
    public static ResultsStore inMemory() {
        return inMemory(DEFAULT_KEEP);
    }

    /** A store that keeps results only as long as the process runs, {@code keep} runs of each request. */
    public static ResultsStore inMemory(int keep) {
        requirePositive(keep);
        return connect("jdbc:duckdb:", null, keep);
    }

    private static void requirePositive(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("the results store must keep at least 1 run of each request, not " + keep);
        }
    }

    private static ResultsStore connect(String url, Path file, int keep) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = '256MB'");
            }
            createTables(connection, file);
            return new ResultsStore(connection, file, keep);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ResultsStoreException("cannot open the results store " + (file == null ? "in memory" : file.toString())
                    + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Creates the tables, carrying the rows of a store written before (one row per key, perhaps
     * without {@code confidence_level}: then at 95 %) over — in one transaction, so that a crash
     * midway loses nothing.
     */
    private static void createTables(Connection connection, Path file) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Layout layout = layout(connection);
            if (layout.before()) {
                statement.execute("ALTER TABLE scorecards RENAME TO scorecards_before");
            }
            statement.execute("CREATE SEQUENCE IF NOT EXISTS runs START 1");
            statement.execute("CREATE TABLE IF NOT EXISTS scorecards (" + RUN_AND_KEY + """
                        computed_at      VARCHAR NOT NULL,
                        warehouse        VARCHAR NOT NULL,
                        fingerprint      VARCHAR NOT NULL,
                        computed_by      VARCHAR NOT NULL,
                        elapsed_ms       BIGINT  NOT NULL,
                        scorecard        VARCHAR NOT NULL)""");
            statement.execute("CREATE TABLE IF NOT EXISTS failed_runs (" + RUN_AND_KEY + """
                        failed_at        VARCHAR NOT NULL,
                        requested_by     VARCHAR NOT NULL,
                        message          VARCHAR NOT NULL)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS plan_edits (
                        run              BIGINT  NOT NULL DEFAULT nextval('runs'),
                        experiment_id    VARCHAR NOT NULL,
                        edited_at        VARCHAR NOT NULL,
                        edited_by        VARCHAR NOT NULL,
                        plan             VARCHAR NOT NULL)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS experiment_records (
                        run              BIGINT  NOT NULL DEFAULT nextval('runs'),
                        experiment_id    VARCHAR NOT NULL,
                        written_at       VARCHAR NOT NULL,
                        written_by       VARCHAR NOT NULL,
                        kind             VARCHAR NOT NULL,
                        entry_value      VARCHAR NOT NULL)""");
            for (String table : List.of("scorecards", "failed_runs")) { // a store written before requests had a last day
                statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS until_day VARCHAR DEFAULT ''");
            }
            if (layout.before()) {
                int carried = statement.executeUpdate("INSERT INTO scorecards (" + COLUMNS + ") SELECT experiment_id,"
                        + " mean_method, segment_by, metric_ids, " + (layout.confidence() ? "confidence_level" : "95")
                        + ", '', computed_at, warehouse, fingerprint, computed_by, elapsed_ms, scorecard FROM scorecards_before"
                        + " ORDER BY computed_at");
                statement.execute("DROP TABLE scorecards_before");
                LOG.info("Results store {}: {} scorecards carried over to the layout that keeps the last runs of each request",
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

    /** Stores a scorecard as its request's latest, keeping the last {@code keep} runs of the request. */
    public synchronized void save(StoredScorecard stored) {
        insert("scorecards", COLUMNS, "scorecard", stored.request(), stored.computedAt().toString(), stored.warehouse(),
                stored.fingerprint().value(), stored.computedBy(), stored.elapsed().toMillis(),
                ScorecardCodec.encode(stored.scorecard()));
    }

    /** Keeps a failed run beside the stored scorecard of its request (which stays as it was), and the last {@code keep} failed ones. */
    public synchronized void saveFailure(FailedRun failed) {
        insert("failed_runs", FAILED_COLUMNS, "failed run", failed.request(), failed.failedAt().toString(), failed.requestedBy(),
                failed.message());
    }

    /** Inserts a row of {@code request} (its key, then {@code values}), keeps the table's last {@code keep} of the request, checkpoints. */
    private void insert(String table, String columns, String what, AnalysisRequest request, Object... values) {
        String marks = String.join(", ", Collections.nCopies(key(request).length + values.length, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            int next = setKey(insert, request);
            for (Object value : values) {
                insert.setObject(next++, value);
            }
            insert.executeUpdate();
            keepLatest(table, request);
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot store the " + what + " of " + request.experimentId() + ": " + firstLine(e.getMessage()), e);
        }
        checkpoint();
    }

    /** The latest scorecard stored for exactly this request ({@link StoredScorecard#stale()} false: the caller compares fingerprints). */
    public synchronized Optional<StoredScorecard> find(AnalysisRequest request) {
        return select("WHERE " + KEY + " ORDER BY run DESC LIMIT 1", key(request)).stream().findFirst();
    }

    /** The latest scorecard of each request of an experiment, newest first. */
    public synchronized List<StoredScorecard> findAll(String experimentId) {
        return select("WHERE experiment_id = ? QUALIFY row_number() OVER (PARTITION BY " + KEY_COLUMNS
                + " ORDER BY run DESC) = 1 ORDER BY run DESC", experimentId);
    }

    /** The failed run of this request that came after its latest stored scorecard (or with none stored), if any. */
    public synchronized Optional<FailedRun> lastFailure(AnalysisRequest request) {
        try (PreparedStatement query = connection.prepareStatement("SELECT failed_at, requested_by, message FROM failed_runs"
                + " WHERE " + KEY + " AND run > coalesce((SELECT max(run) FROM scorecards WHERE " + KEY + "), 0)"
                + " ORDER BY run DESC LIMIT 1")) {
            setKey(query, request, setKey(query, request));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new FailedRun(request, Instant.parse(row.getString("failed_at")),
                        row.getString("requested_by"), row.getString("message"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot read the results store: " + firstLine(e.getMessage()), e);
        }
    }

    /** Keeps an analyst's edit of an experiment's decision plan; every edit stays (who changed what and when). */
    public synchronized void savePlanEdit(PlanEdit edit) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO plan_edits (experiment_id, edited_at, edited_by, plan) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, edit.experimentId());
            insert.setString(2, edit.editedAt().toString());
            insert.setString(3, edit.editedBy());
            insert.setString(4, DecisionPlanKeys.write(edit.plan()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot store the decision plan of " + edit.experimentId() + ": "
                    + firstLine(e.getMessage()), e);
        }
        checkpoint();
    }

    /** The edits of an experiment's decision plan, newest first. */
    public synchronized List<PlanEdit> planEdits(String experimentId) {
        return selectPlanEdits("WHERE experiment_id = ? ORDER BY run DESC", experimentId);
    }

    /** The latest (readable) edit of each experiment's decision plan that has one, by experiment id. */
    public synchronized Map<String, PlanEdit> latestPlanEdits() {
        Map<String, PlanEdit> latest = new LinkedHashMap<>();
        selectPlanEdits("ORDER BY run DESC").forEach(edit -> latest.putIfAbsent(edit.experimentId(), edit));
        return latest;
    }

    private List<PlanEdit> selectPlanEdits(String where, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT experiment_id, edited_at, edited_by, plan FROM plan_edits " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<PlanEdit> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String experimentId = rows.getString("experiment_id");
                    try {
                        found.add(new PlanEdit(experimentId, DecisionPlanKeys.read(rows.getString("plan")),
                                rows.getString("edited_by"), Instant.parse(rows.getString("edited_at"))));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        LOG.warn("Ignoring an edit of the decision plan of {} that this version cannot read: {}", experimentId,
                                e.getMessage());
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot read the results store: " + firstLine(e.getMessage()), e);
        }
    }

    /** Keeps a change to the team's record of an experiment; every change stays (who wrote what and when). */
    public synchronized void saveRecordEntry(RecordEntry entry) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO experiment_records (experiment_id, written_at, written_by, kind, entry_value) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.experimentId());
            insert.setString(2, entry.writtenAt().toString());
            insert.setString(3, entry.writtenBy());
            insert.setString(4, entry.kind().id());
            insert.setString(5, entry.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot store the record of " + entry.experimentId() + ": " + firstLine(e.getMessage()), e);
        }
        checkpoint();
    }

    /**
     * The team's record of each experiment that has one, by experiment id: its entries applied in
     * the order they were written (an entry this version cannot read, or that breaks a rule, is skipped).
     */
    public synchronized Map<String, ExperimentRecord> records() {
        Map<String, ExperimentRecord> records = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT experiment_id, written_at, written_by, kind, entry_value FROM experiment_records ORDER BY run");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String experimentId = rows.getString("experiment_id");
                try {
                    RecordEntry entry = new RecordEntry(experimentId, RecordEntry.Kind.parse(rows.getString("kind")),
                            rows.getString("entry_value"), rows.getString("written_by"), Instant.parse(rows.getString("written_at")));
                    records.put(experimentId, records.getOrDefault(experimentId, ExperimentRecord.empty(experimentId)).with(entry));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    LOG.warn("Ignoring a change to the record of {} that this version cannot read: {}", experimentId, e.getMessage());
                }
            }
            return records;
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot read the results store: " + firstLine(e.getMessage()), e);
        }
    }

    /** Deletes all but the last {@code keep} runs of the request from {@code table}. */
    private void keepLatest(String table, AnalysisRequest request) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + KEY
                + " AND run NOT IN (SELECT run FROM " + table + " WHERE " + KEY + " ORDER BY run DESC LIMIT " + keep + ")")) {
            setKey(delete, request, setKey(delete, request));
            delete.executeUpdate();
        }
    }

    /** Folds the write-ahead log into the file, then copies the file: the previous good copy for {@link StoreFiles}. */
    private void checkpoint() {
        if (file == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new ResultsStoreException("cannot checkpoint the results store " + file + ": " + firstLine(e.getMessage()), e);
        }
        StoreFiles.keepGoodCopy(file);
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
                    new ConfidenceLevel(row.getDouble("confidence_level")),
                    row.getString("until_day").isEmpty() ? null : LocalDate.parse(row.getString("until_day")));
            return Optional.of(new StoredScorecard(request, ScorecardCodec.decode(row.getString("scorecard")),
                    new WarehouseFingerprint(row.getString("fingerprint")), row.getString("computed_by"),
                    Duration.ofMillis(row.getLong("elapsed_ms")), false));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a stored scorecard of {} that this version cannot read: {}", experimentId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The layout of an existing table {@code scorecards}.
     *
     * @param before     whether it was written before the store kept several runs per request (no {@code run})
     * @param confidence whether it has {@code confidence_level}
     */
    private record Layout(boolean before, boolean confidence) {
    }

    private static Layout layout(Connection connection) throws SQLException {
        try (PreparedStatement columns = connection.prepareStatement("SELECT count(*) > 0,"
                + " count(*) FILTER (WHERE column_name = 'run') = 0,"
                + " count(*) FILTER (WHERE column_name = 'confidence_level') > 0 FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = 'scorecards'");
             ResultSet found = columns.executeQuery()) {
            return found.next() && found.getBoolean(1) ? new Layout(found.getBoolean(2), found.getBoolean(3))
                    : new Layout(false, true);
        }
    }

    private static Object[] key(AnalysisRequest request) {
        return new Object[] {request.experimentId(), request.meanMethod().methodId(), segment(request), metrics(request),
                request.confidence().percent(), request.until() == null ? "" : request.until().toString()};
    }

    /** Sets the key's six parameters from {@code first} (1 by default); returns the index after them. */
    private static int setKey(PreparedStatement statement, AnalysisRequest request, int first) throws SQLException {
        Object[] key = key(request);
        for (int i = 0; i < key.length; i++) {
            statement.setObject(first + i, key[i]);
        }
        return first + key.length;
    }

    private static int setKey(PreparedStatement statement, AnalysisRequest request) throws SQLException {
        return setKey(statement, request, 1);
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
