package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.duckdb.DuckDbWarehouse;
import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import io.splitscope.sql.trino.TrinoWarehouse;
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
 * The checked-in Trino files of {@link GoldenSql}, run on a real single-node Trino 476
 * ({@link TrinoServer}) holding the tiny warehouse in its memory catalog, give exactly the rows the
 * DuckDB files give on DuckDB (in the same order where the query orders them).
 */
class GoldenSqlTrinoIT {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    private static DuckDbWarehouse duckdb;
    private static TrinoWarehouse trino;
    private static BufferAllocator allocator;

    @BeforeAll
    static void loadTheTinyWarehouse() throws URISyntaxException {
        Path tiny = Path.of(GoldenSqlTrinoIT.class.getResource("/tiny").toURI());
        String url = TRINO.createSchema("tiny");
        TrinoLoader.load(tiny, url, false);
        duckdb = DuckDbWarehouse.open(tiny);
        trino = TrinoWarehouse.open(url);
        allocator = new RootAllocator();
    }

    @AfterAll
    static void close() {
        trino.close();
        duckdb.close();
        allocator.close();
    }

    @ParameterizedTest
    @EnumSource(GoldenSql.class)
    void givesTheRowsOfTheDuckDbFile(GoldenSql query) {
        List<Map<String, Object>> expected = query.rowsOn(duckdb, SQLDialect.DUCKDB, allocator);
        List<Map<String, Object>> actual = query.rowsOn(trino, SQLDialect.TRINO, allocator);

        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }
}
