package io.splitscope.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.splitscope.sql.JdbcEngineFixture;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows.Row;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL engine against a real, throwaway PostgreSQL ({@link PostgresServer}): the loader,
 * the contract checks and their messages, the JDBC-to-Arrow conversion compared with the embedded
 * engine's Arrow, batching, failures, and the dialect helpers computed by PostgreSQL itself.
 */
class PostgresWarehouseIT {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path folder;
    private final BufferAllocator allocator = new RootAllocator();
    private String url;

    @BeforeEach
    void loadTheValidWarehouse() throws IOException {
        JdbcEngineFixture.writeValidWarehouse(folder);
        url = POSTGRES.createDatabase("warehouse_" + DATABASES.incrementAndGet());
        JdbcEngineFixture.assertLoadedTheValidWarehouse(PostgresLoader.load(folder, url, false));
    }

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersEveryContractTableWithTheEmbeddedEnginesArrowBitForBit() {
        try (PostgresWarehouse postgres = PostgresWarehouse.open(url); DuckDbWarehouse duckdb = DuckDbWarehouse.open(folder)) {
            JdbcEngineFixture.assertReadsEveryContractTableAs(duckdb, postgres, allocator);
            assertThat(postgres.description()).isEqualTo(url.substring(0, url.indexOf('?')));
            assertThat(postgres.schema()).isEqualTo("public");
        }
    }

    @Test
    void streamsLargeResultsInBatchesOf64kRows() {
        try (PostgresWarehouse warehouse = PostgresWarehouse.open(url)) {
            List<Integer> batches = JdbcEngineFixture.batchSizes(warehouse, warehouse.dsl().resultQuery(
                    "SELECT n::bigint AS n FROM generate_series(1, 150000) AS n"), allocator);

            assertThat(batches).containsExactly(65536, 65536, 18928);
        }
    }

    @Test
    void checksEveryTableAndColumnAtOpenWithTheEmbeddedEnginesMessages() {
        execute("ALTER TABLE playback DROP COLUMN watch_seconds");
        assertThatThrownBy(() -> PostgresWarehouse.open(url))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("table playback (public.playback): column watch_seconds is missing "
                        + "(found: unit_id, started_at, startup_ms, rebuffers)");

        execute("ALTER TABLE playback ADD COLUMN watch_seconds double precision");
        execute("DROP TABLE cancellations");
        assertThatThrownBy(() -> Warehouses.open(url))
                .hasMessage("table cancellations is missing: expected a table or view named cancellations in schema public of "
                        + url.substring(0, url.indexOf('?')));
    }

    @Test
    void refusesAColumnTypeOfTheWrongKind() {
        execute("ALTER TABLE exposures ALTER COLUMN unit_id TYPE text");

        assertThatThrownBy(() -> PostgresWarehouse.open(url))
                .hasMessage("table exposures (public.exposures): column unit_id has type text, which is not a whole number");
    }

    @Test
    void acceptsOtherTypesOfTheRightKind() {
        execute("ALTER TABLE exposures ALTER COLUMN unit_id TYPE integer");
        execute("ALTER TABLE exposures ALTER COLUMN exposed_at TYPE timestamptz USING exposed_at AT TIME ZONE 'UTC'");
        execute("ALTER TABLE exposures ALTER COLUMN variant TYPE text");
        execute("ALTER TABLE payments ALTER COLUMN amount TYPE numeric(10, 2)");
        execute("CREATE VIEW v AS SELECT 1");

        try (PostgresWarehouse warehouse = PostgresWarehouse.open(url)) {
            List<Row> rows = warehouse.query(DSL.select(WarehouseSchema.UNIT_ID, WarehouseSchema.EXPOSED_AT, WarehouseSchema.VARIANT)
                    .from(WarehouseSchema.EXPOSURES.table()).orderBy(WarehouseSchema.UNIT_ID), allocator, ArrowRows::read);
            List<Row> amounts = warehouse.query(DSL.select(WarehouseSchema.AMOUNT).from(WarehouseSchema.PAYMENTS.table()),
                    allocator, ArrowRows::read);

            assertThat(rows).extracting(row -> row.longValue("unit_id")).containsExactly(1L, 2L);
            // a timestamptz reads as the same instant, in UTC whatever the JVM's zone
            assertThat(rows.getFirst().values().get("exposed_at")).hasToString("2026-03-01T10:00");
            assertThat(amounts.getFirst().doubleValue("amount")).isEqualTo(9.99);
        }
    }

