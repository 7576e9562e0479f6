package io.splitscope.stats;

/**
 * Results for degenerate data, shared by every method, built in or plugged in: the status, a
 * reason a product manager can read, and every value that still exists ({@link ComparisonMethod}'s
 * contract: degenerate data never throws). Non-finite values become {@code null}.
 *
 * <pre>{@code
 * if (control.n() == 0 || treatment.n() == 0) {
 *     return Degenerate.emptyArm(control.n(), treatment.n(), controlMean, treatmentMean);
 * }
 * if (control.n() < 2 || treatment.n() < 2) {
 *     return Degenerate.effectsOnly(ResultStatus.TOO_FEW_UNITS, Degenerate.arms(control.n() < 2, treatment.n() < 2)
 *             + " a single unit; a variance, and so an interval and a p-value, need at least 2.", yc, yt, yt - yc, null);
 * }
 * }</pre>
 */
public final class Degenerate {

    private Degenerate() {
    }

    /**
     * The subject of a sentence about the arms that fail a condition: {@code "Both variants have"},
     * {@code "The control has"} or {@code "The treatment has"}.
     *
     * @throws IllegalArgumentException when neither fails
     */
    public static String arms(boolean controlFails, boolean treatmentFails) {
        if (!controlFails && !treatmentFails) {
            throw new IllegalArgumentException("neither arm fails the condition");
        }
        return controlFails && treatmentFails ? "Both variants have" : controlFails ? "The control has" : "The treatment has";
    }

    /**
     * {@link ResultStatus#EMPTY_ARM}: "The control has no units, so there is nothing to compare.",
     * with the values of the arms that have units.
     *
     * @throws IllegalArgumentException when both arms have units
     */
    public static ComparisonResult emptyArm(long controlUnits, long treatmentUnits, Double controlValue,
                                            Double treatmentValue) {
        return valuesOnly(ResultStatus.EMPTY_ARM, arms(controlUnits == 0, treatmentUnits == 0)
                + " no units, so there is nothing to compare.", controlValue, treatmentValue);
    }

    /** A result with the variants' values only: no effect, interval or p-value. */
    public static ComparisonResult valuesOnly(ResultStatus status, String reason, Double controlValue,
                                              Double treatmentValue) {
        return ComparisonResult.builder().values(finiteOrNull(controlValue), finiteOrNull(treatmentValue))
                .withStatus(status, reason);
    }

    /** A result with the values and the point effects (relative: null for none), but no interval or p-value. */
    public static ComparisonResult effectsOnly(ResultStatus status, String reason, double controlValue,
                                               double treatmentValue, double absoluteEffect, Double relativeEffect) {
        return ComparisonResult.builder().values(controlValue, treatmentValue)
                .absolute(finiteOrNull(absoluteEffect), null)
                .relative(finiteOrNull(relativeEffect), null)
                .withStatus(status, reason);
    }

    /** {@code value} when it is a finite number, else null: what a result holds for a value that does not exist. */
    public static Double finiteOrNull(Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }
}
