package io.splitscope.stats.r;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ResultStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How closely a method written in R reproduced its Java twin on the same inputs
 * ({@link RParity#verify}): one {@link Row} per treatment variant, and the largest relative
 * difference over every number both gave.
 *
 * <p>The relative difference of two numbers a (Java) and b (R) is {@code |a − b| / max(|a|, |b|)},
 * 0 when both are 0; it is taken over the control and treatment values, the absolute and relative
 * effects and the bounds of their intervals, the p-value and the extras both give. A number only
 * one side gives, or a different status, is a {@linkplain Row#problems() problem}.
 *
 * @param javaMethodId          the Java method's id, e.g. {@code welch_t}
 * @param rMethodId             its R twin's id, e.g. {@code r_welch_t}
 * @param rows                  one row per treatment variant, in the order of the variants
 * @param maxRelativeDifference the largest relative difference of all rows (0 when nothing was compared)
 */
public record ParityReport(String javaMethodId, String rMethodId, List<Row> rows, double maxRelativeDifference) {

    /** The tolerance of {@link #verified()}: the issue's "agree to 1e-8 relative". */
    public static final double TOLERANCE = 1e-8;

    /** Copies the rows. */
    public ParityReport {
        Objects.requireNonNull(javaMethodId, "javaMethodId");
        Objects.requireNonNull(rMethodId, "rMethodId");
        rows = List.copyOf(rows);
    }

    /**
     * One treatment variant compared with the control by both methods.
     *
     * @param variantIndex          the treatment's index in the variants given
     * @param java                  the Java method's result
     * @param r                     the R method's result
     * @param relativeDifferences   per number both gave (snake_case names, e.g. {@code p_value},
     *                              {@code absolute_ci_low}), the relative difference
     * @param maxRelativeDifference the largest of them (0 if none)
     * @param worstField            the name of the largest, or null
     * @param problems              statuses that differ and numbers only one side gave, as sentences
     */
    public record Row(int variantIndex, ComparisonResult java, ComparisonResult r,
            Map<String, Double> relativeDifferences, double maxRelativeDifference, String worstField,
            List<String> problems) {

        /** Copies the collections. */
        public Row {
            relativeDifferences = Map.copyOf(relativeDifferences);
            problems = List.copyOf(problems);
        }
    }

    /** Why R did not compute, if it did not (e.g. {@value RRuntime#R_NOT_INSTALLED}). */
    public Optional<String> rFailure() {
        return rows.stream().map(Row::r).filter(r -> r.status() == ResultStatus.METHOD_FAILED)
                .map(ComparisonResult::reason).findFirst();
    }

    /** Every problem of every row. */
    public List<String> problems() {
        return rows.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /**
     * Whether R computed every row, with the same statuses and the same numbers as Java to
     * {@link #TOLERANCE} relative: the number can be shown as "verified in R".
     */
    public boolean verified() {
        return !rows.isEmpty() && rFailure().isEmpty() && problems().isEmpty() && maxRelativeDifference <= TOLERANCE;
    }

    /**
     * One line for a command line or a tooltip, e.g. {@code welch_t = r_welch_t: largest relative
     * difference 2.1e-15 (p_value) over 2 comparisons — verified in R to 1e-8}.
     */
    public String summary() {
        String head = javaMethodId + " = " + rMethodId + ": ";
        Optional<String> failure = rFailure();
        if (failure.isPresent()) {
            return head + "not verified, R did not compute: " + failure.get();
        }
        String worst = rows.stream().filter(r -> r.worstField() != null && maxRelativeDifference > 0
                        && r.maxRelativeDifference() == maxRelativeDifference)
                .map(Row::worstField).findFirst().map(f -> " (" + f + ")").orElse("");
        String line = head + String.format(Locale.ROOT, "largest relative difference %.2g", maxRelativeDifference)
                + worst + " over " + rows.size() + (rows.size() == 1 ? " comparison" : " comparisons");
        if (verified()) {
            return line + " — verified in R to 1e-8";
        }
        List<String> problems = problems();
        return line + " — NOT verified" + (problems.isEmpty() ? " (above 1e-8)" : ": " + String.join("; ", problems));
    }
}
