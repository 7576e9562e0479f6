package io.splitscope.sql.duckdb;

import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.DialectWarehouse;
import io.splitscope.sql.StagedTable;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.arrow.JdbcConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.jooq.Name;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The embedded warehouse: an in-memory DuckDB that exposes the contract tables of a folder of
 * CSV or Parquet files, or of a DuckDB database file, and answers queries through DuckDB's
 * native Arrow export (no row-by-row JDBC).
 */
public final class DuckDbWarehouse extends DialectWarehouse {

    /** Rows per Arrow batch: large batches amortise the export; results here are mostly small. */
    private static final long ARROW_BATCH_ROWS = 1 << 20;

    /** The in-memory database every connection starts in, where staged tables go. */
    private static final String STAGING_CATALOG = "memory";
    private static final AtomicLong STAGED = new AtomicLong();

    private final DuckDBConnection connection;

    private DuckDbWarehouse(DuckDBConnection connection, String description) {
        super(SQLDialect.DUCKDB, description);
        this.connection = connection;
    }

    /**
     * Opens the warehouse at {@code path}: a folder of {@code TABLE.csv} / {@code TABLE.parquet}
     * files, or a DuckDB database file. Every contract table and column is checked here, so a
     * broken warehouse fails at once with a message that names the table and column.
     *
     * @throws WarehouseException when the path does not exist or the warehouse breaks the contract
     */
    public static DuckDbWarehouse open(Path path) {
        return open(path, io.splitscope.sql.WarehouseSchema.TABLES);
    }

    /**
     * Opens the warehouse at {@code path} and checks the tables of {@code contract}; with no
     * contract (a project file's warehouse) every file of a folder, or every table of a DuckDB
     * file, is queryable under its own name, with the column types DuckDB detects.
     *
     * @throws WarehouseException when the path does not exist or the warehouse breaks the contract
     */
    public static DuckDbWarehouse open(Path path, java.util.List<io.splitscope.sql.WarehouseSchema.TableSpec> contract) {
        if (!Files.exists(path)) {
            throw new WarehouseException("warehouse not found: " + path + " does not exist");
        }
        DuckDBConnection connection = connect();
        try {
            TableSources sources = Files.isDirectory(path)
                    ? FolderTableSources.of(path)
                    : DatabaseFileTableSources.attach(connection, path);
            if (contract.isEmpty()) {
                sources.exposeAll(connection);
            } else {
                new ContractLoader(connection, sources).loadAll(contract);
            }
            return new DuckDbWarehouse(connection, path.toAbsolutePath().normalize().toString());
        } catch (RuntimeException e) {
            JdbcConnections.closeQuietly(connection);
            throw e;
        }
    }

    private static DuckDBConnection connect() {
        try {
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                // DuckDB sizes itself to 80 % of RAM by default, beside a JVM heap of its own.
                statement.execute("SET memory_limit = '" + MemoryBudget.duckDbLimit() + "'");
                statement.execute("SET TimeZone = 'UTC'");
            }
            return connection;
        } catch (SQLException e) {
            throw new WarehouseException("cannot start the embedded DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T query(ResultQuery<?> query, BufferAllocator allocator, ResultHandler<T> handler) {
        String sql = dsl().renderInlined(query);
        // One duplicated connection per query lets several threads query the same database.
        try (Connection perQuery = connection.duplicate();
             Statement statement = perQuery.createStatement();
             DuckDBResultSet resultSet = (DuckDBResultSet) statement.executeQuery(sql);
             ArrowReader reader = (ArrowReader) resultSet.arrowExportStream(allocator, ARROW_BATCH_ROWS)) {
            return handler.read(reader);
        } catch (SQLException e) {
            throw queryFailed(e);
        } catch (IOException e) {
            throw new WarehouseException("reading a result from " + description() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the rows in a table of the in-memory database ({@value #STAGING_CATALOG}), never in
     * the database file or folder the warehouse reads; every duplicated connection sees it.
     */
    @Override
    public Optional<StagedTable> stage(Select<?> rows) {
        Name name = DSL.name(STAGING_CATALOG, "main", "splitscope_staged_" + STAGED.incrementAndGet());
        String sql = dsl().renderInlined(dsl().createTable(name).as(rows));
        try (Connection perQuery = connection.duplicate(); Statement statement = perQuery.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new WarehouseException("staging a table on " + description() + ": "
                    + ContractCheck.firstLine(e.getMessage()), e);
        }
        return Optional.of(new StagedTable() {
            @Override
            public Table<?> table() {
                return DSL.table(name);
            }

            @Override
            public String sql() {
                return sql;
            }

            @Override
            public void close() {
                try (Connection perQuery = connection.duplicate(); Statement statement = perQuery.createStatement()) {
                    statement.execute(dsl().renderInlined(dsl().dropTableIfExists(name)));
                } catch (SQLException e) {
                    // the table goes with the in-memory database when the warehouse closes
                }
            }
        });
    }

    @Override
    public void close() {
        JdbcConnections.closeQuietly(connection);
    }
}
