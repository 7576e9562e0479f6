package io.splitscope.sql.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.sql.ContractCheck.Kind;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.arrow.ArrowRows.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcWarehouse} over an in-memory DuckDB reached through its JDBC driver. */
class JdbcWarehouseTest {

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void answersQueriesAsArrowOnConnectionsOfItsPool() throws SQLException {
        try (DuckDbOverJdbc warehouse = DuckDbOverJdbc.open("create table cancellations (unit_id bigint, cancelled_at timestamp)",
                "insert into cancellations values (7, timestamp '2026-03-05 10:00:00')")) {
            warehouse.requireContract(List.of(WarehouseSchema.CANCELLATIONS), "main");

            List<Row> rows = warehouse.query(DSL.select(WarehouseSchema.UNIT_ID).from(WarehouseSchema.CANCELLATIONS.table()),
                    allocator, ArrowRows::read);

            assertThat(rows).extracting(row -> row.longValue("unit_id")).containsExactly(7L);
            assertThat(warehouse.dsl().dialect()).isEqualTo(SQLDialect.DUCKDB);
            assertThat(warehouse.description()).isEqualTo("duckdb in memory");
        }
    }

    @Test
    void namesAMissingContractTableAndClosesItself() throws SQLException {
        DuckDbOverJdbc warehouse = DuckDbOverJdbc.open();

        assertThatThrownBy(() -> warehouse.requireContract(List.of(WarehouseSchema.CANCELLATIONS), "main"))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("table cancellations is missing: expected a table or view named cancellations in schema main"
                        + " of duckdb in memory");
        assertThatThrownBy(() -> warehouse.query(DSL.selectOne(), allocator, ArrowRows::read))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("the warehouse duckdb in memory is closed");
    }

    @Test
    void namesAColumnOfTheWrongKind() throws SQLException {
        try (DuckDbOverJdbc warehouse = DuckDbOverJdbc.open("create table cancellations (unit_id varchar, cancelled_at timestamp)")) {
            assertThatThrownBy(() -> warehouse.requireContract(List.of(WarehouseSchema.CANCELLATIONS), "main"))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessage("table cancellations (main.cancellations): column unit_id has type varchar, which is not a"
                            + " whole number");
        }
    }

    @Test
    void checksNothingForAnEmptyContract() throws SQLException {
        try (DuckDbOverJdbc warehouse = DuckDbOverJdbc.open()) {
            warehouse.requireContract(List.of(), "main");

            assertThat(warehouse.query(DSL.selectOne(), allocator, ArrowRows::read)).hasSize(1);
        }
    }

    @Test
    void saysInOneLineWhichQueryFailedWhere() throws SQLException {
        try (DuckDbOverJdbc warehouse = DuckDbOverJdbc.open()) {
            assertThatThrownBy(() -> warehouse.query(DSL.selectFrom(DSL.table(DSL.name("nowhere"))), allocator, ArrowRows::read))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageStartingWith("query failed on duckdb in memory: Catalog Error: Table with name nowhere does not exist")
                    .hasMessageNotContaining("\n");
        }
    }

    /** An in-memory DuckDB as a JDBC warehouse: the pool's connections are duplicates of the first. */
    private static final class DuckDbOverJdbc extends JdbcWarehouse {

        private DuckDbOverJdbc(DuckDBConnection first) {
            super(SQLDialect.DUCKDB, "duckdb in memory", JdbcConnections.pool("test", "duckdb in memory", first,
                    () -> duplicate(first), true, false));
        }

        /** A warehouse whose database holds what {@code statements} make. */
        static DuckDbOverJdbc open(String... statements) throws SQLException {
            DuckDBConnection first = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = first.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return new DuckDbOverJdbc(first);
        }

        private static Connection duplicate(DuckDBConnection first) {
            try {
                return first.duplicate();
            } catch (SQLException e) {
                throw new WarehouseException("cannot duplicate the connection: " + e.getMessage(), e);
            }
        }

        @Override
        protected Map<String, Map<String, String>> columnTypes(Connection connection, List<TableSpec> contract) {
            Map<String, Map<String, String>> columns = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select table_name, column_name, data_type"
                         + " from information_schema.columns order by table_name, ordinal_position")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), table -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getString(3).toLowerCase(Locale.ROOT));
                }
            } catch (SQLException e) {
                throw new WarehouseException("cannot list the tables: " + e.getMessage(), e);
            }
            return columns;
        }

        @Override
        protected boolean accepts(Kind kind, String type) {
            return switch (kind) {
                case WHOLE_NUMBER -> type.equals("bigint");
                case TIMESTAMP -> type.equals("timestamp");
                default -> false;
            };
        }
    }
}
