package io.splitscope.sql.generate;

import static io.splitscope.sql.WarehouseSchema.AMOUNT;
import static io.splitscope.sql.WarehouseSchema.CANCELLED_AT;
import static io.splitscope.sql.WarehouseSchema.CONTROL_VARIANT;
import static io.splitscope.sql.WarehouseSchema.COUNTRY;
import static io.splitscope.sql.WarehouseSchema.DEVICE;
import static io.splitscope.sql.WarehouseSchema.END_DATE;
import static io.splitscope.sql.WarehouseSchema.EXPERIMENT_ID;
import static io.splitscope.sql.WarehouseSchema.EXPOSED_AT;
import static io.splitscope.sql.WarehouseSchema.HYPOTHESIS;
import static io.splitscope.sql.WarehouseSchema.NAME;
import static io.splitscope.sql.WarehouseSchema.OWNER;
import static io.splitscope.sql.WarehouseSchema.PAID_AT;
import static io.splitscope.sql.WarehouseSchema.PLAN;
import static io.splitscope.sql.WarehouseSchema.REBUFFERS;
import static io.splitscope.sql.WarehouseSchema.SIGNUP_DATE;
import static io.splitscope.sql.WarehouseSchema.STARTED_AT;
import static io.splitscope.sql.WarehouseSchema.STARTUP_MS;
import static io.splitscope.sql.WarehouseSchema.START_DATE;
import static io.splitscope.sql.WarehouseSchema.UNIT_ID;
import static io.splitscope.sql.WarehouseSchema.VARIANT;
import static io.splitscope.sql.WarehouseSchema.WATCH_SECONDS;
import static io.splitscope.sql.WarehouseSchema.WEIGHT;

import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.dialect.SqlText;
import io.splitscope.sql.generate.SyntheticExperiment.Arm;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.Field;

/**
 * Writes a synthetic streaming-service warehouse (the tables of {@code spec/warehouse.md}) with
 * planted experiment effects and the dirt real exposure logs have. Used by the demo, tests and
 * benchmarks.
 *
 * <h2>What it simulates</h2>
 *
 * <p>History runs from 2026-02-10 to 2026-04-19 (69 days), so every unit has a 14-day
 * pre-exposure window. Two experiments mirror {@code golden/streaming-small}: {@code exp_autoplay}
 * ({@code control}/{@code previews}, 50/50, 2026-03-01..2026-04-14) and {@code exp_price}
 * ({@code control} 0.5, {@code price_up_1} 0.25, {@code price_up_2} 0.25, 2026-03-05..2026-04-15).
 * Two more show the experiment page's states: {@code exp_plan_nudge} ({@code control}/{@code nudge},
 * 2026-03-10..2026-04-08), whose revenue effect is significant before the multiple-testing
 * correction and not after it, and {@code exp_onboarding} (2026-04-15..2026-05-13), launched on
 * the demo's last day of analysis and not exposed to anyone yet. {@code exp_search}
 * ({@code control}/{@code ranked}, 50/50, 2026-03-20..2026-04-30) has a logging bug: from
 * 2026-04-02 on a quarter of its {@code ranked} units are never logged, a sample-ratio mismatch
 * that the per-day check finds from that day.
 *
 * <ul>
 *   <li><b>members</b>: country (ISO alpha-2, skewed towards a few), device, plan, signup date;
 *       about 2&nbsp;% of the units have no members row.
 *   <li><b>playback</b>: each member has a personal session rate (about 3&nbsp;% never play);
 *       sessions per day are over-dispersed counts, more at weekends and in the evening (UTC);
 *       {@code watch_seconds} is log-normal (heavy right tail, capped at 12 h), {@code startup_ms}
 *       log-normal around 900 ms with a slow tail, {@code rebuffers} Poisson in the hours watched.
 *   <li><b>payments</b>: the plan's monthly price on the member's billing day, plus occasional
 *       one-off extras; <b>cancellations</b>: a few percent a month; after cancelling a member
 *       pays no more and stops watching some days later.
 *   <li><b>exposures</b>: 60&nbsp;% / 50&nbsp;% of members, assigned by weight, first exposed
 *       mostly early in the experiment (an exponential ramp, so some units arrive in the last 28
 *       days and their 28-day windows are incomplete), with repeat rows and dirt: crossovers
 *       (a second variant for the same unit), rows before the start date, rows naming an unknown
 *       variant, rows after the end date, and exposed units without a members row.
 * </ul>
 *
 * <p>Planted effects act only on events after a unit's first exposure: {@code previews} has
 * 8&nbsp;% more sessions (so plays and streaming hours) and 5&nbsp;% faster startups;
 * {@code price_up_1}/{@code price_up_2} charge 8&nbsp;%/16&nbsp;% more and raise the
 * cancellation hazard by 35&nbsp;%/75&nbsp;%; {@code nudge} charges 2&nbsp;% more.
 *
 * <h2>How</h2>
 *
 * <p>Everything is DuckDB SQL in an in-memory database; each table goes to its file with one
 * {@code COPY … TO}. No {@code random()} is used: every random number is a hash of (seed, unit,
 * purpose, row index) mapped to a uniform in (0, 1), so values do not depend on threads or
 * scheduling. Rows are written in a fixed order ({@code playback} by unit and time, in the order
 * it is generated with insertion order preserved; the other event tables sorted by time), so the
 * same settings give byte-identical CSV files with the same DuckDB version, whatever the number of
 * threads. Parquet files hold the same rows in the same order; where their row groups split can
 * depend on the thread count.
 *
 * <p>Sizes: about 30 playback sessions, 2.4 exposure rows and 2.4 payments per member.
 */
