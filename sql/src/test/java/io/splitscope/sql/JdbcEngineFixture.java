package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;


import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.arrow.ArrowRows.Row;
import io.splitscope.sql.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.assertj.core.data.Offset;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the integration tests of the engines that read through JDBC (PostgresWarehouseIT,
 * TrinoWarehouseIT) share: the small valid warehouse they load, and the checks that an engine
 * reads it as the embedded DuckDB does. One copy, so that every engine is held to the same data
 * and the same comparison; what differs between the engines (their messages, types, SQL) stays in
 * their tests.
 */
public final class JdbcEngineFixture {

    /**
     * A valid warehouse as CSV files: one experiment with two exposures, a row or two in every other
     * table. The experiment's name holds a comma, double and single quotes and a backslash, which a
     * loader must carry over as they are.
     */
    private static final Map<String, String> VALID = Map.of(
            "experiments", "experiment_id,name,hypothesis,owner,start_date,end_date,control_variant\n"
                    + "exp_a,\"A, \"\"quoted\"\" 'single' \\back\",,me,2026-03-01,2026-03-10,control\n",
            "variants", "experiment_id,variant,weight\nexp_a,control,0.5\nexp_a,b,0.5\n",
            "exposures", "experiment_id,unit_id,variant,exposed_at\nexp_a,1,control,2026-03-01 10:00:00\n"
                    + "exp_a,2,b,2026-03-02 10:00:00.123456\n",
            "members", "unit_id,signup_date,country,device,plan\n1,2025-01-01,US,tv,basic\n",
            "playback", "unit_id,started_at,watch_seconds,startup_ms,rebuffers\n"
                    + "1,2026-03-02 00:00:00,60.5,900,0\n1,2026-03-03 00:00:00,0.30000000000000004,1e-300,\n"
                    + "2,2026-03-02 00:00:00,123456789.12345679,,3\n",
            "payments", "unit_id,paid_at,amount\n1,2026-03-02 00:00:00,9.99\n",
            "cancellations", "unit_id,cancelled_at\n2,2026-03-05 00:00:00\n");

    private JdbcEngineFixture() {
    }

    /** Writes the valid warehouse's CSV files into {@code folder}, for DuckDB to read and the loaders to load. */
    public static void writeValidWarehouse(Path folder) throws IOException {
        for (var table : VALID.entrySet()) {
            Files.writeString(folder.resolve(table.getKey() + ".csv"), table.getValue());
        }
    }

    /** Checks the rows a loader says it loaded from the valid warehouse, table by table in the contract's order. */
    public static void assertLoadedTheValidWarehouse(Map<String, Long> rows) {
        assertThat(rows).containsExactly(Map.entry("experiments", 1L), Map.entry("variants", 2L), Map.entry("exposures", 2L),
                Map.entry("members", 1L), Map.entry("playback", 3L), Map.entry("payments", 1L), Map.entry("cancellations", 1L));
    }

    /** Every vector of a result as text, with the schema: what readers see. */
    public static String arrow(Warehouse warehouse, ResultQuery<?> query, BufferAllocator allocator) {
        return warehouse.query(query, allocator, reader -> {
            StringBuilder text = new StringBuilder(reader.getVectorSchemaRoot().getSchema().toString()).append('\n');
            while (reader.loadNextBatch()) {
                text.append(reader.getVectorSchemaRoot().contentToTSVString());
            }
            return text.toString();
        });
    }

    /** Checks that {@code engine} answers every contract table with the Arrow {@code duckdb} gives, bit for bit. */
    public static void assertReadsEveryContractTableAs(Warehouse duckdb, Warehouse engine, BufferAllocator allocator) {
        for (WarehouseSchema.TableSpec table : WarehouseSchema.TABLES) {
            List<Field<?>> columns = new ArrayList<>(table.columns());
            if (table == WarehouseSchema.PLAYBACK) {
                // rebuffers is an INTEGER column: results widen whole numbers to BIGINT
                columns.set(4, WarehouseSchema.REBUFFERS.cast(SQLDataType.BIGINT).as("rebuffers"));
            }
            ResultQuery<?> all = DSL.select(columns).from(table.table()).orderBy(DSL.inline(1), DSL.inline(2));

            assertThat(arrow(engine, all, allocator)).as(table.name()).isEqualTo(arrow(duckdb, all, allocator));
        }
    }

