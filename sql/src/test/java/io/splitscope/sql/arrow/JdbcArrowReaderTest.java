package io.splitscope.sql.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.sql.WarehouseException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.duckdb.DuckDBResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC-to-Arrow conversion, on DuckDB's JDBC result sets, against DuckDB's own Arrow export of
 * the same query: same vector types, same values. PostgresWarehouseIT covers PostgreSQL's driver.
 */
class JdbcArrowReaderTest {

    private static final String RESULT_TYPES = "SELECT * FROM (VALUES "
            + "('control', 1::BIGINT, 42::INTEGER, 1.5::DOUBLE, 2.25::DECIMAL(10, 2), DATE '2026-03-01', "
            + "TIMESTAMP '2026-03-01 10:00:00.123456', true), "
            + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            + "('trëatment', -9007199254740993, -7, -0.1, 0, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999999', false)) "
            + "AS t(variant, n, small, sum, amount, day, seen_at, flag)";

    private Connection connection;
    private final BufferAllocator allocator = new RootAllocator();

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        allocator.close();
    }

    private List<String> viaJdbc(String sql, int batchRows) throws SQLException, IOException {
        List<String> batches = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql);
             ArrowReader reader = new JdbcArrowReader(rows, allocator, batchRows)) {
            while (reader.loadNextBatch()) {
                batches.add(reader.getVectorSchemaRoot().contentToTSVString());
            }
        }
        return batches;
    }

    private List<ArrowType> jdbcTypes(String sql) throws SQLException, IOException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql);
             ArrowReader reader = new JdbcArrowReader(rows, allocator, 10)) {
            return reader.getVectorSchemaRoot().getSchema().getFields().stream().map(f -> f.getType()).toList();
        }
    }

    private List<ArrowType> nativeTypes(String sql) throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
             DuckDBResultSet rows = (DuckDBResultSet) statement.executeQuery(sql);
             ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, 10)) {
            return reader.getVectorSchemaRoot().getSchema().getFields().stream().map(f -> f.getType()).toList();
        }
    }

    @Test
    void givesTheVectorsOfDuckDbsOwnArrowExportForTheContractsTypes() throws SQLException, IOException {
        String contractTypes = "SELECT 'a'::VARCHAR AS v, 1::BIGINT AS n, 1.5::DOUBLE AS s, DATE '2026-03-01' AS d, "
                + "TIMESTAMP '2026-03-01 10:00:00' AS t";

        assertThat(jdbcTypes(contractTypes)).isEqualTo(nativeTypes(contractTypes));
    }

    @Test
    void convertsEveryTypeOfAResultWithItsNulls() throws SQLException, IOException {
        List<String> batches = viaJdbc(RESULT_TYPES, 100);

        assertThat(batches).containsExactly("""
                variant	n	small	sum	amount	day	seen_at	flag
                control	1	42	1.5	2.25	20513	2026-03-01T10:00:00.123456	true
                null	null	null	null	null	null	null	null
                trëatment	-9007199254740993	-7	-0.1	0.0	-1	1969-12-31T23:59:59.999999	false
                """);
    }

    @Test
    void cutsTheResultIntoBatchesOfTheGivenSize() throws SQLException, IOException {
        List<String> batches = viaJdbc("SELECT range AS n FROM range(5)", 2);

        assertThat(batches).containsExactly("n\n0\n1\n", "n\n2\n3\n", "n\n4\n");
        assertThat(viaJdbc("SELECT range AS n FROM range(4)", 2)).hasSize(2);
        assertThat(viaJdbc("SELECT range AS n FROM range(0)", 2)).isEmpty();
    }

    @Test
    void refusesATypeThatResultsDoNotHaveNamingTheColumn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT INTERVAL 1 DAY AS gap")) {
            assertThatThrownBy(() -> new JdbcArrowReader(rows, allocator, 10))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageStartingWith("result column gap has the SQL type INTERVAL, which Splitscope does not read");
        }
    }
}
