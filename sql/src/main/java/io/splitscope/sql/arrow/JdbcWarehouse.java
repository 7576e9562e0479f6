package io.splitscope.sql.arrow;

import com.zaxxer.hikari.HikariDataSource;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.ContractCheck.Kind;
import io.splitscope.sql.DialectWarehouse;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * A warehouse read through JDBC (PostgreSQL, Trino): each query runs on a connection of its pool
 * ({@link JdbcConnections}) and streams back as Arrow ({@link JdbcArrowQuery}), and the contract
 * tables are checked in the schema it reads ({@link ContractCheck#requireTables}). The engines
 * keep what differs between them: how they connect, list column types, which types they accept for
 * a kind, and how a failed query reads.
 */
public abstract class JdbcWarehouse extends DialectWarehouse {

    private final HikariDataSource connections;

    /**
     * @param dialect     the engine's SQL dialect
     * @param description the database, without secrets
     * @param connections the warehouse's pool ({@link JdbcConnections#pool}), closed with it
     */
    protected JdbcWarehouse(SQLDialect dialect, String description, HikariDataSource connections) {
        super(dialect, description);
        this.connections = connections;
    }

    /**
     * Checks the tables of {@code contract} (none for a project file's warehouse, whose sources
     * {@code splitscope check} checks); closes this warehouse when they break it.
     *
     * @param schema how users know the schema the tables are read from ({@code public},
     *               {@code memory.golden}), for messages
     * @throws WarehouseException with the message of {@link ContractCheck#requireTables}, or when
     *                            the tables cannot be listed
     */
    protected final void requireContract(List<TableSpec> contract, String schema) {
        if (contract.isEmpty()) {
            return;
        }
        try {
            // on the connection the warehouse opened with, the pool's first
            ContractCheck.requireTables(contract, JdbcConnections.withConnection(connections, description(),
                    connection -> columnTypes(connection, contract)), schema, description(), this::accepts);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Table → lower-case column name → engine type, for the tables of {@code contract} in the schema
     * the warehouse reads (a table that is not there has no entry).
     *
     * @throws WarehouseException when the tables cannot be listed
     */
    protected abstract Map<String, Map<String, String>> columnTypes(Connection connection, List<TableSpec> contract);

    /** Whether an engine type, as {@link #columnTypes} lists it, can hold a contract kind. */
    protected abstract boolean accepts(Kind kind, String type);

    @Override
    public final <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
        return JdbcArrowQuery.run(connections, description(), dsl().renderInlined(query), allocator, handler,
                this::queryFailed);
    }

    @Override
    public final void close() {
        connections.close();
    }
}
