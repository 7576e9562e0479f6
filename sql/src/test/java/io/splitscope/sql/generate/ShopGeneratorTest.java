package io.splitscope.sql.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generates the small shop of the reference (2,000 users, seed 7) as CSV and as Parquet once,
 * reads it back with DuckDB and checks sizes, ids, determinism, dirt, the planted effects (on a
 * larger run) and the numbers of the independent reference in {@code shop-reference/}.
 */
class ShopGeneratorTest {

    static final long USERS = 2_000;
    static final long SEED = 7;

    @TempDir
    static Path folder;

    private static final Map<OutputFormat, GenerationSummary> summaries = new LinkedHashMap<>();

    @BeforeAll
    static void generate() {
        for (OutputFormat format : OutputFormat.values()) {
            summaries.put(format, new ShopGenerator().generate(new ShopSettings(USERS, SEED, format), folder(format)));
        }
    }

    static Path folder(OutputFormat format) {
        return folder.resolve(format.extension());
    }

    /** The generated shop read back: one view per table. */
    static final class Shop implements AutoCloseable {
        private final Connection connection;

        Shop(Path folder, OutputFormat format) throws SQLException {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            for (String table : ShopGenerator.TABLES) {
                String file = folder.resolve(format.fileName(table)).toAbsolutePath().toString().replace("'", "''");
                execute("CREATE VIEW " + table + " AS SELECT * FROM "
                        + (format == OutputFormat.CSV ? "read_csv('" + file + "')" : "read_parquet('" + file + "')"));
            }
        }

