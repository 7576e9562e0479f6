package io.splitscope.sql;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * A warehouse that holds the tables of the warehouse contract and answers jOOQ queries with
 * Arrow record batches.
 *
 * <p>Implementations own their connections and are safe to query from several threads. The
 * {@link ArrowReader} handed to a {@link ResultHandler} is valid only during the call; the
 * batches it loads are allocated from the caller's allocator.
 */
public interface Warehouse extends AutoCloseable {

    /** A query builder bound to this warehouse's SQL dialect (rendering only, never executed directly). */
    DSLContext dsl();

    /** Where the data comes from, for messages and provenance (a folder, a file, a JDBC URL). */
    String description();

    /**
     * Runs a query and hands its result, as Arrow batches allocated from {@code allocator}, to
     * {@code handler}.
     *
     * @return what the handler returns
     * @throws WarehouseException with a one-line message naming the problem when the query fails
     */
    <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler);

    /**
     * Stores the rows of {@code rows} in a table that the queries that follow can read, on an
     * engine that keeps tables of its own for the work at hand (DuckDB: a table of its in-memory
     * database). Empty on the others (PostgreSQL, Trino, which read the users' warehouses without
     * writing to them): callers then compute the rows inside each query that needs them.
     *
     * @throws WarehouseException with a one-line message naming the problem when the rows cannot be stored
     */
    default Optional<StagedTable> stage(Select<?> rows) {
        return Optional.empty();
    }

    /** Reads a query's Arrow batches while the query is open. */
    @FunctionalInterface
    interface ResultHandler<T> {
        T read(ArrowReader reader) throws java.io.IOException;
    }

    @Override
    void close();
}
