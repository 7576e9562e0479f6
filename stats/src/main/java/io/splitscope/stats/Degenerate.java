package io.splitscope.stats;

/**
 * Results for degenerate data, shared by every method, built in or plugged in: the status, a
 * reason a product manager can read, and every value that still exists ({@link ComparisonMethod}'s
 * contract: degenerate data never throws). Non-finite values become {@code null}.
 *
 * <pre>{@code
 * if (!control.isFinite() || !treatment.isFinite()) {
 *     return Degenerate.nonFiniteSums(control.isFinite(), treatment.isFinite(), "sum or sum of squares",
 *             control.mean(), treatment.mean());
 * }
 * if (control.n() == 0 || treatment.n() == 0) {
 *     return Degenerate.emptyArm(control.n(), treatment.n(), controlMean, treatmentMean);
 * }
 * if (control.n() < 2 || treatment.n() < 2) {
 *     return Degenerate.tooFewUnits(control.n(), treatment.n(), yc, yt);
 * }
 * ...
 * var result = ComparisonResult.builder().values(yc, yt).absolute(d, ci).pValue(p);
 * if (yc == 0) {
 *     return Degenerate.zeroBaseline(result, "control mean");
 * }
 * }</pre>
 */
public final class Degenerate {

    /** What a variance per variant needs, the end of the usual {@link ResultStatus#TOO_FEW_UNITS} reason. */
    private static final String VARIANCE_NEEDS_TWO = "a variance, and so an interval and a p-value, need at least 2.";

    private Degenerate() {
    }

    /**
     * The subject of a sentence about the arms that fail a condition: {@code "Both variants have"},
     * {@code "The control has"} or {@code "The treatment has"}.
     *
     * @throws IllegalArgumentException when neither fails
     */
    public static String arms(boolean controlFails, boolean treatmentFails) {
        return which(controlFails, treatmentFails, "Both variants have", "The control has", "The treatment has");
    }

    /**
     * {@link ResultStatus#NON_FINITE} for inputs some of whose sums are NaN or infinite: "Some of the
     * control's sums (numerator, denominator or cross product) are not finite.", with the values of
     * the arms whose sums are all finite.
     *
     * @param sums the kinds of sums the input holds, e.g. {@code "numerator, denominator or cross product"}
     * @throws IllegalArgumentException when both arms are finite
     */
    public static ComparisonResult nonFiniteSums(boolean controlFinite, boolean treatmentFinite, String sums,
                                                 Double controlValue, Double treatmentValue) {
        String whose = which(!controlFinite, !treatmentFinite, "the control's and the treatment's", "the control's",
                "the treatment's");
        return valuesOnly(ResultStatus.NON_FINITE, "Some of " + whose + " sums (" + sums + ") are not finite.",
                controlFinite ? controlValue : null, treatmentFinite ? treatmentValue : null);
    }

    /**
     * {@link ResultStatus#NON_FINITE} for unit-level inputs with NaN or infinite values: "Some values
     * are NaN or infinite: the control has non-finite values.", with the values of the arms whose
     * values are all finite.
     *
     * @throws IllegalArgumentException when both arms are finite
     */
    public static ComparisonResult nonFiniteValues(boolean controlFinite, boolean treatmentFinite,
                                                   Double controlValue, Double treatmentValue) {
        String who = which(!controlFinite, !treatmentFinite, "the control and the treatment have", "the control has",
                "the treatment has");
        return valuesOnly(ResultStatus.NON_FINITE, "Some values are NaN or infinite: " + who + " non-finite values.",
                controlFinite ? controlValue : null, treatmentFinite ? treatmentValue : null);
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

    /**
     * {@link ResultStatus#TOO_FEW_UNITS} for a method that needs a variance per variant: "The control
     * has a single unit; a variance, and so an interval and a p-value, need at least 2.", with the
     * values and the effects of their difference ({@link #effectsOnly(ResultStatus, String, double, double)}).
     *
     * @throws IllegalArgumentException when both arms have at least 2 units
     */
    public static ComparisonResult tooFewUnits(long controlUnits, long treatmentUnits, double controlValue,
                                               double treatmentValue) {
        return tooFewUnits(controlUnits, treatmentUnits, VARIANCE_NEEDS_TWO, controlValue, treatmentValue);
    }

    /**
     * {@link ResultStatus#TOO_FEW_UNITS}: "The control has a single unit; " followed by what the
     * method needs at least 2 units for ({@code need}), with the values and the effects of their
     * difference ({@link #effectsOnly(ResultStatus, String, double, double)}).
     *
     * @throws IllegalArgumentException when both arms have at least 2 units
     */
    public static ComparisonResult tooFewUnits(long controlUnits, long treatmentUnits, String need,
                                               double controlValue, double treatmentValue) {
        return effectsOnly(ResultStatus.TOO_FEW_UNITS, arms(controlUnits < 2, treatmentUnits < 2)
                + " a single unit; " + need, controlValue, treatmentValue);
    }

    /**
     * {@link ResultStatus#ZERO_BASELINE}: {@code result} as built so far (values, absolute effect,
     * its interval and p-value), with no relative effect and the reason "The control mean is 0, so
     * there is no relative effect." for {@code controlValue} "control mean".
     *
     * @param controlValue what the control's value is, e.g. {@code "control mean"}
     */
    public static ComparisonResult zeroBaseline(ComparisonResult.Builder result, String controlValue) {
        return result.withStatus(ResultStatus.ZERO_BASELINE,
                "The " + controlValue + " is 0, so there is no relative effect.");
    }

    /** A result with the variants' values only: no effect, interval or p-value. */
    public static ComparisonResult valuesOnly(ResultStatus status, String reason, Double controlValue,
                                              Double treatmentValue) {
        return ComparisonResult.builder().values(finiteOrNull(controlValue), finiteOrNull(treatmentValue))
                .withStatus(status, reason);
    }

    /**
     * A result with the values and the effects of their difference, treatment − control (relative:
     * over the control value, none when it is 0), but no interval or p-value.
     */
    public static ComparisonResult effectsOnly(ResultStatus status, String reason, double controlValue,
                                               double treatmentValue) {
        double d = treatmentValue - controlValue;
        return effectsOnly(status, reason, controlValue, treatmentValue, d, controlValue != 0 ? d / controlValue : null);
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

    /** {@code both}, {@code control} or {@code treatment}, by which arms fail a condition. */
    private static String which(boolean controlFails, boolean treatmentFails, String both, String control,
                                String treatment) {
        if (!controlFails && !treatmentFails) {
            throw new IllegalArgumentException("neither arm fails the condition");
        }
        return controlFails && treatmentFails ? both : controlFails ? control : treatment;
    }
}
