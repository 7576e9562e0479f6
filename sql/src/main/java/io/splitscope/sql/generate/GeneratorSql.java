package io.splitscope.sql.generate;

import io.splitscope.sql.dialect.SqlText;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB session and SQL fragments the generators share: seeded random numbers without
 * {@code random()}, categorical and weighted draws, a time-of-day distribution and the planted
 * multipliers of experiment arms.
 *
 * <p>Every random number is a hash of (seed, unit, purpose, row index) mapped to a uniform in
 * (0, 1), so values do not depend on threads or scheduling.
 */
final class GeneratorSql {

    private GeneratorSql() {
    }

    /**
     * Sets up a DuckDB session for generating: threads, memory, insertion order, spill folder
     * and the macros {@code u01(k, c)} (a uniform in (0, 1) from the 64-bit key k and the purpose
     * c), {@code gauss(k, c)} (a standard normal from the purposes c and c + 1) and
     * {@code subkey(k, c)} (a new 64-bit key for the row c of a unit).
     */
    static void configure(Statement statement, Path spill, int threads) throws SQLException {
        statement.execute("SET threads = " + threads);
        statement.execute("SET memory_limit = '" + memoryLimitMegabytes() + "MB'");
        // Keeps rows in generation order without an ORDER BY: part of what makes output deterministic.
        statement.execute("SET preserve_insertion_order = true");
        statement.execute("SET temp_directory = " + SqlText.literal(spill.toAbsolutePath().toString()));
        statement.execute("CREATE TEMP MACRO u01(k, c) AS "
                + "((hash(xor(k, CAST(c AS UBIGINT))) >> 11)::DOUBLE + 0.5) / 9007199254740992.0");
        statement.execute("CREATE TEMP MACRO gauss(k, c) AS "
                + "sqrt(-2.0 * ln(u01(k, c))) * cos(6.283185307179586 * u01(k, c + 1))");
        statement.execute("CREATE TEMP MACRO subkey(k, c) AS hash(xor(k, CAST(c AS UBIGINT)))");
    }

    /** Half of the memory the JVM heap leaves, between 1 GB and 16 GB. */
    private static long memoryLimitMegabytes() {
        long physical = 8L << 30;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        long free = physical - Runtime.getRuntime().maxMemory();
        return Math.clamp(free / 2, 1L << 30, 16L << 30) >> 20;
    }

    /** The per-unit random key of row {@code i} of the table {@code unit_index} for {@code seed}. */
    static String unitKey(long seed) {
        return "hash(xor(hash(CAST(" + Long.toUnsignedString(seed) + " AS UBIGINT)), CAST(i AS UBIGINT)))";
    }

    /** The value a uniform picks from (value, probability) pairs. */
    static String categorical(String uniform, String[][] choices) {
        StringBuilder sql = new StringBuilder("CASE");
        double cumulative = 0;
        for (int c = 0; c < choices.length - 1; c++) {
            cumulative += Double.parseDouble(choices[c][1]);
            sql.append(" WHEN ").append(uniform).append(" < ").append(cumulative).append(" THEN ").append(SqlText.literal(choices[c][0]));
        }
        return sql.append(" ELSE ").append(SqlText.literal(choices[choices.length - 1][0])).append(" END").toString();
    }

    /** The index (0 = the first) a uniform picks by {@code weights}, which sum to 1. */
    static String weightedIndex(double[] weights, String uniform) {
        StringBuilder sql = new StringBuilder("(0");
        double cumulative = 0;
        for (int a = 0; a < weights.length - 1; a++) {
            cumulative += weights[a];
            sql.append(" + CAST(").append(uniform).append(" >= ").append(cumulative).append(" AS INTEGER)");
        }
        return sql.append(")").toString();
    }

    /**
     * An over-dispersed (geometric) count from the uniform {@code uniform}, at most {@code max}:
     * {@code logQ} is the SQL of ln(m / (1 + m)) for the mean m ({@link #logQ(double)}).
     */
    static String geometric(String logQ, String uniform, int max) {
        return "least(" + max + ", CAST(floor(ln(" + uniform + ") / " + logQ + ") AS INTEGER))";
    }

    /** ln(m / (1 + m)) for the mean {@code mean} of a {@link #geometric} count. */
    static String logQ(double mean) {
        return "ln(" + mean / (1 + mean) + ")";
    }

    /** ln(m / (1 + m)) for the SQL expression {@code mean}. */
    static String logQ(String mean) {
        return "ln((" + mean + ") / (1 + (" + mean + ")))";
    }

    /**
     * Seconds into the day for the column {@code p}, a quantile in [0, 1) of the hour-of-day
     * distribution {@code hourWeights} (24 relative weights): its inverse distribution function,
     * piecewise linear within each hour (so increasing quantiles give increasing times), found by
     * a binary search over the hours.
     */
    static String timeOfDay(String p, double[] hourWeights) {
        double total = Arrays.stream(hourWeights).sum();
        double[] cumulative = new double[25];
        for (int h = 0; h < 24; h++) {
            cumulative[h + 1] = cumulative[h] + hourWeights[h] / total;
        }
        return "least(86399, CAST(floor(" + hourSearch(p, cumulative, 0, 24) + ") AS BIGINT))";
    }

    private static String hourSearch(String p, double[] cumulative, int from, int to) {
        if (to - from == 1) {
            double secondsPerShare = 3600 / (cumulative[to] - cumulative[from]);
            return "(" + from * 3600 + " + (" + p + " - " + cumulative[from] + ") * " + secondsPerShare + ")";
        }
        int middle = (from + to) / 2;
        return "CASE WHEN " + p + " < " + cumulative[middle] + " THEN " + hourSearch(p, cumulative, from, middle)
                + " ELSE " + hourSearch(p, cumulative, middle, to) + " END";
    }

    /**
     * The product over experiments of an arm's planted multiplier for a unit at second
     * {@code time}: {@code effects.get(e)[a]} once the unit has been exposed to arm a of
     * experiment e (the units columns {@code e<e>_arm} and {@code e<e>_first}), 1 before.
     */
    static String multiplierAt(String time, List<double[]> effects) {
        List<String> factors = new ArrayList<>();
        for (int e = 0; e < effects.size(); e++) {
            if (Arrays.stream(effects.get(e)).allMatch(m -> m == 1)) {
                continue;
            }
            factors.add("(CASE WHEN e" + e + "_arm IS NOT NULL AND " + time + " >= e" + e + "_first THEN "
                    + doubleList(effects.get(e)) + "[e" + e + "_arm + 1] ELSE 1.0 END)");
        }
        return factors.isEmpty() ? "1.0" : String.join(" * ", factors);
    }

    /** The largest value {@link #multiplierAt} can take (at least 1). */
    static double maxMultiplier(List<double[]> effects) {
        return effects.stream()
                .mapToDouble(arms -> Math.max(1, Arrays.stream(arms).max().orElse(1)))
                .reduce(1, (a, b) -> a * b);
    }

    static String doubleList(double[] values) {
        return Arrays.stream(values).mapToObj(v -> "CAST(" + v + " AS DOUBLE)")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
