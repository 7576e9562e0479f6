package io.splitscope.sql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.splitscope.sql.JdbcEngineFixture;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Trino engine against a real, throwaway single-node Trino ({@link TrinoServer}, one for the
 * class): the loader, the contract checks and their messages, the JDBC-to-Arrow conversion
 * compared with the embedded engine's Arrow, batching, failures, and the dialect helpers computed
 * by Trino itself. Each test that changes tables works on a schema of its own.
 */
class TrinoWarehouseIT {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    @TempDir
    static Path folder;
    private static BufferAllocator allocator;
    private static String url;

    @BeforeAll
    static void loadTheValidWarehouse() throws IOException {
        JdbcEngineFixture.writeValidWarehouse(folder);
        url = load("valid");
        allocator = new RootAllocator();
    }

    @AfterAll
    static void closeAllocator() {
        allocator.close();
    }

    private static String load(String schema) {
        String schemaUrl = TRINO.createSchema(schema);
        JdbcEngineFixture.assertLoadedTheValidWarehouse(TrinoLoader.load(folder, schemaUrl, false));
        return schemaUrl;
    }

    @Test
    void answersEveryContractTableWithTheEmbeddedEnginesArrowBitForBit() {
        try (TrinoWarehouse trino = TrinoWarehouse.open(url); DuckDbWarehouse duckdb = DuckDbWarehouse.open(folder)) {
            JdbcEngineFixture.assertReadsEveryContractTableAs(duckdb, trino, allocator);
            assertThat(trino.description()).isEqualTo(url.substring(0, url.indexOf('?')));
            assertThat(trino.catalog()).isEqualTo("memory");
            assertThat(trino.schema()).isEqualTo("valid");
        }
    }

    @Test
    void isWhatWarehousesOpensForATrinoUrl() {
        try (Warehouse warehouse = Warehouses.open(url)) {
            assertThat(warehouse).isInstanceOf(TrinoWarehouse.class);
            assertThat(warehouse.query(DSL.select(DSL.count().as("count")).from(WarehouseSchema.PLAYBACK.table()), allocator, ArrowRows::read)
                    .getFirst().longValue("count")).isEqualTo(3);
        }
    }

    @Test
    void streamsLargeResultsInBatchesOf64kRows() {
        try (TrinoWarehouse warehouse = TrinoWarehouse.open(url)) {
            List<Integer> batches = JdbcEngineFixture.batchSizes(warehouse, warehouse.dsl().resultQuery(
                    "SELECT a * 1000 + b AS n FROM UNNEST(sequence(0, 149)) AS x(a) CROSS JOIN UNNEST(sequence(1, 1000)) AS y(b)"),
                    allocator);

            assertThat(batches).containsExactly(65536, 65536, 18928);
        }
    }

    @Test
    void checksEveryTableAndColumnAtOpenWithTheEmbeddedEnginesMessages() {
        String broken = load("broken");
        // The memory connector cannot drop a column: make the table again without it.
        TRINO.execute("DROP TABLE memory.broken.playback");
        TRINO.execute("CREATE TABLE memory.broken.playback AS SELECT unit_id, started_at, startup_ms, rebuffers "
                + "FROM memory.valid.playback");
        assertThatThrownBy(() -> TrinoWarehouse.open(broken))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("table playback (memory.broken.playback): column watch_seconds is missing "
                        + "(found: unit_id, started_at, startup_ms, rebuffers)");

        TRINO.execute("ALTER TABLE memory.broken.playback ADD COLUMN watch_seconds double");
        TRINO.execute("DROP TABLE memory.broken.cancellations");
        String description = broken.substring(0, broken.indexOf('?'));
        assertThatThrownBy(() -> Warehouses.open(broken))
                .hasMessage("table cancellations is missing: expected a table or view named cancellations in schema "
                        + "memory.broken of " + description);
    }

    @Test
    void refusesAColumnTypeOfTheWrongKindAndAcceptsOthersOfTheRightKind() {
        String typed = TRINO.createSchema("typed");
        TrinoLoader.load(folder, typed, false);
        TRINO.execute("DROP TABLE memory.typed.exposures");
        TRINO.execute("CREATE TABLE memory.typed.exposures AS SELECT experiment_id, cast(unit_id AS varchar) AS unit_id, "
                + "variant, exposed_at FROM memory.valid.exposures");
        assertThatThrownBy(() -> TrinoWarehouse.open(typed))
                .hasMessage("table exposures (memory.typed.exposures): column unit_id has type varchar, which is not a whole number");

        TRINO.execute("DROP TABLE memory.typed.exposures");
        TRINO.execute("CREATE TABLE memory.typed.exposures AS SELECT cast(experiment_id AS varchar(20)) AS experiment_id, "
                + "cast(unit_id AS integer) AS unit_id, cast(variant AS char(7)) AS variant, "
                + "exposed_at AT TIME ZONE 'UTC' AS exposed_at FROM memory.valid.exposures");
        TRINO.execute("DROP TABLE memory.typed.payments");
        TRINO.execute("CREATE TABLE memory.typed.payments AS SELECT unit_id, cast(paid_at AS timestamp(3)) AS paid_at, "
                + "cast(amount AS decimal(10, 2)) AS amount FROM memory.valid.payments");
        try (TrinoWarehouse warehouse = TrinoWarehouse.open(typed)) {
            List<Row> rows = warehouse.query(DSL.select(WarehouseSchema.UNIT_ID, WarehouseSchema.EXPOSED_AT, WarehouseSchema.VARIANT)
                    .from(WarehouseSchema.EXPOSURES.table()).orderBy(WarehouseSchema.UNIT_ID), allocator, ArrowRows::read);
            List<Row> amounts = warehouse.query(DSL.select(WarehouseSchema.AMOUNT).from(WarehouseSchema.PAYMENTS.table()),
                    allocator, ArrowRows::read);

            assertThat(rows).extracting(row -> row.longValue("unit_id")).containsExactly(1L, 2L);
            // a timestamp with time zone reads as the same instant, in UTC
            assertThat(rows.get(1).values().get("exposed_at")).hasToString("2026-03-02T10:00:00.123456");
            assertThat(amounts.getFirst().doubleValue("amount")).isEqualTo(9.99);
        }
    }

