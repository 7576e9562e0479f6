package io.splitscope.sql;

import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * A warehouse that hands every call to another one: the base of the wrappers that watch the
 * queries of a warehouse (log them, report progress) and override only what they watch.
 */
public abstract class ForwardingWarehouse implements Warehouse {

    private final Warehouse warehouse;

    /** @param warehouse the warehouse every call goes to */
    protected ForwardingWarehouse(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
        return warehouse.query(query, allocator, handler);
    }

    @Override
    public DSLContext dsl() {
        return warehouse.dsl();
    }

    @Override
    public Optional<StagedTable> stage(Select<?> rows) {
        return warehouse.stage(rows);
    }

    @Override
    public String description() {
        return warehouse.description();
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
