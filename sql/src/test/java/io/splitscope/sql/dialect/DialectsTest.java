package io.splitscope.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.splitscope.sql.WarehouseSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialect differences: what each helper renders per engine (Trino's forms checked against
 * Trino's SQL reference: {@code date_trunc}, {@code day_of_week}, {@code approx_percentile(x, p)},
 * {@code array_agg … filter}, {@code element_at}, {@code cardinality}), and the values DuckDB
 * computes from them. PostgresWarehouseIT and TrinoWarehouseIT run the same expressions on a real
 * PostgreSQL and a real Trino.
 */
class DialectsTest {

    private static final Field<Double> X = field(name("x"), SQLDataType.DOUBLE);
    private static final Field<Integer> I = field(name("i"), SQLDataType.INTEGER);
    private static final Field<LocalDate> D = field(name("d"), SQLDataType.LOCALDATE);
    /** x: 1, 2, 3, 10 (and a null); i: 7, 2, 1, 4; d: Sunday 2026-03-08 and the days before it. */
    private static final String VALUES = "(VALUES (1.0::DOUBLE, 7, DATE '2026-03-08'), (2.0, 2, DATE '2026-03-07'), "
            + "(3.0, 1, DATE '2026-03-03'), (10.0, 4, DATE '2026-03-02'), (NULL, NULL, NULL)) AS t(x, i, d)";

    private static Connection duckdb;

    @BeforeAll
    static void open() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    private static String render(SQLDialect dialect, QueryPart part) {
        return Dialects.using(dialect).renderInlined(part);
    }

