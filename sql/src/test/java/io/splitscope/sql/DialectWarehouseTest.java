package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.BufferAllocator;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class DialectWarehouseTest {

    @Test
    void rendersInItsEnginesDialectWithSplitscopesFixes() {
        Warehouse trino = new Unqueried(SQLDialect.TRINO, "jdbc:trino://host:8080/memory/golden");

        assertThat(trino.dsl().dialect()).isEqualTo(SQLDialect.TRINO);
        assertThat(trino.dsl().renderInlined(DSL.select(DSL.inline(1).div(DSL.inline(2)))))
                .isEqualTo("select (cast(1 as double) / 2)");
        assertThat(trino.description()).isEqualTo("jdbc:trino://host:8080/memory/golden");
    }

    @Test
    void refusesADialectSplitscopeDoesNotRender() {
        assertThatThrownBy(() -> new Unqueried(SQLDialect.MYSQL, "mysql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Splitscope renders SQL for [DUCKDB, POSTGRES, TRINO], not MYSQL");
    }

    /** A warehouse that only renders. */
    private static final class Unqueried extends DialectWarehouse {

        Unqueried(SQLDialect dialect, String description) {
            super(dialect, description);
        }

        @Override
        public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
            throw new UnsupportedOperationException("renders only");
        }

        @Override
        public void close() {
        }
    }
}