public final class WarehouseGenerator {

    static final LocalDate HISTORY_START = LocalDate.of(2026, 2, 10);
    static final int HISTORY_DAYS = 69;
    private static final Timeline HISTORY = new Timeline(HISTORY_START, HISTORY_DAYS);
    private static final long DAY = Timeline.DAY;
    private static final long HISTORY_SECONDS = HISTORY.seconds();

    private static final long FIRST_UNIT_ID = 1_000_000;
    private static final long UNIT_ID_SPAN = 9_000_000;

    // Members.
    private static final double MISSING_MEMBER_SHARE = 0.02;
    private static final int SIGNUP_SPAN_DAYS = 1135;
    private static final String[][] COUNTRIES = {
        {"US", "0.33"}, {"IN", "0.19"}, {"BR", "0.13"}, {"GB", "0.09"}, {"DE", "0.08"},
        {"JP", "0.07"}, {"FR", "0.04"}, {"CA", "0.03"}, {"MX", "0.025"}, {"ES", "0.015"}};
    private static final String[][] DEVICES = {{"tv", "0.44"}, {"mobile", "0.30"}, {"web", "0.15"}, {"tablet", "0.11"}};
    private static final String[][] PLANS = {{"basic", "0.30"}, {"standard", "0.45"}, {"premium", "0.25"}};
    private static final Map<String, Double> PLAN_PRICES = Map.of("basic", 7.99, "standard", 15.49, "premium", 22.99);
    private static final Map<String, Double> DEVICE_STARTUP = Map.of("tv", 0.10, "mobile", 0.05, "web", -0.10, "tablet", 0.0);

    // Playback.
    private static final double NON_PLAYER_SHARE = 0.03;
    private static final double PLAYS_LOG_MEAN = -1.25;
    private static final double PLAYS_LOG_SD = 0.85;
    private static final double MAX_PLAYS_PER_DAY = 8;
    private static final int MAX_CANDIDATES_PER_DAY = 48;
    /** Relative session rate by day of week, Sunday first. */
    private static final double[] WEEKDAY_WEIGHTS = {1.2, 0.95, 0.95, 0.95, 1.0, 1.15, 1.25};
    /** Relative session starts by hour of day (UTC): a late-evening peak. */
    private static final double[] HOUR_WEIGHTS = {
        0.6, 0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9,
        1.0, 1.0, 1.0, 1.1, 1.2, 1.4, 1.7, 2.0, 2.2, 2.2, 1.8, 1.1};
    private static final double WATCH_LOG_MEDIAN = Math.log(2300);
    private static final double MAX_WATCH_SECONDS = 12 * 3600;
    private static final double STARTUP_LOG_MEDIAN = Math.log(850);
    private static final double REBUFFERS_LOG_MEAN = -1.35;
    private static final int MAX_REBUFFERS = 15;

    // Money and churn.
    private static final double CANCEL_PER_DAY = 0.05 / 30;
    private static final int GRACE_DAYS = 30;
    private static final double EXTRA_PURCHASES_PER_MEMBER = 0.15;
    private static final String EXTRA_AMOUNTS = "[2.99, 3.99, 4.99, 5.99]";

    // Purposes (the second argument of u01 and subkey): per-unit draws use small numbers, rows
    // of a unit (days, sessions, exposure rows, payments) one of these bases plus their index.
    private static final long TAG_DAY = 1L << 40;
    private static final long TAG_SESSION = 2L << 40;
    private static final long TAG_PAYMENT = 4L << 40;

