package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the engine from what follows {@code --warehouse}. PostgresWarehouseIT opens real PostgreSQL URLs. */
class WarehousesTest {

    @TempDir
    Path folder;

    @Test
    void opensAPathWithTheEmbeddedEngine() {
        Path missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> Warehouses.open(missing.toString()))
                .hasMessage("warehouse not found: " + missing + " does not exist");
    }

    @Test
    void opensAPostgresUrlWithThePostgresEngine() {
        assertThatThrownBy(() -> Warehouses.open("jdbc:postgresql://127.0.0.1:1/db?user=u&password=secret"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/db: ")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesTrinoForNowAndOtherEnginesWithOneLine() {
        assertThatThrownBy(() -> Warehouses.open("jdbc:trino://trino:8080/hive/default?user=me&password=secret"))
                .hasMessage("Trino warehouses are not supported yet (jdbc:trino://trino:8080/hive/default); "
                        + "use a folder, a DuckDB file or jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> Warehouses.open("jdbc:mysql://me:secret@db/shop"))
                .hasMessage("unsupported warehouse URL jdbc:mysql://db/shop: Splitscope reads a folder, a DuckDB file "
                        + "or jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> Warehouses.open(" "))
                .hasMessage("no warehouse given: a folder, a DuckDB file or jdbc:postgresql://host:port/database");
    }

    @Test
    void redactsWhatMayHoldPasswords() {
        assertThat(Warehouses.redact("jdbc:postgresql://db:5432/a?user=u&password=p")).isEqualTo("jdbc:postgresql://db:5432/a");
        assertThat(Warehouses.redact("jdbc:sqlserver://db;user=u;password=p")).isEqualTo("jdbc:sqlserver://db");
        assertThat(Warehouses.redact("jdbc:postgresql://u:p@db/a")).isEqualTo("jdbc:postgresql://db/a");
    }
}
