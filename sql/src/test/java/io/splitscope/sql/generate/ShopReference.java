package io.splitscope.sql.generate;

import java.sql.SQLException;

/**
 * The analysed population of the shop's experiments (the rules of {@code spec/warehouse.md}) in
 * plain SQL written for the tests, independent of the generator and of Splitscope's analysis.
 */
final class ShopReference {

    /** The experiments as the project file declares them. */
    static final String EXPERIMENTS_SQL = """
            CREATE TABLE experiments AS SELECT * FROM (VALUES
              ('new_checkout', 'checkout-redesign-2026', DATE '2026-05-04', DATE '2026-05-31', ['control', 'new checkout']),
              ('free_shipping', 'free-shipping-banner', DATE '2026-05-11', DATE '2026-06-07',
               ['control', 'banner', 'free shipping over 50']),
              ('recommendations', 'recs-v2', DATE '2026-05-18', DATE '2026-06-14', ['control', 'personalised'])
            ) AS t(experiment_id, key, start_date, end_date, variants)""";

    private ShopReference() {
    }

    /**
     * Creates {@code experiments}, {@code in_period} (log rows inside each experiment's period),
     * {@code population} (experiment_id, user_key, bucket, first_exposed_at, analysis_end) and
     * {@code crossovers} (experiment_id, user_key).
     */
    static void createPopulation(ShopGeneratorTest.Shop shop) throws SQLException {
        shop.execute(EXPERIMENTS_SQL);
        shop.execute("""
                CREATE TABLE in_period AS
                SELECT x.experiment_id, a.user_key, a.bucket, a.assigned_at, list_contains(x.variants, a.bucket) AS valid,
                  CAST(x.end_date + 1 AS TIMESTAMP) AS analysis_end
                FROM assignments a JOIN experiments x ON a.experiment_name = x.key
                WHERE a.assigned_at >= x.start_date AND a.assigned_at < x.end_date + 1""");
        shop.execute("""
                CREATE TABLE exposed AS
                SELECT experiment_id, user_key, count(DISTINCT bucket) AS buckets, min(bucket) AS bucket,
                  min(assigned_at) AS first_exposed_at, min(analysis_end) AS analysis_end
                FROM in_period WHERE valid GROUP BY experiment_id, user_key""");
        shop.execute("CREATE VIEW population AS SELECT * EXCLUDE (buckets) FROM exposed WHERE buckets = 1");
        shop.execute("CREATE VIEW crossovers AS SELECT experiment_id, user_key FROM exposed WHERE buckets > 1");
    }

    /**
     * Per unit of the population whose 14-day window has elapsed: {@code conversion} (a paid
     * order in the window) and {@code orders} (orders of any status in it), as the project
     * file's {@code conversion} and {@code orders_per_user}.
     */
    static void createFourteenDayMetrics(ShopGeneratorTest.Shop shop) throws SQLException {
        shop.execute("""
                CREATE TABLE fourteen_day AS
                SELECT p.experiment_id, p.bucket, p.user_key,
                  count(o.order_id) FILTER (WHERE o.status = 'paid') > 0 AS conversion,
                  count(o.order_id) AS orders
                FROM population p
                LEFT JOIN orders o ON o.user_key = p.user_key
                  AND o.created_at >= p.first_exposed_at AND o.created_at < p.first_exposed_at + INTERVAL 14 DAY
                WHERE p.first_exposed_at + INTERVAL 14 DAY <= p.analysis_end
                GROUP BY ALL""");
    }
}