    private final List<SyntheticExperiment> experiments;
    private final List<Rollout> rollouts;
    private final int threads;

    /** A generator that uses every core. */
    public WarehouseGenerator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A generator limited to {@code threads} DuckDB threads (the output does not depend on it). */
    WarehouseGenerator(int threads) {
        this(SyntheticExperiment.STANDARD, threads);
    }

    WarehouseGenerator(List<SyntheticExperiment> experiments, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.experiments = List.copyOf(experiments);
        this.rollouts = this.experiments.stream().map(SyntheticExperiment::rollout).toList();
        this.threads = threads;
        if (this.experiments.stream().filter(WarehouseGenerator::changesCancellations).count() > 1) {
            throw new IllegalArgumentException("at most one experiment may change cancellations");
        }
    }

    /**
     * Generates the warehouse {@code settings} describe, one file per contract table in
     * {@code settings.out()}, replacing the files of an earlier run.
     *
     * @param progress receives one line per table written, e.g. {@code "playback: 1,234,567 rows"}
     * @throws WarehouseException when DuckDB fails
     * @throws UncheckedIOException when the output folder cannot be prepared
     */
    public GenerationSummary generate(GeneratorSettings settings, Consumer<String> progress) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        List<GeneratedTable> tables = WarehouseSchema.TABLES.stream()
                .map(table -> new GeneratedTable(table.name(), tableSql(table), table.columns().stream()
                        .filter(column -> !column.getDataType().isNumeric()).map(Field::getName).toList()))
                .toList();
        return new GeneratorRun(settings.out(), settings.format(), threads, GeneratorSettings::isGeneratorFile).write(
                "the synthetic warehouse", GeneratorRun.unitSetup(settings.members(), unitsSql(settings)),
                String.format(Locale.ROOT, "units: %,d simulated members, seed %d", settings.members(), settings.seed()),
                tables, progress);
    }

    // ---------------------------------------------------------------------------------------
    // The units table: every per-member draw, from which all output tables are derived.

    String unitsSql(GeneratorSettings settings) {
        long stride = Math.max(1, UNIT_ID_SPAN / settings.members());
        StringBuilder drawn = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (int e = 0; e < rollouts.size(); e++) {
            drawn.append(rollouts.get(e).drawColumns(e, HISTORY));
            kept.append(Rollout.armColumns(e, experiments.get(e).loggedCondition(e, HISTORY)));
        }
        String cancelDays = "cancel_draw / cancel_hazard";
        for (int e = 0; e < experiments.size(); e++) {
            SyntheticExperiment x = experiments.get(e);
            if (changesCancellations(x)) {
                // Piecewise-constant hazard: h before the first exposure, h * m after it.
                String change = "(CASE WHEN e" + e + "_candidate THEN e" + e + "_first / " + DAY + ".0 ELSE 1e9 END)";
                String multiplier = GeneratorSql.doubleList(effects(x, Arm::cancel)) + "[e" + e + "_drawn_arm + 1]";
                cancelDays = "CASE WHEN cancel_draw / cancel_hazard < " + change + " THEN cancel_draw / cancel_hazard"
                        + " ELSE " + change + " + (cancel_draw - cancel_hazard * " + change + ") / (cancel_hazard * "
                        + multiplier + ") END";
            }
        }
        return """
                CREATE TABLE units AS
                WITH keyed AS (
                  SELECT i, %1$s AS k
                  FROM unit_index
                ), drawn AS (
                  SELECT i, k,
                  CAST(%2$d + i * %3$d + CAST(subkey(k, 1) %% %3$d AS BIGINT) AS BIGINT) AS unit_id,
                  u01(k, 2) >= %4$s AS has_member_row,
                  CAST(DATE '%5$s' - CAST(floor(%6$d * pow(u01(k, 3), 1.6)) AS INTEGER) AS DATE) AS signup_date,
                  %7$s AS country,
                  %8$s AS device,
                  %9$s AS plan,
                  CASE WHEN u01(k, 7) < %10$s THEN 0.0
                       ELSE least(%11$s, exp(%12$s + %13$s * gauss(k, 8))) END AS plays_per_day,
                  %14$s + 0.35 * gauss(k, 10) AS watch_mu,
                  %15$s + 0.25 * gauss(k, 12) AS startup_mu,
                  exp(%16$s + 0.5 * gauss(k, 14)) AS rebuffers_per_hour,
                  %17$s * exp(0.4 * gauss(k, 16) - 0.08) AS cancel_hazard,
                  -ln(u01(k, 18)) AS cancel_draw,
                  u01(k, 19) AS grace_draw%18$s
                  FROM keyed
                ), cancelled AS (
                  SELECT *, CAST(floor(least(%19$s, 1e6) * %20$d) AS BIGINT) AS cancel_second
                  FROM drawn
                ), graced AS (
                  SELECT *, CASE WHEN cancel_second < %21$d
                                 THEN least(%21$d, (cancel_second // %20$d + 1 + CAST(floor(grace_draw * %22$d) AS BIGINT)) * %20$d)
                                 ELSE %21$d END AS access_end
                  FROM cancelled
                )
                SELECT i, k, unit_id, has_member_row, signup_date, country, device, plan,
                  %23$s AS plan_price,
                  least(28, day(signup_date)) AS billing_day,
                  plays_per_day, watch_mu,
                  startup_mu + %24$s AS startup_mu,
                  rebuffers_per_hour, cancel_second, access_end%25$s
                FROM graced
                ORDER BY i
                """.formatted(
                GeneratorSql.unitKey(settings.seed()), FIRST_UNIT_ID, stride,
                MISSING_MEMBER_SHARE, HISTORY_START.minusDays(1), SIGNUP_SPAN_DAYS,
                GeneratorSql.categorical("u01(k, 4)", COUNTRIES), GeneratorSql.categorical("u01(k, 5)", DEVICES),
                GeneratorSql.categorical("u01(k, 6)", PLANS), NON_PLAYER_SHARE, MAX_PLAYS_PER_DAY, PLAYS_LOG_MEAN,
                PLAYS_LOG_SD, WATCH_LOG_MEDIAN, STARTUP_LOG_MEDIAN, REBUFFERS_LOG_MEAN, CANCEL_PER_DAY,
                drawn, cancelDays, DAY, HISTORY_SECONDS, GRACE_DAYS,
                lookup("plan", PLAN_PRICES), lookup("device", DEVICE_STARTUP), kept);
    }

    // ---------------------------------------------------------------------------------------
    // The output tables

    String tableSql(TableSpec table) {
        return switch (table.name()) {
            case "experiments" -> experimentsSql();
            case "variants" -> variantsSql();
            case "exposures" -> exposuresSql();
            case "members" -> membersSql();
            case "playback" -> playbackSql();
            case "payments" -> paymentsSql();
            case "cancellations" -> cancellationsSql();
            default -> throw new IllegalStateException("no generator for table " + table.name());
        };
    }

    private String experimentsSql() {
        String rows = experiments.stream()
                .map(x -> "(" + String.join(", ", SqlText.literal(x.id()), SqlText.literal(x.name()),
                        x.hypothesis() == null ? "NULL" : SqlText.literal(x.hypothesis()), SqlText.literal(x.owner()),
                        "DATE '" + x.start() + "'", "DATE '" + x.end() + "'", SqlText.literal(x.control())) + ")")
                .collect(Collectors.joining(",\n  "));
        return "SELECT * FROM (VALUES\n  " + rows + "\n) AS t(" + names(EXPERIMENT_ID, NAME, HYPOTHESIS, OWNER,
                START_DATE, END_DATE, CONTROL_VARIANT) + ") ORDER BY " + name(EXPERIMENT_ID);
    }

    private String variantsSql() {
        List<String> rows = new ArrayList<>();
        for (SyntheticExperiment x : experiments) {
            for (int a = 0; a < x.arms().size(); a++) {
                Arm arm = x.arms().get(a);
                rows.add("(" + SqlText.literal(x.id()) + ", " + SqlText.literal(arm.name()) + ", CAST(" + arm.weight() + " AS DOUBLE), " + a + ")");
            }
        }
        return "SELECT " + names(EXPERIMENT_ID, VARIANT, WEIGHT) + " FROM (VALUES\n  " + String.join(",\n  ", rows)
                + "\n) AS t(" + names(EXPERIMENT_ID, VARIANT, WEIGHT) + ", position) ORDER BY "
                + name(EXPERIMENT_ID) + ", position";
    }

    private String membersSql() {
        return "SELECT unit_id AS " + name(UNIT_ID) + ", signup_date AS " + name(SIGNUP_DATE)
                + ", country AS " + name(COUNTRY) + ", device AS " + name(DEVICE) + ", plan AS " + name(PLAN)
                + " FROM units WHERE has_member_row ORDER BY unit_id";
    }

    private String cancellationsSql() {
        return "SELECT unit_id AS " + name(UNIT_ID) + ", " + timestamp("cancel_second") + " AS " + name(CANCELLED_AT)
                + " FROM units WHERE cancel_second < " + HISTORY_SECONDS + " ORDER BY cancel_second, unit_id";
    }

    private String exposuresSql() {
        return Rollout.logSql(rollouts, HISTORY, false, UNIT_ID.getName(), EXPERIMENT_ID.getName(), VARIANT.getName(),
                EXPOSED_AT.getName());
    }

    private String playbackSql() {
        double candidateFactor = GeneratorSql.max(WEEKDAY_WEIGHTS) * maxMultiplier(Arm::plays);
        int weekdayOfHistoryStart = HISTORY_START.getDayOfWeek().getValue() % 7; // Sunday = 0
        // Per unit and day (until its access ends), an over-dispersed (geometric) number of
        // candidate sessions at the unit's highest possible rate; each candidate is kept with
        // probability (weekday weight x planted multiplier at its time) / maximum (thinning), so
        // effects act exactly from the first exposure on. The candidates of a day sit at
        // increasing quantiles of the hour-of-day distribution, so a unit's sessions come out in
        // time order. One Box-Muller pair gives the normals of watch_seconds and startup_ms.
        return """
                SELECT unit_id AS %1$s, %2$s AS %3$s, %5$s,
                  round(exp(startup_mu + 0.45 * radius * sin(angle)) * %6$s
                        * CASE WHEN u01(sk, 8) < 0.03 THEN 2.5 + 4 * u01(sk, 9) ELSE 1 END, 1) AS %7$s,
                  CAST(%8$s AS INTEGER) AS %9$s
                FROM (
                  SELECT *, least(6.0, rebuffers_per_hour * %5$s / 3600.0 + 0.02) AS lam
                  FROM (
                    SELECT unit_id, startup_mu, rebuffers_per_hour, sk, t, radius, angle, %10$s,
                      round(least(%4$s, exp(watch_mu + 0.8 * radius * cos(angle))), 1) AS %5$s
                    FROM (
                      SELECT *, d * %11$d + %12$s AS t,
                        sqrt(-2.0 * ln(u01(sk, 3))) AS radius, 6.283185307179586 * u01(sk, 4) AS angle
                      FROM (
                        SELECT *, (j + u01(sk, 1)) / n AS p
                        FROM (
                          SELECT *, subkey(k, %13$d + d * 1024 + j) AS sk
                          FROM (
                            SELECT *, unnest(range(n)) AS j
                            FROM (
                              SELECT *, least(%14$d, CAST(floor(ln(u01(k, %15$d + d)) / log_q) AS INTEGER)) AS n
                              FROM (
                                SELECT *, unnest(range(CAST(access_end // %11$d AS INTEGER))) AS d,
                                  ln(plays_per_day * %16$s / (1 + plays_per_day * %16$s)) AS log_q
                                FROM units WHERE plays_per_day > 0)
                            ) WHERE n > 0))))
                    WHERE u01(sk, 2) < %17$s[(d + %18$d) %% 7 + 1] / %19$s * %20$s / %21$s))
                """.formatted(
                name(UNIT_ID), timestamp("t"), name(STARTED_AT), MAX_WATCH_SECONDS, name(WATCH_SECONDS),
                multiplierAt("t", Arm::startup), name(STARTUP_MS),
                poisson("lam", "u01(sk, 7)", MAX_REBUFFERS), name(REBUFFERS),
                experimentColumns(), DAY, GeneratorSql.timeOfDay("p", HOUR_WEIGHTS),
                TAG_SESSION, MAX_CANDIDATES_PER_DAY, TAG_DAY, candidateFactor,
                GeneratorSql.doubleList(WEEKDAY_WEIGHTS), weekdayOfHistoryStart, GeneratorSql.max(WEEKDAY_WEIGHTS),
                multiplierAt("t", Arm::plays), maxMultiplier(Arm::plays));
    }

    /** The per-experiment columns of the units table: {@code e0_arm, e0_first, e1_arm, …}. */
    private String experimentColumns() {
        return IntStream.range(0, experiments.size()).mapToObj(e -> "e" + e + "_arm, e" + e + "_first")
                .collect(Collectors.joining(", "));
    }

    private String paymentsSql() {
        List<Long> monthStarts = new ArrayList<>();
        for (YearMonth month = YearMonth.from(HISTORY_START);
                !month.atDay(1).isAfter(HISTORY_START.plusDays(HISTORY_DAYS - 1)); month = month.plusMonths(1)) {
            monthStarts.add(ChronoUnit.DAYS.between(HISTORY_START, month.atDay(1)));
        }
        int months = monthStarts.size();
        return """
                SELECT unit_id AS %1$s, %2$s AS %3$s, amount AS %4$s
                FROM (
                  SELECT unit_id, t,
                    CASE WHEN idx < %5$d THEN round(plan_price * %6$s, 2)
                         ELSE %7$s[1 + CAST(floor(u01(pk, 2) * 4) AS INTEGER)] END AS amount
                  FROM (
                    SELECT *,
                      CASE WHEN idx < %5$d
                           THEN (%8$s[idx + 1] + billing_day - 1) * %9$d + CAST(floor(u01(pk, 1) * %9$d) AS BIGINT)
                           ELSE CAST(floor(u01(pk, 1) * %12$d) AS BIGINT) END AS t
                    FROM (
                      SELECT *, subkey(k, %10$d + idx) AS pk
                      FROM (
                        SELECT *, unnest(range(%5$d + extras)) AS idx
                        FROM (
                          SELECT *, least(5, CAST(floor(ln(u01(k, 20)) / ln(%11$s)) AS INTEGER)) AS extras
                          FROM units))))
                  WHERE t >= 0 AND t < access_end AND (idx >= %5$d OR t < cancel_second))
                ORDER BY t, unit_id, amount
                """.formatted(
                name(UNIT_ID), timestamp("t"), name(PAID_AT), name(AMOUNT),
                months, multiplierAt("t", Arm::price), EXTRA_AMOUNTS,
                monthStarts.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")), DAY,
                TAG_PAYMENT, EXTRA_PURCHASES_PER_MEMBER / (1 + EXTRA_PURCHASES_PER_MEMBER), HISTORY_SECONDS);
    }

    // ---------------------------------------------------------------------------------------
    // SQL fragments

    /** The planted multiplier {@code effect} of the arms for a unit at second {@code time} ({@link GeneratorSql#multiplierAt}). */
    private String multiplierAt(String time, ToDoubleFunction<Arm> effect) {
        return GeneratorSql.multiplierAt(time, experiments.stream().map(x -> effects(x, effect)).toList());
    }

    private double maxMultiplier(ToDoubleFunction<Arm> effect) {
        return GeneratorSql.maxMultiplier(experiments.stream().map(x -> effects(x, effect)).toList());
    }

    private static double[] effects(SyntheticExperiment x, ToDoubleFunction<Arm> effect) {
        return x.arms().stream().mapToDouble(effect).toArray();
    }

    private static boolean changesCancellations(SyntheticExperiment x) {
        return x.arms().stream().anyMatch(arm -> arm.cancel() != 1);
    }

    private static String lookup(String column, Map<String, Double> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> " WHEN " + SqlText.literal(entry.getKey()) + " THEN CAST(" + entry.getValue() + " AS DOUBLE)")
                .collect(Collectors.joining("", "CASE " + column, " END"));
    }

    /**
     * A Poisson count with mean column {@code mean} by inverting its distribution function with
     * the uniform {@code uniform}, at most {@code max}: the smallest k with
     * {@code uniform * exp(mean) < S_k}, where {@code S_k = 1 + mean + mean^2/2! + ... + mean^k/k!}
     * (each written in Horner form; most rows stop at the first branch).
     */
    private static String poisson(String mean, String uniform, int max) {
        String scaled = "(" + uniform + " * exp(" + mean + "))";
        StringBuilder sql = new StringBuilder("CASE");
        for (int k = 0; k < max; k++) {
            String partial = "1";
            for (int j = k; j >= 1; j--) {
                partial = "1 + " + mean + " / " + j + " * (" + partial + ")";
            }
            sql.append(" WHEN ").append(scaled).append(" < (").append(partial).append(") THEN ").append(k);
        }
        return sql.append(" ELSE ").append(max).append(" END").toString();
    }

    private static String name(Field<?> field) {
        return SqlText.identifier(field.getName());
    }

    private static String names(Field<?>... fields) {
        return Stream.of(fields).map(WarehouseGenerator::name).collect(Collectors.joining(", "));
    }

    private static String timestamp(String secondsFromHistoryStart) {
        return HISTORY.timestamp(secondsFromHistoryStart);
    }
}
