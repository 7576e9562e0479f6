package io.splitscope.sql.generate;

import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.generate.ShopExperiment.Arm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes a synthetic e-commerce shop, a "bring your own warehouse" demo: tables with their own
 * names and string user ids, and the project file ({@code splitscope.yaml}, {@code
 * spec/project.md}) that describes them to Splitscope.
 *
 * <h2>What it simulates</h2>
 *
 * <p>History runs from 2026-04-06 to 2026-06-21 (77 days). About 20&nbsp;% of the users sign up
 * during it and are active from then on; the others signed up before.
 *
 * <ul>
 *   <li><b>users</b> ({@code user_id} such as {@code u-3f9a0c12}, {@code signup_date},
 *       {@code country}, {@code plan}, {@code device}): about 2.5&nbsp;% of the users have no
 *       row, about 1&nbsp;% of the rows have no country.
 *   <li><b>page_views</b> ({@code user_key}, {@code viewed_at}, {@code page}): visits at a
 *       personal rate (about 6&nbsp;% of users never visit), more at weekends and in the
 *       evening (UTC). A visit lands on {@code home} or straight on a {@code product} page, may
 *       bounce, views a few product pages, and may go on to {@code cart}, then {@code checkout}.
 *   <li><b>orders</b> ({@code order_id}, {@code user_key}, {@code created_at}, {@code amount_cents}
 *       integer, {@code status} {@code paid}, {@code refunded} or {@code cancelled}): some
 *       checkouts end in an order, minutes later; amounts are log-normal around 38 €.
 *   <li><b>assignments</b> ({@code user_key}, {@code experiment_name}, {@code bucket},
 *       {@code assigned_at}): one log of the three experiments, with repeated rows, exact
 *       duplicate rows, crossovers (a second bucket), rows before the start and after the end,
 *       an unknown bucket, NULL buckets and users without a {@code users} row. Users who are in
 *       no experiment also order.
 * </ul>
 *
 * <p>The experiments (see {@link ShopExperiment#STANDARD}): {@code new_checkout}
 * ({@code control}/{@code new checkout}): 50&nbsp;% more checkouts end in an order;
 * {@code free_shipping} ({@code control}/{@code banner}/{@code free shipping over 50}): 12&nbsp;%
 * more carts in both banners, and in the threshold arm 15&nbsp;% larger orders and 60&nbsp;% more
 * refunds; {@code recommendations} ({@code control}/{@code personalised}, declared 50/50):
 * 40&nbsp;% more product pages a visit and 10&nbsp;% more visits, and a planted sample-ratio
 * mismatch: units are drawn 58/42. Each declares a decision plan ({@code spec/decisions.md}:
 * success metrics, the refund rate as a guardrail that may rise by at most 25&nbsp;%, mde 10&nbsp;%,
 * power 0.8) under which, at the demo's size (200,000 users), {@code new_checkout} ships,
 * {@code free_shipping}'s banner ships and its threshold arm rolls back (its refunds), and
 * {@code recommendations} is unhealthy (its sample ratio).
 *
 * <p>Besides the six metrics every experiment lists, the project file declares examples of the
 * later metric types ({@code spec/metric-types.md}): {@code retention_d1} and {@code retention_d7}
 * (a page view on day 1, day 7 after exposure) and the {@code checkout_funnel} (a product page,
 * then the cart, then checkout, in 7 days), which {@code recommendations} lists ({@code free_shipping}
 * the funnel too), and {@code order_within_24h} (a conversion), which none lists: in this shop it
 * is too rare (under 1&nbsp;% of the units) for these experiments.
 *
 * <h2>How</h2>
 *
 * <p>As the {@link WarehouseGenerator}: DuckDB SQL in memory, every random number a hash of
 * (seed, unit, purpose, row), effects by thinning at the time of each visit, every table written
 * sorted; the same settings give byte-identical files.
 *
 * <p>Sizes per user: about 20 page views, 0.4 orders, 1.7 assignment rows.
 */
public final class ShopGenerator {

    /** The name of the project file written beside the tables. */
    public static final String PROJECT_FILE = "splitscope.yaml";

    /** The tables, in the order they are written. */
    public static final List<String> TABLES = List.of("users", "assignments", "orders", "page_views");

    static final Timeline HISTORY = new Timeline(LocalDate.of(2026, 4, 6), 77);

    // The decision plans: effects of 10 % on a success metric are worth detecting, with power 0.8.
    private static final String MDE = "10%";
    private static final double POWER = 0.8;
    private static final long DAY = Timeline.DAY;

    // Users.
    private static final double MISSING_USER_SHARE = 0.025;
    private static final double NEW_USER_SHARE = 0.2;
    private static final int SIGNUP_SPAN_DAYS = 1100;
    private static final double NULL_COUNTRY_SHARE = 0.01;
    private static final String[][] COUNTRIES = {
        {"DE", "0.27"}, {"GB", "0.17"}, {"FR", "0.14"}, {"NL", "0.09"}, {"ES", "0.08"},
        {"IT", "0.08"}, {"PL", "0.06"}, {"SE", "0.05"}, {"AT", "0.04"}, {"BE", "0.02"}};
    private static final String[][] DEVICES = {{"mobile", "0.58"}, {"desktop", "0.34"}, {"tablet", "0.08"}};
    private static final String[][] PLANS = {{"free", "0.8"}, {"plus", "0.2"}};

    // Visits and the funnel.
    private static final double DORMANT_SHARE = 0.06;
    private static final double VISITS_LOG_MEAN = -2.75;
    private static final double VISITS_LOG_SD = 0.9;
    private static final double MAX_VISITS_PER_DAY = 3;
    private static final int MAX_CANDIDATES_PER_DAY = 24;
    /** Relative visit rate by day of week, Sunday first. */
    private static final double[] WEEKDAY_WEIGHTS = {1.25, 0.95, 0.9, 0.9, 0.95, 1.0, 1.15};
    /** Relative visit starts by hour of day (UTC): a lunch bump and an evening peak. */
    private static final double[] HOUR_WEIGHTS = {
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.0, 1.0, 1.2,
        1.5, 1.3, 1.1, 1.1, 1.2, 1.4, 1.7, 2.0, 2.2, 2.0, 1.4, 0.7};
    private static final double HOME_SHARE = 0.65;
    private static final double BOUNCE_SHARE = 0.3;
    private static final double EXTRA_PRODUCTS_MEAN = 1.3;
    private static final int MAX_EXTRA_PRODUCTS = 15;
    private static final double CART_SHARE = 0.25;
    private static final double CHECKOUT_SHARE = 0.62;
    private static final double ORDER_SHARE = 0.45;

    // Orders.
    private static final double AMOUNT_LOG_MEDIAN = Math.log(3800);
    private static final int MIN_AMOUNT_CENTS = 199;
    private static final double CANCEL_SHARE = 0.035;
    private static final double REFUND_SHARE = 0.06;
    private static final long FIRST_ORDER_ID = 1_000_001;

    // Purposes of the rows of a unit (days, visits).
    private static final long TAG_DAY = 1L << 40;
    private static final long TAG_VISIT = 2L << 40;

    private final List<ShopExperiment> experiments;
    private final List<Rollout> rollouts;
    private final int threads;

    /** A generator that uses every core. */
    public ShopGenerator() {
        this(ShopExperiment.STANDARD, Runtime.getRuntime().availableProcessors());
    }

    ShopGenerator(List<ShopExperiment> experiments, int threads) {
        this.experiments = List.copyOf(experiments);
        this.rollouts = this.experiments.stream().map(ShopExperiment::rollout).toList();
        this.threads = threads;
    }

    /** {@link #generate(ShopSettings, Path, Consumer)} without progress lines. */
    public GenerationSummary generate(ShopSettings settings, Path out) {
        return generate(settings, out, line -> { });
    }

    /**
     * Generates the shop {@code settings} describe into the folder {@code out}: one file per
     * table of {@link #TABLES} and the project file {@value #PROJECT_FILE}, replacing those of an
     * earlier run. A folder with other files in it is refused.
     *
     * @param progress receives one line per table written, e.g. {@code "orders: 81,234 rows"}
     * @throws IllegalArgumentException when {@code out} is a file or holds other files
     * @throws WarehouseException when DuckDB fails
     * @throws UncheckedIOException when the output folder cannot be prepared or written
     */
    public GenerationSummary generate(ShopSettings settings, Path out, Consumer<String> progress) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        GeneratorRun.checkOutputFolder(out, ShopGenerator::isShopFile, "users.parquet, orders.csv, " + PROJECT_FILE + ", …");
        List<String> setup = new ArrayList<>();
        setup.add("CREATE TEMP MACRO mix32(x) AS (xor(x, x >> 16) * 73244475) % 4294967296");
        setup.addAll(GeneratorRun.unitSetup(settings.users(), unitsSql(settings)));
        setup.add(visitsSql());
        List<GeneratedTable> tables = List.of(
                new GeneratedTable("users", usersSql(), List.of("user_id", "signup_date", "country", "plan", "device")),
                new GeneratedTable("assignments", Rollout.logSql(rollouts, HISTORY, true, "user_key", "experiment_name", "bucket",
                        "assigned_at"), List.of("user_key", "experiment_name", "bucket", "assigned_at")),
                new GeneratedTable("orders", ordersSql(), List.of("user_key", "created_at", "status")),
                new GeneratedTable("page_views", pageViewsSql(), List.of("user_key", "viewed_at", "page")));
        GenerationSummary summary = new GeneratorRun(out, settings.format(), threads, ShopGenerator::isShopFile).write(
                "the shop", setup, String.format(Locale.ROOT, "users and visits: %,d simulated users, seed %d",
                        settings.users(), settings.seed()), tables, progress);
        try {
            Files.writeString(out.resolve(PROJECT_FILE), projectFile(settings), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project file into '" + out + "'", e);
        }
        progress.accept(PROJECT_FILE + ": 3 experiments, 10 metrics");
        return summary;
    }

    static boolean isShopFile(String fileName) {
        return GeneratorRun.isTableFile(fileName, TABLES, PROJECT_FILE);
    }

    // ---------------------------------------------------------------------------------------
    // Units and visits

    String unitsSql(ShopSettings settings) {
        long offset = new SplittableRandom(settings.seed()).nextLong() >>> 32;
        String mixed = "mix32(mix32((i + " + offset + ") % 4294967296))";
        StringBuilder drawn = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (int e = 0; e < rollouts.size(); e++) {
            drawn.append(rollouts.get(e).drawColumns(e, HISTORY));
            kept.append(Rollout.armColumns(e, "e" + e + "_first >= active_from"));
        }
        // user ids: a bijection of the 32-bit index (two multiply-xorshift rounds), so they are
        // unique and look random
        return """
                CREATE TABLE units AS
                WITH drawn AS (
                  SELECT i, k,
                  printf('u-%%08x', xor(%1$s, %1$s >> 16)) AS unit_id,
                  u01(k, 2) >= %2$s AS has_user_row,
                  u01(k, 3) < %3$s AS new_user,
                  CAST(floor(u01(k, 4) * %4$d) AS BIGINT) AS signup_second,
                  CAST(DATE '%5$s' - CAST(floor(%6$d * pow(u01(k, 5), 1.6)) AS INTEGER) AS DATE) AS old_signup_date,
                  CASE WHEN u01(k, 6) >= %7$s THEN %8$s END AS country,
                  %9$s AS device,
                  %10$s AS plan,
                  CASE WHEN u01(k, 10) < %11$s THEN 0.0
                       ELSE least(%12$s, exp(%13$s + %14$s * gauss(k, 11))) END AS visits_per_day,
                  gauss(k, 13) AS cart_draw,
                  least(0.95, %15$s * exp(0.25 * gauss(k, 15))) AS order_p,
                  %16$s + 0.35 * gauss(k, 17) AS amount_mu%17$s
                  FROM (SELECT i, %18$s AS k FROM unit_index)
                ), active AS (
                  SELECT *, CASE WHEN new_user THEN signup_second ELSE 0 END AS active_from FROM drawn
                )
                SELECT i, k, unit_id, has_user_row,
                  CASE WHEN new_user THEN CAST(%19$s AS DATE) ELSE old_signup_date END AS signup_date,
                  country, device, plan, visits_per_day,
                  least(0.6, %20$s * exp(0.5 * cart_draw) * CASE device WHEN 'desktop' THEN 1.2 WHEN 'mobile' THEN 0.85 ELSE 1.0 END
                        * CASE plan WHEN 'plus' THEN 1.3 ELSE 1.0 END) AS cart_p,
                  order_p, amount_mu, active_from, %4$d AS access_end%21$s
                FROM active
                ORDER BY i
                """.formatted(
                mixed, MISSING_USER_SHARE, NEW_USER_SHARE, HISTORY.seconds(), HISTORY.start().minusDays(1),
                SIGNUP_SPAN_DAYS, NULL_COUNTRY_SHARE, GeneratorSql.categorical("u01(k, 7)", COUNTRIES),
                GeneratorSql.categorical("u01(k, 8)", DEVICES), GeneratorSql.categorical("u01(k, 9)", PLANS),
                DORMANT_SHARE, MAX_VISITS_PER_DAY, VISITS_LOG_MEAN, VISITS_LOG_SD, ORDER_SHARE, AMOUNT_LOG_MEDIAN,
                drawn, GeneratorSql.unitKey(settings.seed()), HISTORY.timestamp("signup_second"), CART_SHARE, kept);
    }

    /**
     * One row per visit: per unit and day from its activity start, a geometric number of
     * candidate visits at its highest possible rate, thinned by the weekday and the planted visit
     * multiplier at their time; then the funnel of each visit (home, product pages, cart,
     * checkout, order), with the planted multipliers at its time.
     */
    private String visitsSql() {
        double candidateFactor = GeneratorSql.max(WEEKDAY_WEIGHTS) * maxMultiplier(Arm::visits);
        String products = "CASE WHEN home AND u01(vk, 4) < " + BOUNCE_SHARE + " THEN 0 ELSE 1 + "
                + GeneratorSql.geometric(GeneratorSql.logQ(EXTRA_PRODUCTS_MEAN + " * " + multiplierAt("t", Arm::browse)),
                        "u01(vk, 5)", MAX_EXTRA_PRODUCTS) + " END";
        return """
                CREATE TABLE visits AS
                SELECT *, cart AND u01(vk, 7) < %1$s AS checkout,
                  cart AND u01(vk, 7) < %1$s AND u01(vk, 8) < order_p * %2$s AS ordered
                FROM (
                  SELECT *, products > 0 AND u01(vk, 6) < cart_p * %3$s AS cart
                  FROM (
                    SELECT *, %4$s AS products
                    FROM (
                      SELECT unit_id, vk, t, cart_p, order_p, amount_mu, %5$s,
                        u01(vk, 3) < %6$s AS home, 25 + CAST(floor(u01(vk, 9) * 70) AS BIGINT) AS gap
                      FROM (
                        SELECT *, d * %7$d + %8$s AS t
                        FROM (
                          SELECT *, subkey(k, %9$d + d * 64 + j) AS vk
                          FROM (
                            SELECT *, unnest(range(n)) AS j
                            FROM (
                              SELECT *, %10$s AS n
                              FROM (
                                SELECT *, unnest(range(CAST(active_from // %7$d AS INTEGER), %11$d)) AS d,
                                  %12$s AS log_q
                                FROM units WHERE visits_per_day > 0)
                            ) WHERE n > 0)))
                      WHERE t >= active_from
                        AND u01(vk, 2) < %13$s[(d + %14$d) %% 7 + 1] / %15$s * %16$s / %17$s)))
                """.formatted(
                CHECKOUT_SHARE, multiplierAt("t", Arm::purchase), multiplierAt("t", Arm::cart), products,
                experimentColumns(), HOME_SHARE, DAY, GeneratorSql.timeOfDay("(j + u01(vk, 1)) / n", HOUR_WEIGHTS),
                TAG_VISIT, GeneratorSql.geometric("log_q", "u01(k, " + TAG_DAY + " + d)", MAX_CANDIDATES_PER_DAY),
                HISTORY.days(), GeneratorSql.logQ("visits_per_day * " + candidateFactor),
                GeneratorSql.doubleList(WEEKDAY_WEIGHTS), HISTORY.firstWeekday(), GeneratorSql.max(WEEKDAY_WEIGHTS),
                multiplierAt("t", Arm::visits), maxMultiplier(Arm::visits));
    }

    private String experimentColumns() {
        return IntStream.range(0, experiments.size()).mapToObj(e -> "e" + e + "_arm, e" + e + "_first")
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------------
    // The tables

    private static String usersSql() {
        return "SELECT unit_id AS user_id, signup_date, country, plan, device FROM units WHERE has_user_row ORDER BY unit_id";
    }

    private String ordersSql() {
        return """
                SELECT %1$d + row_number() OVER (ORDER BY ot, unit_id, vk) - 1 AS order_id, unit_id AS user_key,
                  %2$s AS created_at, amount_cents, status
                FROM (
                  SELECT unit_id, vk, t + (CAST(home AS INTEGER) + products + 2) * gap + 20 + CAST(floor(u01(vk, 13) * 240) AS BIGINT) AS ot,
                    CAST(greatest(%3$d, round(exp(amount_mu + 0.55 * gauss(vk, 10)) * %4$s)) AS INTEGER) AS amount_cents,
                    CASE WHEN u01(vk, 12) < %5$s THEN 'cancelled'
                         WHEN u01(vk, 12) < %5$s + %6$s * %7$s THEN 'refunded'
                         ELSE 'paid' END AS status
                  FROM visits WHERE ordered)
                WHERE ot < %8$d
                ORDER BY ot, unit_id, vk
                """.formatted(FIRST_ORDER_ID, HISTORY.timestamp("ot"), MIN_AMOUNT_CENTS, multiplierAt("t", Arm::amount),
                CANCEL_SHARE, REFUND_SHARE, multiplierAt("t", Arm::refund), HISTORY.seconds());
    }

    private static String pageViewsSql() {
        return """
                SELECT unit_id AS user_key, %1$s AS viewed_at,
                  CASE WHEN p < CAST(home AS INTEGER) THEN 'home'
                       WHEN p < CAST(home AS INTEGER) + products THEN 'product'
                       WHEN p = CAST(home AS INTEGER) + products THEN 'cart'
                       ELSE 'checkout' END AS page
                FROM (
                  SELECT *, t + p * gap AS vt
                  FROM (SELECT *, unnest(range(CAST(home AS INTEGER) + products + CAST(cart AS INTEGER) + CAST(checkout AS INTEGER))) AS p
                        FROM visits))
                WHERE vt < %2$d
                ORDER BY vt, unit_id, p
                """.formatted(HISTORY.timestamp("vt"), HISTORY.seconds());
    }

    private String multiplierAt(String time, ToDoubleFunction<Arm> effect) {
        return GeneratorSql.multiplierAt(time, experiments.stream().map(x -> effects(x, effect)).toList());
    }

    private double maxMultiplier(ToDoubleFunction<Arm> effect) {
        return GeneratorSql.maxMultiplier(experiments.stream().map(x -> effects(x, effect)).toList());
    }

    private static double[] effects(ShopExperiment x, ToDoubleFunction<Arm> effect) {
        return x.arms().stream().mapToDouble(effect).toArray();
    }

    // ---------------------------------------------------------------------------------------
    // The project file

    String projectFile(ShopSettings settings) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("""
                # A synthetic e-commerce shop: splitscope generate --shop --users %d --seed %d --format %s
                # The project file of spec/project.md (version 2) for the tables beside it.
                version: 2
                warehouse: .

                sources:
                  assignments:
                    table: assignments
                    unit: user_key
                    timestamp: assigned_at
                  orders:
                    table: orders
                    unit: user_key
                    timestamp: created_at
                  page_views:
                    table: page_views
                    unit: user_key
                    timestamp: viewed_at
                  users:
                    table: users
                    unit: user_id

                assignments:
                  web:
                    source: assignments
                    experiment: experiment_name
                    variant: bucket

                dimensions:
                  country: {source: users, column: country}
                  plan:    {source: users, column: plan}
                  device:  {source: users, column: device}

                experiments:
                """.formatted(settings.users(), settings.seed(), settings.format().extension()));
        for (ShopExperiment x : experiments) {
            yaml.append("  ").append(x.id()).append(":\n")
                    .append("    title: ").append(x.title()).append('\n')
                    .append("    hypothesis: ").append(x.hypothesis()).append('\n')
                    .append("    owner: ").append(x.owner()).append('\n')
                    .append("    assignment: web\n")
                    .append("    key: ").append(x.key()).append('\n')
                    .append("    control: ").append(yamlString(x.control())).append('\n')
                    .append("    variants: ").append(x.arms().stream()
                            .map(arm -> yamlString(arm.name()) + ": " + arm.weight())
                            .collect(Collectors.joining(", ", "{", "}"))).append('\n')
                    .append("    start: ").append(x.start()).append('\n')
                    .append("    end: ").append(x.end()).append('\n')
                    .append("    metrics: [").append(String.join(", ", x.metrics())).append("]\n")
                    .append("    success: [").append(String.join(", ", x.success())).append("]\n")
                    .append("    guardrails: ").append(x.guardrails().entrySet().stream()
                            .map(guardrail -> guardrail.getKey() + ": " + yamlString(guardrail.getValue()))
                            .collect(Collectors.joining(", ", "{", "}"))).append('\n')
                    .append("    mde: ").append(yamlString(MDE)).append('\n')
                    .append("    power: ").append(POWER).append('\n')
                    .append("    segments: [country, plan, device]\n");
        }
        yaml.append("""

                metrics:
                  conversion:
                    title: Conversion (a paid order within 14 days)
                    source: orders
                    type: proportion
                    filter: status = 'paid'
                    window: 14d
                  revenue:
                    title: Revenue per user (paid orders, 14 days)
                    source: orders
                    type: mean
                    value: amount_cents / 100
                    aggregate: sum
                    filter: status = 'paid'
                    window: 14d
                    cap: {quantile: 0.99}
                    currency: EUR
                  orders_per_user:
                    title: Orders per user (any status, 14 days)
                    source: orders
                    type: mean
                    aggregate: count
                    window: 14d
                    unit: orders
                  refund_rate:
                    title: Refund rate (refunded orders per order)
                    source: orders
                    type: ratio
                    numerator: {value: "case when status = 'refunded' then 1 else 0 end", aggregate: sum}
                    denominator: {aggregate: count}
                    window: 14d
                    direction: lower
                  order_value_p50:
                    title: Median paid order value
                    source: orders
                    type: quantile
                    value: amount_cents / 100
                    filter: status = 'paid'
                    quantile: 0.5
                    window: 14d
                    currency: EUR
                  pages_viewed:
                    title: Distinct pages viewed (home, product, cart, checkout; 7 days)
                    source: page_views
                    type: mean
                    value: page
                    aggregate: count_distinct
                    window: 7d
                    unit: pages
                  retention_d1:
                    title: Day-1 retention (a page view on day 1 after exposure)
                    source: page_views
                    type: retention
                    start: 1d
                    end: 2d
                  retention_d7:
                    title: Day-7 retention (a page view on day 7 after exposure)
                    source: page_views
                    type: retention
                    start: 7d
                    end: 8d
                  checkout_funnel:
                    title: Checkout funnel (product page, cart, checkout; 7 days)
                    source: page_views
                    type: funnel
                    steps:
                      - {name: product, filter: "page = 'product'"}
                      - {name: cart, filter: "page = 'cart'"}
                      - {name: checkout, filter: "page = 'checkout'"}
                    window: 7d
                  # a paid order within 24 hours is rare in this shop (0.3 to 0.7 % of an experiment's
                  # units, 2 to 6 of them): no experiment lists it; analyze --metrics order_within_24h
                  order_within_24h:
                    title: Paid order within 24 hours of exposure
                    source: orders
                    type: conversion
                    filter: status = 'paid'
                    within: 24h
                """);
        return yaml.toString();
    }

    private static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