        void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /** Every row of {@code sql}, each column as text. */
        List<List<String>> rows(String sql) throws SQLException {
            List<List<String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        double number(String sql) throws SQLException {
            return Double.parseDouble(rows(sql).getFirst().getFirst());
        }

        long count(String sql) throws SQLException {
            return (long) number(sql);
        }

        /** The first column of each row as key, the second as a number. */
        Map<String, Double> numbers(String sql) throws SQLException {
            Map<String, Double> values = new LinkedHashMap<>();
            for (List<String> row : rows(sql)) {
                values.put(row.get(0), Double.parseDouble(row.get(1)));
            }
            return values;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static Shop open(OutputFormat format) throws SQLException {
        return new Shop(folder(format), format);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void writesTheTablesAndTheProjectFile(OutputFormat format) throws Exception {
        try (Stream<Path> files = Files.list(folder(format))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    format.fileName("users"), format.fileName("assignments"), format.fileName("orders"),
                    format.fileName("page_views"), "splitscope.yaml");
        }
        GenerationSummary summary = summaries.get(format);
        try (Shop shop = open(format)) {
            for (String table : ShopGenerator.TABLES) {
                assertThat(shop.count("SELECT count(*) FROM " + table)).as(table).isEqualTo(summary.rows(table));
            }
            assertThat(shop.rows("DESCRIBE users").stream().map(row -> row.get(0) + " " + row.get(1)))
                    .containsExactly("user_id VARCHAR", "signup_date DATE", "country VARCHAR", "plan VARCHAR", "device VARCHAR");
            assertThat(shop.rows("DESCRIBE assignments").stream().map(row -> row.get(0) + " " + row.get(1)))
                    .containsExactly("user_key VARCHAR", "experiment_name VARCHAR", "bucket VARCHAR", "assigned_at TIMESTAMP");
            assertThat(shop.rows("DESCRIBE orders").stream().map(row -> row.get(0) + " " + row.get(1)))
                    .containsExactly("order_id BIGINT", "user_key VARCHAR", "created_at TIMESTAMP",
                            format == OutputFormat.CSV ? "amount_cents BIGINT" : "amount_cents INTEGER", "status VARCHAR");
            assertThat(shop.rows("DESCRIBE page_views").stream().map(row -> row.get(0) + " " + row.get(1)))
                    .containsExactly("user_key VARCHAR", "viewed_at TIMESTAMP", "page VARCHAR");
        }
        assertThat(summary.rows("users")).isBetween(USERS * 95 / 100, USERS - 1);
        assertThat(summary.rows("assignments")).isBetween(USERS * 2, USERS * 5);
        assertThat(summary.rows("orders")).isBetween(USERS / 5, USERS);
        assertThat(summary.rows("page_views")).isBetween(USERS * 10, USERS * 40);
        String project = Files.readString(folder(format).resolve("splitscope.yaml"));
        assertThat(project).startsWith("# A synthetic e-commerce shop: splitscope generate --shop --users 2000 --seed 7 --format "
                + format.extension()).contains("warehouse: .\n", "experiment: experiment_name", "variant: bucket",
                "variants: {\"control\": 0.5, \"new checkout\": 0.5}", "key: recs-v2",
                "    success: [conversion]\n    guardrails: {refund_rate: \"+25%\"}\n    mde: \"10%\"\n    power: 0.8\n",
                "    success: [revenue]\n", "    success: [pages_viewed]\n");
    }

    @Test
    void idsAreStringsAndUnique() throws Exception {
        try (Shop shop = open(OutputFormat.PARQUET)) {
            assertThat(shop.count("SELECT count(*) FROM users WHERE NOT regexp_full_match(user_id, 'u-[0-9a-f]{8}')")).isZero();
            assertThat(shop.count("SELECT count(DISTINCT user_id) FROM users")).isEqualTo(shop.count("SELECT count(*) FROM users"));
            for (String table : List.of("assignments", "orders", "page_views")) {
                assertThat(shop.count("SELECT count(*) FROM " + table + " WHERE NOT regexp_full_match(user_key, 'u-[0-9a-f]{8}')"))
                        .as(table).isZero();
            }
            assertThat(shop.count("SELECT count(DISTINCT order_id) FROM orders")).isEqualTo(shop.count("SELECT count(*) FROM orders"));
        }
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void theSameSeedGivesByteIdenticalFiles(OutputFormat format, @TempDir Path again) throws Exception {
        new ShopGenerator().generate(new ShopSettings(USERS, SEED, format), again);
        for (String file : List.of(format.fileName("users"), format.fileName("assignments"), format.fileName("orders"),
                format.fileName("page_views"), "splitscope.yaml")) {
            assertThat(Files.mismatch(folder(format).resolve(file), again.resolve(file))).as(file).isEqualTo(-1);
        }
    }

    @Test
    void theRowsDoNotDependOnTheThreads(@TempDir Path oneThread) throws Exception {
        new ShopGenerator(ShopExperiment.STANDARD, 1).generate(new ShopSettings(USERS, SEED, OutputFormat.CSV), oneThread);
        for (String table : ShopGenerator.TABLES) {
            assertThat(Files.mismatch(folder(OutputFormat.CSV).resolve(table + ".csv"), oneThread.resolve(table + ".csv")))
                    .as(table).isEqualTo(-1);
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path other) throws Exception {
        new ShopGenerator().generate(new ShopSettings(USERS, SEED + 1, OutputFormat.CSV), other);
        for (String table : ShopGenerator.TABLES) {
            assertThat(Files.mismatch(folder(OutputFormat.CSV).resolve(table + ".csv"), other.resolve(table + ".csv")))
                    .as(table).isNotEqualTo(-1);
        }
    }

    @Test
    void everyKindOfDirtIsThere() throws Exception {
        try (Shop shop = open(OutputFormat.PARQUET)) {
            shop.execute(ShopReference.EXPERIMENTS_SQL);
            shop.execute("CREATE VIEW log AS SELECT a.*, x.* FROM assignments a JOIN experiments x ON a.experiment_name = x.key");
            Map<String, String> dirt = new LinkedHashMap<>();
            dirt.put("users with repeated rows", "SELECT count(*) FROM (SELECT user_key FROM log GROUP BY experiment_name, user_key HAVING count(*) > 1)");
            dirt.put("exact duplicate rows", "SELECT count(*) FROM (SELECT * FROM assignments GROUP BY ALL HAVING count(*) > 1)");
            dirt.put("crossover users", "SELECT count(*) FROM (SELECT user_key FROM log WHERE list_contains(variants, bucket)"
                    + " AND assigned_at >= start_date AND assigned_at < end_date + 1 GROUP BY experiment_name, user_key"
                    + " HAVING count(DISTINCT bucket) > 1)");
            dirt.put("rows before the start", "SELECT count(*) FROM log WHERE assigned_at < start_date");
            dirt.put("rows after the end", "SELECT count(*) FROM log WHERE assigned_at >= end_date + 1");
            dirt.put("unknown buckets", "SELECT count(*) FROM log WHERE NOT list_contains(variants, bucket)");
            dirt.put("NULL buckets", "SELECT count(*) FROM log WHERE bucket IS NULL");
            dirt.put("assigned users without a users row", "SELECT count(DISTINCT user_key) FROM assignments"
                    + " WHERE user_key NOT IN (SELECT user_id FROM users)");
            dirt.put("users rows without a country", "SELECT count(*) FROM users WHERE country IS NULL");
            dirt.put("orders of users in no experiment", "SELECT count(*) FROM orders WHERE user_key NOT IN (SELECT user_key FROM assignments)");
            dirt.put("refunded orders", "SELECT count(*) FROM orders WHERE status = 'refunded'");
            dirt.put("cancelled orders", "SELECT count(*) FROM orders WHERE status = 'cancelled'");
            for (Map.Entry<String, String> kind : dirt.entrySet()) {
                long count = shop.count(kind.getValue());
                assertThat(count).as(kind.getKey()).isPositive();
                System.out.printf("shop dirt: %s: %d%n", kind.getKey(), count);
            }
            for (String experiment : List.of("checkout-redesign-2026", "free-shipping-banner", "recs-v2")) {
                assertThat(shop.count("SELECT count(*) FROM log WHERE experiment_name = '" + experiment + "' AND bucket IS NULL"))
                        .as("NULL buckets of " + experiment).isPositive();
                assertThat(shop.count("SELECT count(*) FROM log WHERE experiment_name = '" + experiment
                        + "' AND NOT list_contains(variants, bucket)")).as("unknown buckets of " + experiment).isPositive();
            }
        }
    }

    @Test
    void pagesFollowTheFunnel() throws Exception {
        try (Shop shop = open(OutputFormat.PARQUET)) {
            Map<String, Double> pages = shop.numbers("SELECT page, count(*) FROM page_views GROUP BY page");
            assertThat(pages.keySet()).containsExactlyInAnyOrder("home", "product", "cart", "checkout");
            assertThat(pages.get("product")).isGreaterThan(pages.get("home"));
            assertThat(pages.get("home")).isGreaterThan(pages.get("cart"));
            assertThat(pages.get("cart")).isGreaterThan(pages.get("checkout"));
            assertThat(shop.number("SELECT count(*) FROM orders") / pages.get("checkout")).isBetween(0.3, 0.8);
            assertThat(shop.rows("SELECT min(viewed_at)::DATE || ' ' || max(viewed_at)::DATE FROM page_views").getFirst())
                    .containsExactly("2026-04-06 2026-06-21");
            assertThat(shop.number("SELECT median(amount_cents) FROM orders")).isBetween(2500.0, 6000.0);
            assertThat(shop.number("SELECT avg(CASE WHEN status = 'paid' THEN 1 ELSE 0 END) FROM orders")).isBetween(0.85, 0.95);
        }
    }

    @Test
    void plantedEffectsShowInAggregate(@TempDir Path larger) throws Exception {
        new ShopGenerator().generate(new ShopSettings(40_000, 11, OutputFormat.PARQUET), larger);
        try (Shop shop = new Shop(larger, OutputFormat.PARQUET)) {
            ShopReference.createPopulation(shop);
            // new checkout: 50 % more checkouts end in an order (orders per checkout page, 14 days)
            Map<String, Double> ordersPerCheckout = shop.numbers("""
                    SELECT p.bucket, (SELECT count(*) FROM orders o JOIN population q USING (user_key)
                                      WHERE q.experiment_id = 'new_checkout' AND q.bucket = p.bucket
                                        AND o.created_at >= q.first_exposed_at AND o.created_at < q.first_exposed_at + INTERVAL 14 DAY)
                                   / count(*)
                    FROM population p JOIN page_views v ON v.user_key = p.user_key AND v.page = 'checkout'
                      AND v.viewed_at >= p.first_exposed_at AND v.viewed_at < p.first_exposed_at + INTERVAL 14 DAY
                    WHERE p.experiment_id = 'new_checkout' GROUP BY p.bucket""");
            assertThat(ordersPerCheckout.get("new checkout") / ordersPerCheckout.get("control")).isBetween(1.3, 1.7);
            // free shipping over 50: larger orders
            Map<String, Double> orderValue = shop.numbers("""
                    SELECT p.bucket, avg(o.amount_cents) FROM population p JOIN orders o ON o.user_key = p.user_key
                      AND o.created_at >= p.first_exposed_at AND o.created_at < p.first_exposed_at + INTERVAL 14 DAY
                    WHERE p.experiment_id = 'free_shipping' GROUP BY p.bucket""");
            assertThat(orderValue.get("free shipping over 50") / orderValue.get("control")).isBetween(1.05, 1.25);
            assertThat(orderValue.get("banner") / orderValue.get("control")).isBetween(0.9, 1.1);
            // personalised: more product pages in the first week
            Map<String, Double> products = shop.numbers("""
                    SELECT p.bucket, count(v.page) / count(DISTINCT p.user_key) FROM population p
                    LEFT JOIN page_views v ON v.user_key = p.user_key AND v.page = 'product'
                      AND v.viewed_at >= p.first_exposed_at AND v.viewed_at < p.first_exposed_at + INTERVAL 7 DAY
                    WHERE p.experiment_id = 'recommendations' GROUP BY p.bucket""");
            assertThat(products.get("personalised") / products.get("control")).isBetween(1.2, 1.8);
            // recommendations: a sample-ratio mismatch (declared 50/50, drawn 58/42)
            Map<String, Double> shares = shop.numbers("SELECT bucket, count(*) / sum(count(*)) OVER () FROM population"
                    + " WHERE experiment_id = 'recommendations' GROUP BY bucket");
            assertThat(shares.get("control")).isCloseTo(0.58, within(0.02));
            Map<String, Double> checkoutShares = shop.numbers("SELECT bucket, count(*) / sum(count(*)) OVER () FROM population"
                    + " WHERE experiment_id = 'new_checkout' GROUP BY bucket");
            assertThat(checkoutShares.get("control")).isCloseTo(0.5, within(0.02));
        }
    }

    /**
     * The generated small shop still gives the numbers of the independent R reference
     * ({@code shop-reference/reference.R}, expected JSON beside it), here computed again with the
     * SQL of {@link ShopReference}: populations, crossovers, invalid exposures and the per-variant
     * means of conversion and orders per user. A change of the generator that shifts the data
     * fails here; regenerate the reference as its README says.
     */
    @Test
    void matchesTheIndependentReference() throws Exception {
        try (Shop shop = open(OutputFormat.CSV)) {
            ShopReference.createPopulation(shop);
            ShopReference.createFourteenDayMetrics(shop);
            for (String experiment : List.of("new_checkout", "free_shipping", "recommendations")) {
                Path expected = Path.of(ShopGeneratorTest.class.getResource("/shop-reference/expected/" + experiment + ".json").toURI());
                shop.execute("CREATE OR REPLACE TABLE expected AS SELECT content::JSON AS j FROM read_text('" + expected + "')");
                String where = " WHERE experiment_id = '" + experiment + "'";
                Map<String, Double> units = shop.numbers("SELECT bucket, count(*) FROM population" + where + " GROUP BY bucket");
                Map<String, Double> expectedUnits = shop.numbers("SELECT k, json_extract(j, '$.population.units.\"' || k || '\"')::DOUBLE"
                        + " FROM (SELECT j, unnest(json_keys(j, '$.population.units')) AS k FROM expected)");
                assertThat(units).as(experiment + " units").isEqualTo(expectedUnits);
                assertThat(shop.count("SELECT count(*) FROM crossovers" + where)).as(experiment + " crossovers")
                        .isEqualTo(shop.count("SELECT json_extract(j, '$.population.crossover_units')::BIGINT FROM expected"));
                assertThat(shop.count("SELECT count(*) FROM in_period" + where + " AND valid IS NOT TRUE")).as(experiment + " invalid")
                        .isEqualTo(shop.count("SELECT json_extract(j, '$.population.invalid_exposures')::BIGINT FROM expected"));
                for (String[] metric : new String[][] {{"conversion", "avg(conversion::INTEGER)"}, {"orders_per_user", "avg(orders)"}}) {
                    Map<String, Double> means = shop.numbers("SELECT bucket, " + metric[1] + " FROM fourteen_day" + where + " GROUP BY bucket");
                    Map<String, Double> sizes = shop.numbers("SELECT bucket, count(*) FROM fourteen_day" + where + " GROUP BY bucket");
                    List<List<String>> rows = shop.rows("SELECT r->>'variant', r->>'n_control', r->>'n_treatment', r->>'control_value',"
                            + " r->>'treatment_value' FROM (SELECT unnest(json_extract(j, '$.results[*]')) AS r FROM expected)"
                            + " WHERE r->>'metric' = '" + metric[0] + "'");
                    assertThat(rows).as(experiment + " " + metric[0]).hasSize(units.size() - 1);
                    for (List<String> row : rows) {
                        String as = experiment + " " + metric[0] + " " + row.get(0);
                        assertThat(sizes.get("control")).as(as + " n_control").isEqualTo(Double.parseDouble(row.get(1)));
                        assertThat(sizes.get(row.get(0))).as(as + " n_treatment").isEqualTo(Double.parseDouble(row.get(2)));
                        assertThat(means.get("control")).as(as + " control_value").isCloseTo(Double.parseDouble(row.get(3)), within(1e-12));
                        assertThat(means.get(row.get(0))).as(as + " treatment_value").isCloseTo(Double.parseDouble(row.get(4)), within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void refusesAFolderWithOtherFiles(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new ShopGenerator().generate(new ShopSettings(USERS, SEED, OutputFormat.CSV), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> new ShopSettings(10, SEED, OutputFormat.CSV)).hasMessageContaining("users must be between 100");
    }
}
