package io.splitscope.sql;

import org.jooq.Table;

/**
 * A table a warehouse filled for the queries of one piece of work ({@link Warehouse#stage}),
 * dropped when closed.
 */
public interface StagedTable extends AutoCloseable {

    /** The table, to select from in the queries that follow. */
    Table<?> table();

    /** The statement that filled it, as the engine ran it. */
    String sql();

    /** Drops the table; never throws (a table left behind goes with the warehouse). */
    @Override
    void close();
}