    private static List<Object> duckDbValues(Field<?> expression) throws SQLException {
        String sql = Dialects.using(SQLDialect.DUCKDB).renderInlined(DSL.select(expression)) + " FROM " + VALUES;
        List<Object> values = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
        }
        return values;
    }

    private static Object duckDbValue(Field<?> aggregate) throws SQLException {
        return duckDbValues(aggregate).getFirst();
    }

    @Test
    void dividesWholeNumbersAsFloatingPointEverywhere() throws SQLException {
        assertThat(render(SQLDialect.DUCKDB, I.div(2))).isEqualTo("(cast(\"i\" as double) / 2)");
        assertThat(render(SQLDialect.POSTGRES, I.div(2))).isEqualTo("(cast(\"i\" as double precision) / 2)");
        assertThat(render(SQLDialect.TRINO, I.div(I.plus(1)))).isEqualTo("(cast(\"i\" as double) / (\"i\" + 1))");
        // Decimals too (Trino would round to the operands' scale); floating-point operands stay as they are.
        assertThat(render(SQLDialect.TRINO, DSL.sum(I).div(DSL.count()))).isEqualTo("(cast(sum(\"i\") as double) / count(*))");
        assertThat(render(SQLDialect.POSTGRES, X.div(2))).isEqualTo("(\"x\" / 2)");
        assertThat(render(SQLDialect.TRINO, I.div(X))).isEqualTo("(\"i\" / \"x\")");

        assertThat(duckDbValue(I.div(2))).isEqualTo(3.5);
    }

    @Test
    void computesExactPercentilesByLinearInterpolation() throws SQLException {
        assertThat(render(SQLDialect.DUCKDB, Dialects.percentileCont(X, 0.9)))
                .isEqualTo("quantile_cont(cast(\"x\" as double), 9E-1)");
        assertThat(render(SQLDialect.POSTGRES, Dialects.percentileCont(X, 0.9)))
                .isEqualTo("percentile_cont(cast(9E-1 as double precision)) within group (order by cast(\"x\" as double precision))");
        assertThat(render(SQLDialect.POSTGRES, Dialects.percentileCont(I, 0.25, X.gt(1.0))))
                .endsWith(" filter (where \"x\" > cast(1E0 as double precision))");
        String trino = render(SQLDialect.TRINO, Dialects.percentileCont(X, 0.9));
        String sorted = "array_sort(array_agg(cast(\"x\" as double)) filter (where cast(\"x\" as double) is not null))";
        String h = "((cardinality(" + sorted + ") - 1) * 9E-1)";
        String low = "element_at(" + sorted + ", cast(floor(" + h + ") as bigint) + 1)";
        String high = "element_at(" + sorted + ", cast(ceiling(" + h + ") as bigint) + 1)";
        assertThat(trino).isEqualTo("(" + low + " + (" + h + " - floor(" + h + ")) * (" + high + " - " + low + "))");
        assertThat(trino).doesNotContain("percentile_cont", "within group");

        // R 4.2.2: quantile(c(1, 2, 3, 10), 0.9) -> 7.9; quantile(c(7, 2, 1, 4), 0.25) -> 1.75
        assertThat((Double) duckDbValue(Dialects.percentileCont(X, 0.9))).isCloseTo(7.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(duckDbValue(Dialects.percentileCont(I, 0.25))).isEqualTo(1.75);
        // Only the rows with x > 1, whose i are 2, 1, 4: R quantile(c(2, 1, 4), 0.5) -> 2
        assertThat(duckDbValue(Dialects.percentileCont(I, 0.5, X.gt(1.0)))).isEqualTo(2.0);
        assertThat(duckDbValue(Dialects.median(X))).isEqualTo(2.5);
    }

    @Test
    void rendersTheMedianAsTheExactFiftiethPercentile() {
        assertThat(render(SQLDialect.TRINO, Dialects.median(X))).doesNotContain("median").contains("* 5E-1)");
        assertThat(render(SQLDialect.DUCKDB, Dialects.median(X))).isEqualTo("quantile_cont(cast(\"x\" as double), 5E-1)");
    }

    @Test
    void putsTheApproximatePercentilesArgumentsInEachEnginesOrder() throws SQLException {
        assertThat(render(SQLDialect.TRINO, Dialects.approxPercentile(X, 0.9)))
                .isEqualTo("approx_percentile(cast(\"x\" as double), 9E-1)");
        assertThat(render(SQLDialect.DUCKDB, Dialects.approxPercentile(X, 0.9)))
                .isEqualTo("approx_quantile(cast(\"x\" as double), cast(9E-1 as real))");
        assertThat(render(SQLDialect.POSTGRES, Dialects.approxPercentile(X, 0.9))).startsWith("percentile_cont(");

        assertThat((Double) duckDbValue(Dialects.approxPercentile(X, 0.5))).isBetween(1.0, 10.0);
    }

    @Test
    void countsDistinctValuesApproximatelyWhereTheEngineCanAndExactlyOnPostgres() throws SQLException {
        assertThat(render(SQLDialect.DUCKDB, Dialects.approxCountDistinct(I, X.gt(1.0))))
                .isEqualTo("approx_count_distinct(\"i\") filter (where \"x\" > 1E0)");
        assertThat(render(SQLDialect.TRINO, Dialects.approxCountDistinct(I, X.gt(1.0))))
                .isEqualTo("approx_distinct(\"i\") filter (where \"x\" > 1E0)");
        assertThat(render(SQLDialect.POSTGRES, Dialects.approxCountDistinct(I, X.gt(1.0))))
                .isEqualTo("cast(count(distinct \"i\") filter (where \"x\" > cast(1E0 as double precision)) as bigint)");

        // The rows with x > 1 have i 2, 1, 4: three distinct values (exact on a set this small)
        assertThat(duckDbValue(Dialects.approxCountDistinct(I, X.gt(1.0)))).isEqualTo(3L);
        assertThat(duckDbValue(Dialects.approxCountDistinct(I, DSL.noCondition()))).isEqualTo(4L);
    }

    @Test
    void truncatesToTheMondayOfTheIsoWeek() throws SQLException {
        assertThat(render(SQLDialect.DUCKDB, Dialects.weekStart(D))).isEqualTo("cast(date_trunc('week', \"d\") as date)");
        assertThat(render(SQLDialect.POSTGRES, Dialects.weekStart(D)))
                .isEqualTo("cast(date_trunc('week', cast(\"d\" as timestamp)) as date)");
        assertThat(render(SQLDialect.TRINO, Dialects.weekStart(D))).isEqualTo("date_trunc('week', \"d\")");

        assertThat(duckDbValues(Dialects.weekStart(D))).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null);
    }

    @Test
    void numbersTheDaysOfTheWeekFromMondayOneToSundaySeven() throws SQLException {
        assertThat(render(SQLDialect.DUCKDB, Dialects.isoDayOfWeek(D))).isEqualTo("cast(isodow(\"d\") as int)");
        assertThat(render(SQLDialect.POSTGRES, Dialects.isoDayOfWeek(D))).isEqualTo("cast(extract(isodow from \"d\") as int)");
        assertThat(render(SQLDialect.TRINO, Dialects.isoDayOfWeek(D))).isEqualTo("cast(day_of_week(\"d\") as int)");

        assertThat(duckDbValues(Dialects.isoDayOfWeek(D))).containsExactly(7, 6, 2, 1, null);
    }

    @Test
    void rendersTheContractsDdlWithEachEnginesTypes() {
        assertThat(render(SQLDialect.POSTGRES, WarehouseSchema.createTable(Dialects.using(SQLDialect.POSTGRES),
                WarehouseSchema.PLAYBACK))).isEqualTo("create table \"playback\" (\"unit_id\" bigint, \"started_at\" timestamp, "
                + "\"watch_seconds\" double precision, \"startup_ms\" double precision, \"rebuffers\" int)");
        assertThat(render(SQLDialect.TRINO, WarehouseSchema.createTable(Dialects.using(SQLDialect.TRINO),
                WarehouseSchema.PLAYBACK))).isEqualTo("create table \"playback\" (\"unit_id\" bigint, \"started_at\" timestamp, "
                + "\"watch_seconds\" double, \"startup_ms\" double, \"rebuffers\" int)");
    }

    @Test
    void namesTheSupportedDialects() {
        assertThat(Dialects.forName("DuckDB")).isEqualTo(SQLDialect.DUCKDB);
        assertThat(Dialects.forName("postgresql")).isEqualTo(SQLDialect.POSTGRES);
        assertThat(Dialects.forName("trino")).isEqualTo(SQLDialect.TRINO);
        assertThat(Dialects.SUPPORTED).extracting(Dialects::nameOf).containsExactly("duckdb", "postgres", "trino");
        assertThatThrownBy(() -> Dialects.forName("mysql"))
                .hasMessage("unknown SQL dialect 'mysql' (known: duckdb, postgres, trino)");
        assertThatThrownBy(() -> Dialects.using(SQLDialect.MYSQL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialects.percentileCont(X, 1.0))
                .hasMessage("a percentile level must lie strictly between 0 and 1, not 1.0");
    }

    @Test
    void keepsPlainRenderingReadable() {
        DSLContext plain = DSL.using(SQLDialect.DEFAULT);
        assertThat(plain.renderInlined(Dialects.median(X))).startsWith("percentile_cont(");
        assertThat(Dialects.weekStart(D).toString()).contains("date_trunc('week'");
    }
}
