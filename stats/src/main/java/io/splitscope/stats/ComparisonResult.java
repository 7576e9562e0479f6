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

    /** This result with the given extras instead of its own. */
    public ComparisonResult withExtras(Map<String, Double> extras) {
        return new ComparisonResult(status, reason, controlValue, treatmentValue, absoluteEffect, absoluteCi,
                relativeEffect, relativeCi, pValue, extras);
    }

    /** A complete result: status {@link ResultStatus#OK}, no reason. */
    public static ComparisonResult ok(double controlValue, double treatmentValue,
            double absoluteEffect, Interval absoluteCi, double relativeEffect,
            Interval relativeCi, double pValue) {
        return builder().values(controlValue, treatmentValue)
                .absolute(absoluteEffect, Objects.requireNonNull(absoluteCi, "absoluteCi"))
                .relative(relativeEffect, Objects.requireNonNull(relativeCi, "relativeCi"))
                .pValue(pValue)
                .ok();
    }

    /**
     * A result built field by field, for a method that fills what its data allows:
     * {@code ComparisonResult.builder().values(yc, yt).absolute(d, ci).pValue(p).withStatus(ResultStatus.ZERO_BASELINE,
     * "The control mean is 0, so there is no relative effect.")}. Fields left out are null.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link #builder()}; the checks of the record's constructor apply when it builds. */
    public static final class Builder {

        private Double controlValue;
        private Double treatmentValue;
        private Double absoluteEffect;
        private Interval absoluteCi;
        private Double relativeEffect;
        private Interval relativeCi;
        private Double pValue;
        private final Map<String, Double> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /** The control's and the treatment's value of the metric. */
        public Builder values(Double control, Double treatment) {
            this.controlValue = control;
            this.treatmentValue = treatment;
            return this;
        }

        /** The absolute effect and its interval (null for none). */
        public Builder absolute(Double effect, Interval ci) {
            this.absoluteEffect = effect;
            this.absoluteCi = ci;
            return this;
        }

        /** The relative effect and its interval (null for none). */
        public Builder relative(Double effect, Interval ci) {
            this.relativeEffect = effect;
            this.relativeCi = ci;
            return this;
        }

        public Builder pValue(Double pValue) {
            this.pValue = pValue;
            return this;
        }

        /** Further named numbers, in the order given (see the record's {@code extras}). */
        public Builder extras(Map<String, Double> more) {
            extras.putAll(more);
            return this;
        }

        /** A complete result: {@link ResultStatus#OK}, no reason. */
        public ComparisonResult ok() {
            return withStatus(ResultStatus.OK, null);
        }

        /** A result with this status and the reason for it (null for OK). */
        public ComparisonResult withStatus(ResultStatus status, String reason) {
            return new ComparisonResult(status, reason, controlValue, treatmentValue, absoluteEffect, absoluteCi,
                    relativeEffect, relativeCi, pValue, extras);
        }
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
