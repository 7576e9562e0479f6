package io.splitscope.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.sql.StagedTable;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {

    /** A valid warehouse: one experiment with two exposures, one row in every other table. */
    private static final Map<String, String> VALID = Map.of(
            "experiments", "experiment_id,name,hypothesis,owner,start_date,end_date,control_variant\n"
                    + "exp_a,A,,me,2026-03-01,2026-03-10,control\n",
            "variants", "experiment_id,variant,weight\nexp_a,control,0.5\nexp_a,b,0.5\n",
            "exposures", "experiment_id,unit_id,variant,exposed_at\nexp_a,1,control,2026-03-01 10:00:00\n"
                    + "exp_a,2,b,2026-03-02 10:00:00\n",
            "members", "unit_id,signup_date,country,device,plan\n1,2025-01-01,US,tv,basic\n",
            "playback", "unit_id,started_at,watch_seconds,startup_ms,rebuffers\n1,2026-03-02 00:00:00,60.5,900,0\n",
            "payments", "unit_id,paid_at,amount\n1,2026-03-02 00:00:00,9.99\n",
            "cancellations", "unit_id,cancelled_at\n2,2026-03-05 00:00:00\n");

    @TempDir
    Path folder;
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private void writeCsv(Map<String, String> tables) throws IOException {
        for (var table : tables.entrySet()) {
            Files.writeString(folder.resolve(table.getKey() + ".csv"), table.getValue());
        }
    }

    private List<Row> exposures(DuckDbWarehouse warehouse) {
        var dsl = warehouse.dsl();
        return warehouse.query(dsl.select(WarehouseSchema.UNIT_ID, WarehouseSchema.EXPOSED_AT)
                .from(WarehouseSchema.EXPOSURES.table()).orderBy(WarehouseSchema.UNIT_ID), allocator, ArrowRows::read);
    }

    @Test
    void opensAFolderOfCsvFilesWithTheContractTypes() throws IOException {
        writeCsv(VALID);
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(folder)) {
            List<Row> rows = exposures(warehouse);

            assertThat(rows).extracting(row -> row.longValue("unit_id")).containsExactly(1L, 2L);
            assertThat(rows.getFirst().values().get("exposed_at")).hasToString("2026-03-01T10:00");
            assertThat(warehouse.description()).isEqualTo(folder.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void opensAFolderOfParquetFilesAndADuckDbFile() throws IOException, SQLException {
        Path csv = Files.createDirectory(folder.resolve("csv"));
        Path parquet = Files.createDirectory(folder.resolve("parquet"));
        Path database = folder.resolve("warehouse.duckdb");
        for (var table : VALID.entrySet()) {
            Files.writeString(csv.resolve(table.getKey() + ".csv"), table.getValue());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement()) {
            for (String table : VALID.keySet()) {
                String read = "read_csv('" + csv.resolve(table + ".csv") + "', header = true)";
                statement.execute("COPY (SELECT * FROM " + read + ") TO '" + parquet.resolve(table + ".parquet") + "' (FORMAT parquet)");
                statement.execute("CREATE TABLE " + table + " AS SELECT * FROM " + read);
            }
        }
        for (Path source : List.of(parquet, database)) {
            try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(source)) {
                assertThat(exposures(warehouse)).extracting(row -> row.longValue("unit_id")).containsExactly(1L, 2L);
            }
        }
    }

    @Test
    void namesAMissingWarehouse() {
        Path missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> DuckDbWarehouse.open(missing))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("warehouse not found: " + missing + " does not exist");
    }

    @Test
    void namesAMissingTable() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.remove("playback");
        writeCsv(tables);

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table playback is missing: expected playback.parquet or playback.csv in " + folder.toAbsolutePath().normalize());
    }

    @Test
    void namesAMissingColumn() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.put("playback", "unit_id,started_at,seconds,startup_ms,rebuffers\n1,2026-03-02 00:00:00,60,900,0\n");
        writeCsv(tables);

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table playback (playback.csv): column watch_seconds is missing "
                        + "(found: unit_id, started_at, seconds, startup_ms, rebuffers)");
    }

    @Test
    void namesANonNumericIdWithItsTableAndColumn() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.put("exposures", "experiment_id,unit_id,variant,exposed_at\nexp_a,1,control,2026-03-01 10:00:00\n"
                + "exp_a,u-2,b,2026-03-02 10:00:00\n");
        writeCsv(tables);

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table exposures (exposures.csv): column unit_id holds 'u-2', which is not a whole number");
    }

    @Test
    void namesACsvFileThatIsNotUtf8WithItsLine() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.remove("members");
        writeCsv(tables);
        // Latin-1 "é" (0xE9) on line 3: 40 + 25 bytes of lines 1-2, then 22 of "2,2025-01-01,FR,tv,caf" -> byte 87 (from 0)
        Files.write(folder.resolve("members.csv"), ("unit_id,signup_date,country,device,plan\n1,2025-01-01,US,tv,basic\n"
                + "2,2025-01-01,FR,tv,caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table members (members.csv): line 3 is not UTF-8 text (byte 87 of the file; save it as UTF-8)");
    }

    @Test
    void namesARowWithMoreFieldsThanTheHeader() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.put("payments", "unit_id,paid_at,amount\n1,2026-03-02 00:00:00,9.99\n2,2026-03-02 00:00:00,9.99,extra\n");
        writeCsv(tables);

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table payments (payments.csv): line 3 has 4 fields where the header has 3");
    }

    @Test
    void aProjectWarehouseNamesTheLineOfACsvFileThatDuckDbCannotRead() throws IOException {
        // a project file's warehouse (no contract): every file under its own name, as DuckDB reads it
        Files.writeString(folder.resolve("orders.csv"), "user_id,amount\n1,9.99\n2,5.00,extra\n");
        assertThatThrownBy(() -> DuckDbWarehouse.open(folder, List.of()))
                .hasMessage("table orders (orders.csv): line 3 has 3 fields where the header has 2");
        Files.delete(folder.resolve("orders.csv"));
        Files.write(folder.resolve("users.csv"), "user_id,city\n1,Z\u00fcrich\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DuckDbWarehouse.open(folder, List.of()))
                .hasMessage("table users (users.csv): line 2 is not UTF-8 text (byte 16 of the file; save it as UTF-8)");
    }

    @Test
    void aProjectWarehouseReadsCsvFilesWithOtherDelimitersAsDuckDbDetectsThem() throws IOException {
        // a semicolon file with decimal commas and a tab file with commas in its text: valid, and not
        // taken for rows with more fields than the header
        Files.writeString(folder.resolve("orders.csv"), "user_id;amount\n1;9,99\n2;5,00\n");
        Files.writeString(folder.resolve("users.csv"), "user_id\tcity\n1\tZurich, CH\n2\tBern, CH\n");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(folder, List.of())) {
            assertThat(warehouse.query(DSL.select(DSL.field(DSL.name("amount"))).from(DSL.table(DSL.name("orders"))),
                    allocator, ArrowRows::read)).hasSize(2);
            assertThat(warehouse.query(DSL.select(DSL.field(DSL.name("city"))).from(DSL.table(DSL.name("users"))),
                    allocator, ArrowRows::read)).extracting(row -> row.string("city")).containsExactly("Zurich, CH", "Bern, CH");
        }
    }

    @Test
    void namesABadTimestamp() throws IOException {
        var tables = new java.util.HashMap<>(VALID);
        tables.put("payments", "unit_id,paid_at,amount\n1,yesterday,9.99\n");
        writeCsv(tables);

        assertThatThrownBy(() -> DuckDbWarehouse.open(folder))
                .hasMessage("table payments (payments.csv): column paid_at holds 'yesterday', which is not a timestamp (YYYY-MM-DD HH:MM:SS)");
    }

    @Test
    void namesAFileThatIsNotADuckDbDatabase() throws IOException {
        Path notADatabase = Files.writeString(folder.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> DuckDbWarehouse.open(notADatabase))
                .isInstanceOf(WarehouseException.class)
                .hasMessageStartingWith("cannot open " + notADatabase + " as a DuckDB database: ");
    }

    @Test
    void reportsAFailingQueryInOneLine() throws IOException {
        writeCsv(VALID);
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(folder)) {
            assertThatThrownBy(() -> warehouse.query(DSL.selectFrom(DSL.table(DSL.name("nope"))), allocator, ArrowRows::read))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageStartingWith("query failed on " + warehouse.description() + ": ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void stagesRowsInMemoryForTheQueriesThatFollowAndDropsThemOnClose() throws IOException, SQLException {
        Path database = folder.resolve("warehouse.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement()) {
            for (var table : VALID.entrySet()) {
                Path csv = Files.writeString(folder.resolve(table.getKey() + ".csv"), table.getValue());
                statement.execute("CREATE TABLE " + table.getKey() + " AS SELECT * FROM read_csv('" + csv + "', header = true)");
            }
        }
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(database)) {
            var dsl = warehouse.dsl();
            StagedTable staged = warehouse.stage(dsl.select(WarehouseSchema.UNIT_ID)
                    .from(WarehouseSchema.EXPOSURES.table()).where(WarehouseSchema.UNIT_ID.gt(1L))).orElseThrow();
            // another query, on a connection of its own, reads it
            assertThat(warehouse.query(dsl.selectFrom(staged.table()), allocator, ArrowRows::read))
                    .extracting(row -> row.longValue("unit_id")).containsExactly(2L);

            staged.close();
            assertThatThrownBy(() -> warehouse.query(dsl.selectFrom(staged.table()), allocator, ArrowRows::read))
                    .isInstanceOf(WarehouseException.class);
            assertThatThrownBy(() -> warehouse.stage(dsl.select(DSL.field(DSL.name("nope"))).from(WarehouseSchema.EXPOSURES.table())))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageStartingWith("staging a table on " + warehouse.description() + ": ")
                    .hasMessageContaining("nope")
                    .hasMessageNotContaining("\n");
        }
        // the database file the warehouse read is as it was: no table was written to it
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement();
             var tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables")) {
            tables.next();
            assertThat(tables.getLong(1)).isEqualTo(VALID.size());
        }
    }
}
