package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing the engine from what follows {@code --warehouse}. PostgresWarehouseIT and TrinoWarehouseIT
 * open real PostgreSQL and Trino URLs.
 */
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
    void opensATrinoUrlWithTheTrinoEngine() {
        assertThatThrownBy(() -> Warehouses.open("jdbc:trino://127.0.0.1:1/hive/default?user=me&password=secret"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageStartingWith("cannot connect to jdbc:trino://127.0.0.1:1/hive/default: ")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Warehouses.open("jdbc:trino://trino:8080/hive?user=me"))
                .hasMessage("the Trino URL jdbc:trino://trino:8080/hive does not name the catalog and schema of the "
                        + "warehouse tables (expected jdbc:trino://host:port/catalog/schema?user=...)");
    }

    @Test
    void refusesOtherEnginesWithOneLine() {
        assertThatThrownBy(() -> Warehouses.open("jdbc:mysql://me:secret@db/shop"))
                .hasMessage("unsupported warehouse URL jdbc:mysql://db/shop: Splitscope reads a folder, a DuckDB file, "
                        + "jdbc:postgresql://host:port/database or jdbc:trino://host:port/catalog/schema");
        assertThatThrownBy(() -> Warehouses.open(" "))
                .hasMessage("no warehouse given: a folder, a DuckDB file, jdbc:postgresql://host:port/database "
                        + "or jdbc:trino://host:port/catalog/schema");
    }

    @Test
    void redactsWhatMayHoldPasswords() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/a?user=u&password=p")).isEqualTo("jdbc:postgresql://db:5432/a");
        assertThat(JdbcUrls.redact("jdbc:sqlserver://db;user=u;password=p")).isEqualTo("jdbc:sqlserver://db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:p@db/a")).isEqualTo("jdbc:postgresql://db/a");
    }
}
