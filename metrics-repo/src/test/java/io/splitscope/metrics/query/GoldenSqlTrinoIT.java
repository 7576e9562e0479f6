package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import io.splitscope.sql.trino.TrinoLoader;
import io.splitscope.sql.trino.TrinoServer;
import io.splitscope.sql.trino.TrinoWarehouse;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        List<Map<String, Object>> expected = rows(duckdb, query, SQLDialect.DUCKDB);
        List<Map<String, Object>> actual = rows(trino, query, SQLDialect.TRINO);

        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }

    /**
     * The rows, sorted unless the query orders them itself. Whole numbers compare as longs: the
     * JDBC engines widen them all to BIGINT, DuckDB keeps an INTEGER expression (a series' step).
     */
    private static List<Map<String, Object>> rows(Warehouse warehouse, GoldenSql query, SQLDialect dialect) {
        List<Map<String, Object>> rows = warehouse.query(query.checkedInQuery(dialect), allocator, ArrowRows::read).stream()
                .map(row -> {
                    Map<String, Object> values = new TreeMap<>();
                    row.values().forEach((column, value) -> values.put(column, value instanceof Integer i ? Long.valueOf(i) : value));
                    return values;
                }).toList();
        return query == GoldenSql.STARTUP_MS_EVENTS ? rows
                : rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