    /** The row count of every batch of a result, in order. */
    public static List<Integer> batchSizes(Warehouse warehouse, ResultQuery<?> query, BufferAllocator allocator) {
        return warehouse.query(query, allocator, reader -> {
            List<Integer> sizes = new ArrayList<>();
            while (reader.loadNextBatch()) {
                sizes.add(reader.getVectorSchemaRoot().getRowCount());
            }
            return sizes;
        });
    }

    /** {@code threads} queries at once on one warehouse each count the exposures: 2. */
    public static void assertAnswersQueriesFromSeveralThreads(Warehouse warehouse, BufferAllocator allocator, int threads) {
        List<Long> counts = IntStream.range(0, threads).parallel().mapToObj(i -> {
            try (BufferAllocator child = allocator.newChildAllocator("t" + i, 0, Long.MAX_VALUE)) {
                return warehouse.query(DSL.select(DSL.count().as("count")).from(WarehouseSchema.EXPOSURES.table()), child,
                        ArrowRows::read).getFirst().longValue("count");
            }
        }).toList();

        assertThat(counts).hasSize(threads).containsOnly(2L);
    }

    /** How an engine's loader copies a folder into the warehouse at a URL. */
    @FunctionalInterface
    public interface Loader {
        Map<String, Long> load(Path folder, String url, boolean replace);
    }

    /** A second load into {@code url} fails on the first table that exists, unless asked to replace. */
    public static void assertRefusesToOverwriteTablesUnlessAskedTo(Loader loader, Path folder, String url) {
        assertThatThrownBy(() -> loader.load(folder, url, false))
                .hasMessage("table experiments already exists in " + url.substring(0, url.indexOf('?'))
                        + ": load with replace to drop it first");

        assertThat(loader.load(folder, url, true)).containsEntry("playback", 3L);
    }

    /**
     * The values of {@code DialectsTest}, computed by the engine on {@code values} (a {@code FROM}
     * clause of rows (x, i, d) in the engine's own literal syntax): the percentiles, the median, a
     * mean that is not integer division, week starts, ISO days of week and halves. Returns the
     * aggregate row for what engines answer differently ({@code approx}).
     */
    public static Row assertComputesTheDialectHelpersLikeDuckDb(Warehouse warehouse, SQLDialect dialect, String values,
                                                               BufferAllocator allocator) {
        Field<Double> x = field(name("x"), SQLDataType.DOUBLE);
        Field<Integer> i = field(name("i"), SQLDataType.INTEGER);
        Field<LocalDate> d = field(name("d"), SQLDataType.LOCALDATE);
        var dsl = Dialects.using(dialect);
        String aggregates = dsl.renderInlined(DSL.select(Dialects.percentileCont(x, 0.9).as("p90"),
                Dialects.percentileCont(i, 0.25).as("p25"), Dialects.percentileCont(i, 0.5, x.gt(1.0)).as("filtered"),
                Dialects.median(x).as("median"), Dialects.approxPercentile(x, 0.5).as("approx"),
                DSL.sum(i).div(DSL.count(i)).as("mean"))) + values;
        Row row = warehouse.query(dsl.resultQuery(aggregates), allocator, ArrowRows::read).getFirst();

        assertThat(row.doubleValue("p90")).isCloseTo(7.9, Offset.offset(1e-12));
        assertThat(row.doubleValue("p25")).isEqualTo(1.75);
        assertThat(row.doubleValue("filtered")).isEqualTo(2.0);
        assertThat(row.doubleValue("median")).isEqualTo(2.5);
        assertThat(row.doubleValue("mean")).isEqualTo(3.5); // 14 / 4, not the engine's integer 3

        String perRow = dsl.renderInlined(DSL.select(Dialects.weekStart(d).as("week"), Dialects.isoDayOfWeek(d).as("dow"),
                i.div(2).as("half"))) + values;
        List<Row> rows = warehouse.query(dsl.resultQuery(perRow), allocator, ArrowRows::read);
        assertThat(rows).extracting(r -> r.date("week")).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null);
        assertThat(rows).extracting(r -> r.values().get("dow")).containsExactly(7L, 6L, 2L, 1L, null);
        assertThat(rows).extracting(r -> r.values().get("half")).containsExactly(3.5, 1.0, 0.5, 2.0, null);
        return row;
    }
}
