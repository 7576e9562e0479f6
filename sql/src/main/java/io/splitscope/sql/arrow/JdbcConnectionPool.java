package io.splitscope.sql.arrow;

import io.splitscope.sql.WarehouseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The idle JDBC connections of one warehouse, so that a query reuses a connection instead of
 * opening one (a handshake and a session each time): a query {@link #borrow borrows} one and gives
 * it back with {@link #release} when it went well, or {@link #discard} when it failed and the
 * connection's state is unknown. There are as many connections as concurrent queries; at most
 * {@value #MAX_IDLE_CONNECTIONS} are kept idle, the others closed.
 *
 * <p>The PostgreSQL and Trino engines share this pool rather than each keeping the same few
 * dozen lines: what differs between them, how a connection is opened (its session settings,
 * whether it autocommits), is the {@code connector} each passes in. {@link JdbcArrowQuery} runs a
 * query on a connection of the pool.
 *
 * <p>Thread-safe. After {@link #close} the idle connections are closed, none is lent any more, and
 * one given back later is closed too.
 */
public final class JdbcConnectionPool implements AutoCloseable {

    /** How many connections are kept idle at the most. */
    static final int MAX_IDLE_CONNECTIONS = 4;

    private final String description;
    private final Supplier<Connection> connector;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param description the warehouse as messages name it (without secrets)
     * @param connector   opens a new connection, ready for queries; throws a {@link WarehouseException}
     *                    when it cannot
     */
    public JdbcConnectionPool(String description, Supplier<Connection> connector) {
        this.description = description;
        this.connector = connector;
    }

    /** The warehouse as messages name it. */
    public String description() {
        return description;
    }

    /**
     * An idle connection that is still open, or else a new one from the connector.
     *
     * @throws WarehouseException when the pool is closed, or the connector cannot connect
     */
    public Connection borrow() {
        if (closed) {
            throw new WarehouseException("the warehouse " + description + " is closed");
        }
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            try {
                if (!connection.isClosed()) {
                    return connection;
                }
            } catch (SQLException ignored) {
                // a broken connection: take the next one
            }
        }
        return connector.get();
    }

    /** Gives back a connection in a clean state (its last transaction ended) for the next query. */
    public void release(Connection connection) {
        if (idle.size() >= MAX_IDLE_CONNECTIONS) {
            closeQuietly(connection);
            return;
        }
        idle.addFirst(connection);
        if (closed) {
            drain(); // closed meanwhile: do not keep it
        }
    }

    /**
     * Closes a connection a query failed on, rolling its transaction back first when it has one
     * (autocommit off).
     */
    public void discard(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // closing it anyway
        }
        closeQuietly(connection);
    }

    /** Closes the idle connections; the pool lends none after this. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        List<Connection> connections = new ArrayList<>();
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connections.add(connection);
        }
        connections.forEach(JdbcConnectionPool::closeQuietly);
    }

    /** Closes a connection, ignoring a failure to: it only read, so there is nothing to report. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written; nothing to report
        }
    }
}
