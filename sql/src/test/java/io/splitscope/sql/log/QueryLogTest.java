package io.splitscope.sql.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.StagedTable;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLogTest {

    @Test
    void recordsTheSqlAndTheRowsThatReachedTheJvm() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             QueryLog log = new QueryLog(new DuckDbInMemory())) {
            ResultQuery<?> query = DSL.select(DSL.field("range").as("n")).from(DSL.table("range(5)"));

            List<Row> rows = log.query(query, allocator, ArrowRows::read);

            assertThat(rows).extracting(row -> row.longValue("n")).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(log.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.sql()).isEqualTo("select range \"n\" from range(5)");
                assertThat(entry.rows()).isEqualTo(5);
                assertThat(entry.bytes()).isPositive();
            });
        }
    }

    @Test
    void recordsAStagedTableAsAStatementThatBroughtNothingIntoTheJvm(@TempDir Path folder) {
        try (QueryLog log = new QueryLog(DuckDbWarehouse.open(folder, List.of()))) {
            try (StagedTable staged = log.stage(DSL.select(DSL.field("range").as("n")).from(DSL.table("range(5)"))).orElseThrow()) {
                assertThat(log.entries()).singleElement().satisfies(entry -> {
                    assertThat(entry.sql()).startsWith("create table " + staged.table()).endsWith("from range(5)");
                    assertThat(entry.rows()).isZero();
                    assertThat(entry.bytes()).isZero();
                });
            }
        }
    }

    @Test
    void recordsNothingWhenTheEngineStagesNothing() throws Exception {
        try (QueryLog log = new QueryLog(new DuckDbInMemory())) {
            assertThat(log.stage(DSL.select(DSL.inline(1)))).isEmpty();
            assertThat(log.entries()).isEmpty();
        }
    }

    /** The smallest real warehouse: DuckDB in memory, no tables. */
    private static final class DuckDbInMemory implements Warehouse {
        private final java.sql.Connection connection;

        DuckDbInMemory() throws java.sql.SQLException {
            connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        }

        @Override
        public DSLContext dsl() {
            return DSL.using(SQLDialect.DUCKDB);
        }

        @Override
        public String description() {
            return "memory";
        }

        @Override
        public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
            try (var statement = connection.createStatement();
                 var result = (org.duckdb.DuckDBResultSet) statement.executeQuery(dsl().renderInlined(query));
                 ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, 1024)) {
                return handler.read(reader);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (java.sql.SQLException ignored) {
                // in memory: nothing to lose
            }
        }
    }
}
