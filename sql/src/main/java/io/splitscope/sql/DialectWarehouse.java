package io.splitscope.sql;

import io.splitscope.sql.dialect.Dialects;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * A warehouse of one engine: it renders queries in that engine's dialect ({@link Dialects#using})
 * and is described by where its data comes from. The engines extend it and keep what differs
 * between them: how they connect, run a query and check the contract.
 */
public abstract class DialectWarehouse implements Warehouse {

    private final DSLContext dsl;
    private final String description;

    /**
     * @param dialect     the engine's SQL dialect, one of {@link Dialects#SUPPORTED}
     * @param description where the data comes from, without secrets
     */
    protected DialectWarehouse(SQLDialect dialect, String description) {
        this.dsl = Dialects.using(dialect);
        this.description = description;
    }

    @Override
    public final DSLContext dsl() {
        return dsl;
    }

    @Override
    public final String description() {
        return description;
    }

    /** A failure of the engine, running a query or fetching its rows, as users read it: "query failed on D: …". */
    protected WarehouseException queryFailed(SQLException e) {
        return new WarehouseException("query failed on " + description() + ": " + ContractCheck.firstLine(e.getMessage()), e);
    }
}
