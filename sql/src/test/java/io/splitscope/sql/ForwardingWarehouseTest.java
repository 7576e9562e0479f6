package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class ForwardingWarehouseTest {

    @Test
    void handsEveryCallToTheWarehouseItWraps() {
        Recording recording = new Recording();
        Warehouse forwarding = new ForwardingWarehouse(recording) {
        };
        try (BufferAllocator allocator = new RootAllocator()) {
            assertThat(forwarding.dsl()).isSameAs(recording.dsl);
            assertThat(forwarding.description()).isEqualTo("recording");
            String read = forwarding.query(DSL.selectOne(), allocator, reader -> "read");
            assertThat(read).isEqualTo("read");
            assertThat(forwarding.stage(DSL.selectOne())).get().extracting(StagedTable::sql).isEqualTo("staged");
            forwarding.close();
        }
        assertThat(recording.calls).containsExactly("query select 1 \"one\"", "stage select 1 \"one\"", "close");
    }

    @Test
    void aWrapperOverridesOnlyWhatItWatches() {
        Recording recording = new Recording();
        List<String> watched = new ArrayList<>();
        Warehouse keepsItOpen = new ForwardingWarehouse(recording) {
            @Override
            public void close() {
                watched.add("close");
            }
        };
        try (BufferAllocator allocator = new RootAllocator()) {
            keepsItOpen.query(DSL.selectOne(), allocator, reader -> null);
            keepsItOpen.close();
        }
        assertThat(watched).containsExactly("close");
        assertThat(recording.calls).containsExactly("query select 1 \"one\"");
    }

    /** Records the calls that reach it; answers every query with the handler's result, reading nothing. */
    private static final class Recording implements Warehouse {
        final DSLContext dsl = DSL.using(SQLDialect.DUCKDB);
        final List<String> calls = new ArrayList<>();

        @Override
        public DSLContext dsl() {
            return dsl;
        }

        @Override
        public String description() {
            return "recording";
        }

        @Override
        public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
            calls.add("query " + dsl.renderInlined(query));
            try {
                return handler.read(null);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Optional<StagedTable> stage(Select<?> rows) {
            calls.add("stage " + dsl.renderInlined(rows));
            return Optional.of(new StagedTable() {
                @Override
                public Table<?> table() {
                    return DSL.table(DSL.name("staged"));
                }

                @Override
                public String sql() {
                    return "staged";
                }

                @Override
                public void close() {
                }
            });
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
