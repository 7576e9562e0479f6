package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.Warehouse;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked-in files of {@link GoldenSql} for one server engine, run on a real server holding the
 * tiny warehouse, give exactly the rows the DuckDB files give on DuckDB (in the same order where
 * the query orders them). The engine's IT supplies the server (one for the class), the loading and
 * the dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoldenSqlOnAServer {

    private final SQLDialect dialect;
    private final Function<String, String> createDatabase;
    private final BiConsumer<Path, String> loader;
    private final Function<String, Warehouse> opener;
    private DuckDbWarehouse duckdb;
    private Warehouse server;
    private BufferAllocator allocator;

    /**
     * @param dialect        the dialect of the engine's files
     * @param createDatabase makes a fresh database or schema of that name on the server; returns its JDBC URL
     * @param loader         loads the tables of a folder into the database at a JDBC URL
     * @param opener         opens the warehouse at a JDBC URL
     */
    GoldenSqlOnAServer(SQLDialect dialect, Function<String, String> createDatabase, BiConsumer<Path, String> loader,
                       Function<String, Warehouse> opener) {
        this.dialect = dialect;
        this.createDatabase = createDatabase;
        this.loader = loader;
        this.opener = opener;
    }

    @BeforeAll
    final void loadTheTinyWarehouse() throws URISyntaxException {
        Path tiny = Path.of(GoldenSqlOnAServer.class.getResource("/tiny").toURI());
        String url = createDatabase.apply("tiny");
        loader.accept(tiny, url);
        server = opener.apply(url);
        duckdb = DuckDbWarehouse.open(tiny);
        allocator = new RootAllocator();
    }

    @AfterAll
    final void close() {
        server.close();
        duckdb.close();
        allocator.close();
    }

    @ParameterizedTest
    @EnumSource(GoldenSql.class)
    void givesTheRowsOfTheDuckDbFile(GoldenSql query) {
        List<Map<String, Object>> expected = query.rowsOn(duckdb, SQLDialect.DUCKDB, allocator);
        List<Map<String, Object>> actual = query.rowsOn(server, dialect, allocator);

        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }
}