    @Test
    void saysInOneLineWhyItCannotConnectOrFindTheSchema() {
        String unknown = url.replace("/memory/valid?", "/memory/nope?");
        assertThatThrownBy(() -> TrinoWarehouse.open(unknown))
                .hasMessage("table experiments is missing: expected a table or view named experiments in schema memory.nope of "
                        + unknown.substring(0, unknown.indexOf('?')));
        assertThatThrownBy(() -> TrinoWarehouse.open("jdbc:trino://127.0.0.1:1/memory/x?user=me"))
                .hasMessageStartingWith("cannot connect to jdbc:trino://127.0.0.1:1/memory/x: ")
                .hasMessageNotContaining("\n");
        // Trino's driver sends a password only over TLS, and says so before connecting
        assertThatThrownBy(() -> TrinoWarehouse.open(url + "&password=secret"))
                .hasMessage("cannot connect to " + url.substring(0, url.indexOf('?'))
                        + ": TLS/SSL is required for authentication with username and password");
        assertThatThrownBy(() -> TrinoWarehouse.open("jdbc:mysql://db/x"))
                .hasMessageStartingWith("not a Trino JDBC URL: jdbc:mysql://db/x");
    }

    @Test
    void reportsAFailedQueryInOneLineAndKeepsWorking() {
        try (TrinoWarehouse warehouse = TrinoWarehouse.open(url)) {
            assertThatThrownBy(() -> warehouse.query(DSL.select(field(name("nope"))).from(WarehouseSchema.PLAYBACK.table()),
                    allocator, ArrowRows::read))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessage("query failed on " + warehouse.description() + ": line 1:8: Column 'nope' cannot be resolved");
            assertThatThrownBy(() -> warehouse.query(warehouse.dsl().resultQuery(
                            "SELECT 1 / (n - 3) AS x FROM UNNEST(sequence(1, 10000)) AS t(n)"), allocator, ArrowRows::read))
                    .hasMessage("query failed on " + warehouse.description() + ": Division by zero");
            assertThatThrownBy(() -> warehouse.query(warehouse.dsl().resultQuery("SELECT interval '1' day AS gap"), allocator,
                    ArrowRows::read))
                    .hasMessageStartingWith("result column gap has the SQL type interval day to second");

            List<Row> rows = warehouse.query(DSL.select(DSL.count().as("count")).from(WarehouseSchema.PLAYBACK.table()), allocator, ArrowRows::read);
            assertThat(rows.getFirst().longValue("count")).isEqualTo(3);
        }
    }

    @Test
    void answersQueriesFromSeveralThreads() {
        try (TrinoWarehouse warehouse = TrinoWarehouse.open(url)) {
            JdbcEngineFixture.assertAnswersQueriesFromSeveralThreads(warehouse, allocator, 8);
        }
    }

    @Test
    void refusesToOverwriteTablesUnlessAskedTo() {
        JdbcEngineFixture.assertRefusesToOverwriteTablesUnlessAskedTo(TrinoLoader::load, folder, load("twice"));
    }

    /** The values of {@code DialectsTest}, computed by Trino. */
    @Test
    void computesTheDialectHelpersLikeDuckDb() {
        String values = " FROM (VALUES (DOUBLE '1.0', 7, DATE '2026-03-08'), (2.0E0, 2, DATE '2026-03-07'), "
                + "(3.0E0, 1, DATE '2026-03-03'), (10.0E0, 4, DATE '2026-03-02'), (NULL, NULL, NULL)) AS t(x, i, d)";
        try (TrinoWarehouse warehouse = TrinoWarehouse.open(url)) {
            Row row = JdbcEngineFixture.assertComputesTheDialectHelpersLikeDuckDb(warehouse, SQLDialect.TRINO, values,
                    allocator);
            // approx_percentile returns one of the values, not an interpolation between two
            assertThat(row.doubleValue("approx")).isIn(2.0, 3.0);
        }
    }
}
