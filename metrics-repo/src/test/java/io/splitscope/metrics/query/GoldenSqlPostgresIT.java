package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.duckdb.DuckDbWarehouse;
import io.splitscope.sql.postgres.PostgresLoader;
import io.splitscope.sql.postgres.PostgresServer;
import io.splitscope.sql.postgres.PostgresWarehouse;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked-in PostgreSQL files of {@link GoldenSql}, run on a real PostgreSQL holding the tiny
 * warehouse, give exactly the rows the DuckDB files give on DuckDB (in the same order where the
 * query orders them).
 */
class GoldenSqlPostgresIT {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static DuckDbWarehouse duckdb;
    private static PostgresWarehouse postgres;
    private static BufferAllocator allocator;

    @BeforeAll
    static void loadTheTinyWarehouse() throws URISyntaxException {
        Path tiny = Path.of(GoldenSqlPostgresIT.class.getResource("/tiny").toURI());
        String url = POSTGRES.createDatabase("tiny");
        PostgresLoader.load(tiny, url, false);
        duckdb = DuckDbWarehouse.open(tiny);
        postgres = PostgresWarehouse.open(url);
        allocator = new RootAllocator();
    }

    @AfterAll
    static void close() {
        postgres.close();
        duckdb.close();
        allocator.close();
    }

    @ParameterizedTest
    @EnumSource(GoldenSql.class)
    void givesTheRowsOfTheDuckDbFile(GoldenSql query) {
        List<Map<String, Object>> expected = query.rowsOn(duckdb, SQLDialect.DUCKDB, allocator);
        List<Map<String, Object>> actual = query.rowsOn(postgres, SQLDialect.POSTGRES, allocator);

        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }
}
