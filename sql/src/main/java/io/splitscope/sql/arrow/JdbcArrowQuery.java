package io.splitscope.sql.arrow;

import com.zaxxer.hikari.HikariDataSource;
import io.splitscope.sql.Warehouse.ResultHandler;
import io.splitscope.sql.WarehouseException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one query on a connection of a warehouse's pool ({@link JdbcConnections}) and hands its
 * result to a handler as Arrow batches ({@link JdbcArrowReader}): the {@code query} of the engines
 * that read through JDBC (PostgreSQL, Trino), written once so that they cannot drift apart in how
 * they stream, end a transaction or give a connection back.
 *
 * <p>The statement's fetch size is the reader's batch size, so that a driver that can stream
 * (PostgreSQL's, with autocommit off) fetches one batch at a time. A connection that does not
 * autocommit commits after the result is read, ending its read-only transaction. The connection
 * goes back to the pool afterwards, also when anything failed: the pool then rolls back the
 * transaction left open, and drops the connection when the driver's failure said it is broken
 * (SQL state class 08, a closed socket …). How a driver's failure reads is the engine's: it passes
 * {@code failed}, which words an {@link SQLException} as the {@link WarehouseException} users see.
 */
public final class JdbcArrowQuery {

    private JdbcArrowQuery() {
    }

    /**
     * Runs {@code sql} on a connection of {@code connections} and returns what {@code handler}
     * makes of its result.
     *
     * @param description the warehouse as messages name it
     * @param failed      words a failure of the driver, running the query or fetching its rows
     * @throws WarehouseException when no connection can be had ({@link JdbcConnections#borrow}), the
     *                            query fails, a result column has a type the reader does not map, or
     *                            reading the result fails
     */
    public static <T> T run(HikariDataSource connections, String description, String sql, BufferAllocator allocator,
                            ResultHandler<T> handler, Function<SQLException, WarehouseException> failed) {
        Connection connection = JdbcConnections.borrow(connections, description);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(JdbcArrowReader.DEFAULT_BATCH_ROWS);
            T result;
            try (ResultSet rows = statement.executeQuery(sql);
                 JdbcArrowReader reader = new JdbcArrowReader(rows, allocator, JdbcArrowReader.DEFAULT_BATCH_ROWS)) {
                result = handler.read(reader);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            throw failed.apply(e);
        } catch (JdbcArrowReader.FetchException e) {
            throw failed.apply(e.getCause());
        } catch (IOException e) {
            throw new WarehouseException("reading a result from " + description + " failed: " + e.getMessage(), e);
        } finally {
            // Back to the pool; a failure to roll back there must not hide the query's own outcome.
            JdbcConnections.closeQuietly(connection);
        }
    }
}
