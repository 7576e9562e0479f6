package io.splitscope.sql.generate;

import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated warehouse folder read back with DuckDB: one view per contract table, plus the
 * analysed population of every experiment built by the rules of {@code spec/warehouse.md}.
 */
final class GeneratedWarehouse implements AutoCloseable {

    private final Connection connection;

    GeneratedWarehouse(Path folder, OutputFormat format) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        for (TableSpec table : WarehouseSchema.TABLES) {
            String file = folder.resolve(format.fileName(table.name())).toAbsolutePath().toString().replace("'", "''");
            String reader = format == OutputFormat.CSV ? "read_csv('" + file + "', header = true)" : "read_parquet('" + file + "')";
            execute("CREATE VIEW " + table.name() + " AS SELECT * FROM " + reader);
        }
        // Rules 1-4 of "The analysed population of an experiment E".
        execute("""
                CREATE TABLE exposure_units AS
                WITH in_period AS (
                  SELECT x.experiment_id, x.unit_id, x.variant, x.exposed_at
                  FROM exposures x JOIN experiments e USING (experiment_id)
                  WHERE x.exposed_at >= CAST(e.start_date AS TIMESTAMP)
                    AND x.exposed_at < CAST(e.end_date + 1 AS TIMESTAMP)
                ), known AS (
                  SELECT i.* FROM in_period i JOIN variants v USING (experiment_id, variant)
                )
                SELECT k.experiment_id, k.unit_id, count(DISTINCT k.variant) AS variants, min(k.variant) AS variant,
                       min(k.exposed_at) AS first_exposed_at, CAST(e.end_date + 1 AS TIMESTAMP) AS analysis_end
                FROM known k JOIN experiments e USING (experiment_id)
                GROUP BY k.experiment_id, k.unit_id, e.end_date
                """);
        execute("CREATE VIEW population AS SELECT * EXCLUDE (variants) FROM exposure_units WHERE variants = 1");
    }

    /**
     * Per unit of the population with a complete 7-day window: streaming hours, plays, and the
     * streaming hours of the 14-day pre-exposure window.
     */
    void createSevenDayMetrics() throws SQLException {
        execute("""
                CREATE TABLE seven_day AS
                SELECT p.experiment_id, p.variant, p.unit_id,
                  coalesce(sum(b.watch_seconds) FILTER (WHERE b.started_at >= p.first_exposed_at), 0) / 3600 AS streaming_hours,
                  count(b.started_at) FILTER (WHERE b.started_at >= p.first_exposed_at) AS plays,
                  coalesce(sum(b.watch_seconds) FILTER (WHERE b.started_at < p.first_exposed_at), 0) / 3600 AS pre_streaming_hours
                FROM population p
                LEFT JOIN playback b ON b.unit_id = p.unit_id
                  AND b.started_at >= p.first_exposed_at - INTERVAL 14 DAY
                  AND b.started_at < p.first_exposed_at + INTERVAL 7 DAY
                WHERE p.first_exposed_at + INTERVAL 7 DAY <= p.analysis_end
                GROUP BY ALL
                """);
    }

    /** Per unit of the population with a complete 28-day window: revenue and whether it cancelled. */
    void createTwentyEightDayMetrics() throws SQLException {
        execute("""
                CREATE TABLE twenty_eight_day AS
                SELECT p.experiment_id, p.variant, p.unit_id,
                  coalesce((SELECT sum(amount) FROM payments y WHERE y.unit_id = p.unit_id
                      AND y.paid_at >= p.first_exposed_at AND y.paid_at < p.first_exposed_at + INTERVAL 28 DAY), 0) AS revenue,
                  CASE WHEN EXISTS (SELECT 1 FROM cancellations c WHERE c.unit_id = p.unit_id
                      AND c.cancelled_at >= p.first_exposed_at AND c.cancelled_at < p.first_exposed_at + INTERVAL 28 DAY)
                    THEN 1 ELSE 0 END AS cancelled
                FROM population p
                WHERE p.first_exposed_at + INTERVAL 28 DAY <= p.analysis_end
                """);
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row, as a number. */
    double number(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rows.getDouble(1);
        }
    }

    long count(String sql) throws SQLException {
        return (long) number(sql);
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The first column of every row as key, the second as a number. */
    Map<String, Double> numbers(String sql) throws SQLException {
        Map<String, Double> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return values;
    }

    /** Column names and DuckDB types of a table view, in order. */
    Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE " + table)) {
            while (rows.next()) {
                columns.put(rows.getString("column_name"), rows.getString("column_type"));
            }
        }
        return columns;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
