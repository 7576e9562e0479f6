package io.splitscope.metrics.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.Source;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.dialect.Dialects;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlExpressionsTest {

    private static final Source ORDERS = Source.table("orders", "orders").unit("user_id").timestamp("created_at");

    @TempDir
    static Path folder;
    private static Warehouse warehouse;
    private static BufferAllocator allocator;

    @BeforeAll
    static void open() {
        TestProjects.write(folder, TestProjects.VALID);
        warehouse = Warehouses.open(folder.resolve("data").toString(), List.of());
        allocator = new RootAllocator();
    }

    @AfterAll
    static void close() {
        warehouse.close();
        allocator.close();
    }

    private static String render(SQLDialect dialect, QueryPart part) {
        return Dialects.using(dialect).renderInlined(part);
    }

    private static List<String> renderAll(QueryPart part) {
        return Dialects.SUPPORTED.stream().map(dialect -> render(dialect, part)).toList();
    }

    @Test
    void caseExpression() {
        SqlExpression<Field<?>> refunded = SqlExpressions.field("case when status = 'refunded' then 1 else 0 end");
        assertThat(refunded.columns()).containsExactly("status");
        assertThat(renderAll(refunded.part())).containsOnly(
                "case when \"e\".\"status\" = 'refunded' then 1 else 0 end");
        assertThat(values(refunded.part())).containsExactly(0.0, 0.0, 1.0, 0.0);
    }

    @Test
    void divisionIsOfDoublesOnEveryEngine() {
        SqlExpression<Field<?>> amount = SqlExpressions.field("amount_cents / 100.0");
        assertThat(amount.columns()).containsExactly("amount_cents");
        assertThat(renderAll(amount.part())).containsExactly(
                "(cast(\"e\".\"amount_cents\" as double) / 100.0)",
                "(cast(\"e\".\"amount_cents\" as double precision) / 100.0)",
                "(cast(\"e\".\"amount_cents\" as double) / 100.0)");
        assertThat(values(amount.part())).containsExactly(12.5, 5.0, 9.9, 30.0);
        // whole numbers too: 7 / 2 is 3.5, never PostgreSQL's or Trino's 3
        assertThat(render(SQLDialect.POSTGRES, SqlExpressions.field("user_id / 2").part()))
                .isEqualTo("(cast(\"e\".\"user_id\" as double precision) / 2)");
    }

    @Test
    void conditionOverTwoColumns() {
        SqlExpression<Condition> paid = SqlExpressions.condition("status = 'paid' and amount > 0");
        assertThat(paid.columns()).containsExactly("status", "amount");
        assertThat(renderAll(paid.part())).containsOnly("(\"e\".\"status\" = 'paid' and \"e\".\"amount\" > 0)");
        assertThat(count(paid.part())).isEqualTo(2);
    }

    @Test
    void aUnitFilterNamesTheUnitsAttributes() {
        SqlExpression<Condition> filter = SqlExpressions.condition("country in ('DE', 'FR') and plan <> 'basic'",
                SqlExpressions.Columns.UNIT_ATTRIBUTES);
        assertThat(filter.columns()).containsExactly("country", "plan");
        assertThat(renderAll(filter.part())).containsOnly("(\"unit_attributes\".\"country\" in ('DE', 'FR') "
                + "and \"unit_attributes\".\"plan\" <> 'basic')");
        assertThatThrownBy(() -> SqlExpressions.condition("u.plan = 'x'", SqlExpressions.Columns.UNIT_ATTRIBUTES))
                .hasMessage("qualified column 'u.plan': name a dimension alone");
    }

    @Test
    void reservedWordsAreQuotedColumns() {
        SqlExpression<Condition> group = SqlExpressions.condition("\"group\" = 'x'");
        assertThat(group.columns()).containsExactly("group");
        assertThat(renderAll(group.part())).containsOnly("\"e\".\"group\" = 'x'");
        assertThat(count(group.part())).isEqualTo(3);
    }

    @Test
    void unknownFunctionsPassThroughAndColumnsKeepTheirCase() {
        SqlExpression<Field<?>> mixed = SqlExpressions.field("coalesce(Amount, 0) + my_fn(x)");
        assertThat(mixed.columns()).containsExactly("Amount", "x");
        assertThat(render(SQLDialect.DUCKDB, mixed.part())).isEqualTo("(coalesce(\"e\".\"Amount\", 0) + my_fn(\"e\".\"x\"))");
    }

    @Test
    void mistakesAreRefused() {
        assertThatThrownBy(() -> SqlExpressions.condition("status = = 'paid'"))
                .hasMessage("not valid SQL: Identifier expected at column 10 of \"status = = 'paid'\"");
        assertThatThrownBy(() -> SqlExpressions.field("(select max(amount) from orders)"))
                .hasMessageContaining("a subquery is not allowed");
        assertThatThrownBy(() -> SqlExpressions.field("count(*)"))
                .hasMessageStartingWith("aggregate function count is not allowed");
        assertThatThrownBy(() -> SqlExpressions.field("o.amount"))
                .hasMessage("qualified column 'o.amount': name a column of the source alone");
        assertThatThrownBy(() -> SqlExpressions.field(" "))
                .hasMessage("the expression is empty");
    }

    private static List<Double> values(Field<?> value) {
        var query = warehouse.dsl().select(value.cast(Double.class).as("v")).from(ORDERS.events())
                .orderBy(DSL.field(DSL.name("e", "created_at")), DSL.field(DSL.name("e", "user_id")));
        return warehouse.query(query, allocator, ArrowRows::read).stream().map(row -> row.doubleValue("v")).toList();
    }

    private static long count(Condition condition) {
        var query = warehouse.dsl().select(DSL.count().as("n")).from(ORDERS.events()).where(condition);
        return warehouse.query(query, allocator, ArrowRows::read).getFirst().longValue("n");
    }
}
