package io.splitscope.sql.generate;

import io.splitscope.sql.dialect.SqlText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a simulated experiment reaches units, and how dirty its exposure log is: the part of an
 * experiment both generators share. The SQL here draws, per unit, whether and when it is first
 * exposed and to which arm (the units columns {@code e<e>_candidate}, {@code e<e>_drawn_arm},
 * {@code e<e>_first}), and writes the log rows.
 *
 * @param key the experiment's name in the log
 * @param variants the arms, in order
 * @param drawWeights the shares by which units are drawn into the arms (a planted sample-ratio
 *     mismatch draws with other weights than those declared)
 * @param participation share of units exposed at least once
 * @param rampDays first exposures fall off like an exponential with this mean (days after the
 *     start date), truncated at the end date: most units arrive early, some late, so that their
 *     metric windows are incomplete
 * @param unknownVariant a variant name the log sometimes carries that is not one of the arms
 * @param dirt how often each kind of dirt is logged
 */
record Rollout(String key, List<String> variants, double[] drawWeights, LocalDate start, LocalDate end,
        double participation, double rampDays, String unknownVariant, Dirt dirt) {

    /**
     * The dirt of a log: per exposed unit, repeat rows (a geometric number with mean
     * {@code repeatsMean}, at most {@code maxRepeats}, within {@code repeatSpanDays} of the first
     * exposure) and, each with its probability, a row of another arm (a crossover), a row before
     * the start date, a row with the unknown variant, a row after the end date, a row with a NULL
     * variant and an exact copy of the first row.
     */
    record Dirt(double repeatsMean, int maxRepeats, int repeatSpanDays, double crossover, double preStart,
            double unknown, double postEnd, double nullVariant, double duplicate) {
    }

    /** Purposes (the second argument of {@code u01}) of the rows of a unit's log. */
    private static final long TAG_EXPOSURE = 3L << 40;
    /** Purposes of the kinds of dirt the first version of the log did not have. */
    private static final long TAG_MORE_DIRT = 6L << 40;

    Rollout {
        variants = List.copyOf(variants);
        drawWeights = drawWeights.clone();
        Objects.requireNonNull(dirt, "dirt");
        if (drawWeights.length != variants.size()) {
            throw new IllegalArgumentException(key + ": " + variants.size() + " variants but " + drawWeights.length + " weights");
        }
    }

    /** The first of the per-unit purposes of experiment {@code e}: it uses this one to this + 7. */
    static int tag(int e) {
        return 100 + 10 * e;
    }

    /**
     * The columns of experiment {@code e} drawn per unit from its key {@code k}:
     * {@code e<e>_candidate} (exposed if it is active then), {@code e<e>_drawn_arm} (an index into
     * the variants) and {@code e<e>_first} (second of the first exposure).
     */
    String drawColumns(int e, Timeline history) {
        int tag = tag(e);
        double periodDays = ChronoUnit.DAYS.between(start, end) + 1;
        double truncation = 1 - Math.exp(-periodDays / rampDays);
        return ",\n  u01(k, " + tag + ") < " + participation + " AS e" + e + "_candidate"
                + ",\n  " + GeneratorSql.weightedIndex(drawWeights, "u01(k, " + (tag + 1) + ")") + " AS e" + e + "_drawn_arm"
                + ",\n  " + history.second(start) + " + CAST(floor(" + Timeline.DAY + " * -" + rampDays
                + " * ln(1 - u01(k, " + (tag + 2) + ") * " + truncation + ")) AS BIGINT) AS e" + e + "_first";
    }

    /**
     * {@code e<e>_arm} (the arm of an exposed unit, NULL for the others: a candidate whose first
     * exposure falls where {@code active} holds) and {@code e<e>_first}.
     */
    static String armColumns(int e, String active) {
        return ",\n  CASE WHEN e" + e + "_candidate AND " + active + " THEN e" + e + "_drawn_arm END AS e" + e + "_arm"
                + ", e" + e + "_first";
    }

    /**
     * The exposure log of {@code rollouts} from the units table (columns {@code unit_id},
     * {@code k}, {@code access_end} and those of {@link #armColumns}), sorted like a log, by time,
     * with the given column names: the experiment's first, or the unit's when {@code unitFirst}.
     */
    static String logSql(List<Rollout> rollouts, Timeline history, boolean unitFirst, String unitColumn,
            String experimentColumn, String variantColumn, String timeColumn) {
        List<String> parts = new ArrayList<>();
        List<String> variantNames = new ArrayList<>();
        for (int e = 0; e < rollouts.size(); e++) {
            Rollout x = rollouts.get(e);
            variantNames.add("WHEN " + e + " THEN CASE WHEN v = -1 THEN " + SqlText.literal(x.unknownVariant())
                    + " WHEN v >= 0 THEN " + x.variants().stream().map(SqlText::literal).collect(Collectors.joining(", ", "[", "]"))
                    + "[v + 1] END");
            parts.add(x.logRows(e, history));
        }
        // The sort keys are numbers, the names are looked up after.
        String experiment = rollouts.stream().map(x -> SqlText.literal(x.key())).collect(Collectors.joining(", ", "[", "]"))
                + "[experiment + 1] AS " + SqlText.identifier(experimentColumn);
        String unit = "unit_id AS " + SqlText.identifier(unitColumn);
        return "SELECT " + (unitFirst ? unit + ", " + experiment : experiment + ", " + unit)
                + ", CASE experiment " + String.join(" ", variantNames) + " END AS " + SqlText.identifier(variantColumn)
                + ", " + history.timestamp("t") + " AS " + SqlText.identifier(timeColumn)
                + " FROM (\n" + String.join("UNION ALL\n", parts) + ") ORDER BY t, experiment, unit_id, v";
    }

    /**
     * The log rows of experiment {@code e}: {@code (experiment, unit_id, v, t)} with v the arm
     * index, -1 for the unknown variant and -2 for NULL. Row j of a unit: 0 the first exposure,
     * 1..repeats the repeats, then one row per kind of dirt, kept with its probability.
     */
    private String logRows(int e, Timeline history) {
        int tag = tag(e);
        long startSecond = history.second(start);
        long endSecond = history.second(end.plusDays(1));
        long more = TAG_MORE_DIRT + 16L * e;
        long day = Timeline.DAY;
        return """
                SELECT %1$d AS experiment, unit_id, v, t
                FROM (
                  SELECT unit_id, access_end,
                    CASE WHEN j = 0 THEN first
                         WHEN j <= repeats THEN first + CAST(floor(u01(rk, 1) * %2$d) AS BIGINT)
                         WHEN j = repeats + 1 THEN first + 600 + CAST(floor(u01(rk, 1) * %3$d) AS BIGINT)
                         WHEN j = repeats + 2 THEN %4$d - 1 - CAST(floor(u01(rk, 1) * %5$d) AS BIGINT)
                         WHEN j = repeats + 4 THEN %21$d + CAST(floor(u01(rk, 1) * %5$d) AS BIGINT)
                         WHEN j = repeats + 6 THEN first
                         ELSE first + CAST(floor(u01(rk, 1) * %6$d) AS BIGINT) END AS t,
                    CASE WHEN j = repeats + 1 THEN CAST((arm + 1 + floor(u01(k, %7$d) * %8$d)) %% %9$d AS INTEGER)
                         WHEN j = repeats + 3 THEN -1
                         WHEN j = repeats + 5 THEN -2
                         ELSE arm END AS v,
                    j <= repeats
                      OR (j = repeats + 1 AND u01(k, %10$d) < %11$s)
                      OR (j = repeats + 2 AND u01(k, %12$d) < %13$s)
                      OR (j = repeats + 3 AND u01(k, %14$d) < %15$s)
                      OR (j = repeats + 4 AND u01(k, %22$d) < %23$s)
                      OR (j = repeats + 5 AND u01(k, %24$d) < %25$s)
                      OR (j = repeats + 6 AND u01(k, %26$d) < %27$s) AS logged
                  FROM (
                    SELECT *, subkey(k, %16$d + j) AS rk
                    FROM (
                      SELECT *, unnest(range(repeats + 7)) AS j
                      FROM (
                        SELECT unit_id, k, access_end, e%17$d_arm AS arm, e%17$d_first AS first,
                          %18$s AS repeats
                        FROM units WHERE e%17$d_arm IS NOT NULL)))
                ) WHERE logged AND t < access_end
                """.formatted(
                e,
                dirt.repeatSpanDays() * day, 7 * day, startSecond, 4 * day, 10 * day,
                tag + 7, variants.size() - 1, variants.size(),
                tag + 4, dirt.crossover(), tag + 5, dirt.preStart(), tag + 6, dirt.unknown(),
                TAG_EXPOSURE + 256L * e, e,
                GeneratorSql.geometric(GeneratorSql.logQ(dirt.repeatsMean()), "u01(k, " + (tag + 3) + ")", dirt.maxRepeats()),
                null, null,
                endSecond, more, dirt.postEnd(), more + 1, dirt.nullVariant(), more + 2, dirt.duplicate());
    }
}
