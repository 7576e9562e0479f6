package io.splitscope.sql.arrow;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.WarehouseException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC connections of the engines that read through JDBC (PostgreSQL, Trino): a HikariCP pool
 * per warehouse ({@link #pool}), so that a query reuses a connection instead of opening one (a
 * handshake and a session each time), borrowing from it with failures worded as one-line
 * {@link WarehouseException}s ({@link #borrow}), and {@link #closeQuietly}.
 *
 * <p>The engines keep what differs between them, how a connection is opened (its session settings,
 * whether it autocommits): the pool opens its connections with the engine's {@code connector}, the
 * same code that opens a loader's connection, so that pooled sessions are set up exactly as before.
 * The pool validates a connection that was idle before lending it (JDBC {@code isValid}), holds at
 * most {@value #MAX_CONNECTIONS}, lets a query wait {@link #CONNECTION_TIMEOUT} for one, and rolls
 * back what a borrower left open when the connection comes back. HikariCP's own log lines carry the
 * pool name {@code splitscope-<engine>}; every failure it meets also reaches the borrower as an
 * exception, worded here, so the command line's logging silences it.
 */
public final class JdbcConnections {

    /** The most connections a warehouse holds: more than the queries the app runs at once (up to 4 analyses and the pages). */
    static final int MAX_CONNECTIONS = 10;
    /**
     * How long a query waits for a connection: for a free one, or for a new one while the server
     * cannot be reached.
     *
     * <p>Where HikariCP loses to the hand-written pool it replaced (measured on PostgreSQL 15 on
     * localhost, 2 cores): when the server goes away after the warehouse opened, HikariCP keeps
     * trying to connect in the background until this timeout, so a query fails after 10.0 s (twice
     * 10,002–10,020 ms), where the old pool failed at once (a refused connection: 1–2 ms). The
     * message is the connector's either way ("cannot connect to …: Connection to … refused").
     * Opening a warehouse, where a wrong URL, password or port shows, is not affected: it connects
     * directly (see {@link #pool}). Lending a connection costs no more: 5,000 {@code SELECT 1}
     * through each pool took 82 µs a query with HikariCP against 100 µs with the old pool (warm).
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private JdbcConnections() {
    }

    /**
     * A pool for one warehouse that starts with {@code first}, the connection the warehouse opened
     * and checked, and opens the others with {@code connector} when queries need them.
     *
     * <p>The warehouses connect once themselves, then hand that connection over, rather than let
     * HikariCP make the first one: HikariCP's fail-fast start sleeps a second after a failed attempt
     * before it gives up, and logs the failure with its stack trace. Measured: a refused PostgreSQL
     * connection ({@code 127.0.0.1:1}) failed after 1,048 ms that way (warm), against 1–2 ms
     * connecting directly.
     *
     * @param engine      names the pool ({@code splitscope-postgres}) in HikariCP's logs and threads
     * @param description the warehouse as messages name it (without secrets)
     * @param first       an open connection, set up like the connector's
     * @param connector   opens a new connection, ready for queries; throws a
     *                    {@link WarehouseException} when it cannot
     * @param autoCommit  whether the connector's connections autocommit
     * @param readOnly    whether the connector's connections are read-only
     * @throws WarehouseException when the pool cannot take {@code first} (HikariCP's set-up of it
     *                            failed); {@code first} is closed then
     */
    public static HikariDataSource pool(String engine, String description, Connection first, Supplier<Connection> connector,
                                        boolean autoCommit, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("splitscope-" + engine);
        config.setDataSource(new ConnectorDataSource(first, connector));
        // Those of the connector's connections, so that HikariCP neither changes them nor resets
        // them when a connection comes back.
        config.setAutoCommit(autoCommit);
        config.setReadOnly(readOnly);
        // Validation (isValid) on a connection without autocommit starts a transaction: end it.
        config.setIsolateInternalQueries(!autoCommit);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        // One connection is kept (the first one at the start); the others close after 10 minutes idle.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // The start takes the connection handed over (no sleep: it is open already).
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (PoolInitializationException e) {
            closeQuietly(first);
            throw new WarehouseException("cannot use " + description + ": " + ContractCheck.firstLine(causeMessage(e)), e);
        }
    }

    /**
     * A connection of {@code pool}, to be closed (given back) after use.
     *
     * @throws WarehouseException when the pool is closed, no connection could be opened (the
     *                            connector's message), or every connection stayed busy for the
     *                            {@link #CONNECTION_TIMEOUT}
     */
    public static Connection borrow(HikariDataSource pool, String description) {
        if (pool.isClosed()) {
            throw new WarehouseException("the warehouse " + description + " is closed");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (pool.isClosed()) {
                throw new WarehouseException("the warehouse " + description + " is closed", e);
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof WarehouseException connectorFailed) {
                    // The connector's own words ("cannot connect to …: Connection … refused").
                    throw new WarehouseException(connectorFailed.getMessage(), e);
                }
            }
            if (e.getCause() != null) {
                throw new WarehouseException("cannot use " + description + ": " + ContractCheck.firstLine(causeMessage(e)), e);
            }
            throw new WarehouseException("no connection to " + description + " was free within "
                    + CONNECTION_TIMEOUT.toSeconds() + " s: all " + pool.getMaximumPoolSize() + " are running queries", e);
        }
    }

    /**
     * What {@code work} makes of a connection borrowed from {@code pool}, which goes back to the
     * pool afterwards whatever happens.
     */
    public static <T> T withConnection(HikariDataSource pool, String description, java.util.function.Function<Connection, T> work) {
        Connection connection = borrow(pool, description);
        try {
            return work.apply(connection);
        } finally {
            closeQuietly(connection);
        }
    }

    /** Closes a connection, ignoring a failure to: it only read, so there is nothing to report. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written; nothing to report
        }
    }

    /** The message of the innermost cause that has one. */
    private static String causeMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    /**
     * What HikariCP opens connections with: the connection handed over first, then the
     * connector's.
     */
    private static final class ConnectorDataSource implements DataSource {

        private final AtomicReference<Connection> first;
        private final Supplier<Connection> connector;

        ConnectorDataSource(Connection first, Supplier<Connection> connector) {
            this.first = new AtomicReference<>(first);
            this.connector = connector;
        }

        @Override
        public Connection getConnection() {
            Connection handedOver = first.getAndSet(null);
            return handedOver != null ? handedOver : connector.get();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the warehouse URL carries the credentials");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // the drivers log through their own loggers
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the connector's driver settings (the URL) decide
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
