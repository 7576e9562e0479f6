package io.splitscope.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison of one treatment variant with the control, for one metric.
 *
 * <p>A value that does not exist is {@code null}, never NaN (it is written as JSON {@code null}):
 * for example the relative effect and its interval over a zero control value
 * ({@link ResultStatus#ZERO_BASELINE}), or the interval and p-value when a variant has a single
 * unit ({@link ResultStatus#TOO_FEW_UNITS}). Every non-null number is finite.
 *
 * @param status          whether the result is complete; never null
 * @param reason          a human-readable sentence explaining a status other than
 *                        {@link ResultStatus#OK}; {@code null} exactly when the status is OK
 * @param controlValue    the control's value of the metric (for {@code welch_t} its mean)
 * @param treatmentValue  the treatment's value of the metric
 * @param absoluteEffect  treatment value − control value
 * @param absoluteCi      the two-sided 95 % confidence interval of the absolute effect
 * @param relativeEffect  absolute effect / control value
 * @param relativeCi      the two-sided 95 % confidence interval of the relative effect
 * @param pValue          the two-sided p-value of "no difference", in [0, 1]
 * @param extras          further named numbers a method gives beyond the fields above, in a stable
 *                        order, keyed in {@code snake_case} so that they can be written as extra
 *                        fields of a scorecard row (e.g. {@code bayesian}'s
 *                        {@code chance_to_beat_control} and {@code expected_loss}); every value
 *                        finite; empty for most methods, never null (an unmodifiable copy)
 */
public record ComparisonResult(
        ResultStatus status,
        String reason,
        Double controlValue,
        Double treatmentValue,
        Double absoluteEffect,
        Interval absoluteCi,
        Double relativeEffect,
        Interval relativeCi,
        Double pValue,
        Map<String, Double> extras) {

    /**
     * @throws NullPointerException     if {@code status} is null
     * @throws IllegalArgumentException if a number is NaN or infinite, the p-value is outside
     *                                  [0, 1], or the reason is missing for a status other than OK
     *                                  (or given for OK)
     */
    public ComparisonResult {
        Objects.requireNonNull(status, "status");
        if (status == ResultStatus.OK && reason != null) {
            throw new IllegalArgumentException("an OK result has no reason, got: " + reason);
        }
        if (status != ResultStatus.OK && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + status + " result needs a reason");
        }
        requireFiniteOrNull("controlValue", controlValue);
        requireFiniteOrNull("treatmentValue", treatmentValue);
        requireFiniteOrNull("absoluteEffect", absoluteEffect);
        requireFiniteOrNull("relativeEffect", relativeEffect);
        requireFiniteOrNull("pValue", pValue);
        if (pValue != null && (pValue < 0 || pValue > 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
        Objects.requireNonNull(extras, "extras (use Map.of() for none)");
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : extras.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "an extras key");
            if (!key.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("extras keys are snake_case, got '" + key + "'");
            }
            Double value = e.getValue();
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("extras value '" + key + "' must be finite, got " + value);
            }
            copy.put(key, value);
        }
        extras = Collections.unmodifiableMap(copy);
    }

    /** A result without extras (the form every method without further numbers uses). */
    public ComparisonResult(ResultStatus status, String reason, Double controlValue, Double treatmentValue,
            Double absoluteEffect, Interval absoluteCi, Double relativeEffect, Interval relativeCi, Double pValue) {
        this(status, reason, controlValue, treatmentValue, absoluteEffect, absoluteCi, relativeEffect,
                relativeCi, pValue, Map.of());
    }

    /** This result with the given extras instead of its own. */
    public ComparisonResult withExtras(Map<String, Double> extras) {
        return new ComparisonResult(status, reason, controlValue, treatmentValue, absoluteEffect, absoluteCi,
                relativeEffect, relativeCi, pValue, extras);
    }

    /** A complete result: status {@link ResultStatus#OK}, no reason. */
    public static ComparisonResult ok(double controlValue, double treatmentValue,
            double absoluteEffect, Interval absoluteCi, double relativeEffect,
            Interval relativeCi, double pValue) {
        return new ComparisonResult(ResultStatus.OK, null, controlValue, treatmentValue,
                absoluteEffect, Objects.requireNonNull(absoluteCi, "absoluteCi"), relativeEffect,
                Objects.requireNonNull(relativeCi, "relativeCi"), pValue);
    }

    /** Whether the status is {@link ResultStatus#OK}. */
    public boolean isOk() {
        return status == ResultStatus.OK;
    }

    private static void requireFiniteOrNull(String name, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be finite or null (a value that does not exist), got " + value);
        }
    }
}
