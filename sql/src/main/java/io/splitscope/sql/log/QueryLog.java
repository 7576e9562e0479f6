package io.splitscope.sql.log;

import io.splitscope.sql.ForwardingWarehouse;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.Warehouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * A warehouse that records every query it runs: the SQL, the rows and bytes that came back into
 * the JVM, and how long it took. It shows where the time goes and that the engine, not the JVM,
 * does the aggregation. Works over any engine.
 */
public final class QueryLog extends ForwardingWarehouse {

    /** One query that ran. */
    public record Entry(String sql, long rows, long bytes, Duration elapsed) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A log of the queries run through it on {@code warehouse}, which it closes when closed. */
    public QueryLog(Warehouse warehouse) {
        super(warehouse);
    }

    /** The queries run so far, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
        String sql = dsl().renderInlined(query);
        long start = System.nanoTime();
        return super.query(query, allocator, reader -> {
            try (CountingArrowReader counting = new CountingArrowReader(reader, allocator)) {
                T result = handler.read(counting);
                record(new Entry(sql, counting.rowsRead(), counting.bytesRead(),
                        Duration.ofNanos(System.nanoTime() - start)));
                return result;
            }
        });
    }

    /** Stages through the warehouse; the statement is logged, with no row into the JVM. */
    @Override
    public Optional<StagedTable> stage(Select<?> rows) {
        long start = System.nanoTime();
        Optional<StagedTable> staged = super.stage(rows);
        staged.ifPresent(table -> record(new Entry(table.sql(), 0, 0, Duration.ofNanos(System.nanoTime() - start))));
        return staged;
    }

    private synchronized void record(Entry entry) {
        entries.add(entry);
    }
}