    @Test
    void readsTheContractFromTheSchemaTheUrlNames() {
        execute("CREATE SCHEMA analytics");
        String inSchema = url + "&currentSchema=analytics";
        PostgresLoader.load(folder, inSchema, false);
        execute("DROP TABLE public.members");

        try (PostgresWarehouse warehouse = PostgresWarehouse.open(inSchema)) {
            assertThat(warehouse.schema()).isEqualTo("analytics");
        }
    }

    @Test
    void saysInOneLineWhyItCannotConnect() {
        String unknown = url.replaceFirst("/warehouse_\\d+\\?", "/nope?") + "&password=secret";
        assertThatThrownBy(() -> PostgresWarehouse.open(unknown))
                .hasMessage("cannot connect to jdbc:postgresql://127.0.0.1:" + POSTGRES.port() + "/nope: "
                        + "FATAL: database \"nope\" does not exist");
        assertThatThrownBy(() -> PostgresWarehouse.open("jdbc:postgresql://127.0.0.1:1/db?user=me&password=secret"))
                .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/db: Connection to 127.0.0.1:1 refused")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> PostgresWarehouse.open("jdbc:mysql://db/x"))
                .hasMessageStartingWith("not a PostgreSQL JDBC URL: jdbc:mysql://db/x");
    }

    @Test
    void reportsAFailedQueryInOneLineAndKeepsWorking() {
        try (PostgresWarehouse warehouse = PostgresWarehouse.open(url)) {
            assertThatThrownBy(() -> warehouse.query(DSL.select(field(name("nope"))).from(WarehouseSchema.PLAYBACK.table()),
                    allocator, ArrowRows::read))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessage("query failed on " + warehouse.description() + ": ERROR: column \"nope\" does not exist");
            assertThatThrownBy(() -> warehouse.query(warehouse.dsl().resultQuery("SELECT 1 / (n - 3) AS x FROM generate_series(1, 100000) AS n"),
                    allocator, ArrowRows::read))
                    .hasMessage("query failed on " + warehouse.description() + ": ERROR: division by zero");
            assertThatThrownBy(() -> warehouse.query(warehouse.dsl().resultQuery("SELECT interval '1 day' AS gap"), allocator, ArrowRows::read))
                    .hasMessageStartingWith("result column gap has the SQL type interval");

            List<Row> rows = warehouse.query(DSL.selectCount().from(WarehouseSchema.PLAYBACK.table()), allocator, ArrowRows::read);
            assertThat(rows.getFirst().longValue("count")).isEqualTo(3);
        }
    }

    @Test
    void answersQueriesFromSeveralThreads() {
        try (PostgresWarehouse warehouse = PostgresWarehouse.open(url)) {
            JdbcEngineFixture.assertAnswersQueriesFromSeveralThreads(warehouse, allocator, 16);
        }
    }

    @Test
    void refusesToOverwriteTablesUnlessAskedTo() {
        JdbcEngineFixture.assertRefusesToOverwriteTablesUnlessAskedTo(PostgresLoader::load, folder, url);
    }

    /** The values of {@code DialectsTest}, computed by PostgreSQL. */
    @Test
    void computesTheDialectHelpersLikeDuckDb() {
        String values = " FROM (VALUES (1.0::float8, 7, DATE '2026-03-08'), (2.0, 2, DATE '2026-03-07'), "
                + "(3.0, 1, DATE '2026-03-03'), (10.0, 4, DATE '2026-03-02'), (NULL, NULL, NULL)) AS t(x, i, d)";
        try (PostgresWarehouse warehouse = PostgresWarehouse.open(url)) {
            Row row = JdbcEngineFixture.assertComputesTheDialectHelpersLikeDuckDb(warehouse, SQLDialect.POSTGRES, values,
                    allocator);
            assertThat(row.doubleValue("approx")).isEqualTo(2.5); // PostgreSQL has no approximation: the median
        }
    }
}
