package io.splitscope.analysis;

import io.splitscope.metrics.Metric;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.methods.QuantileMethodRule;

/**
 * Which comparison method analyses a metric ({@code spec/metrics.md}): mean and proportion
 * metrics the one asked for ({@link MeanMethod#meanMethodId()}), ratio metrics
 * {@code delta_ratio}; quantile metrics {@code bootstrap_quantile} when asked for
 * ({@link MeanMethod#BOOTSTRAP_QUANTILE}), else by the sizes of the two arms compared
 * ({@link QuantileMethodRule}: {@code quantile_asymptotic} when both have at least
 * {@value QuantileMethodRule#MIN_UNITS_PER_ARM} units, {@code bootstrap_quantile} below), so a
 * quantile metric's method is known once its events are fetched, row by row.
 */
final class MethodChoice {

    static final String WELCH_T = "welch_t";
    static final String DELTA_RATIO = "delta_ratio";
    static final String BOOTSTRAP_QUANTILE = "bootstrap_quantile";

    private MethodChoice() {
    }

    /**
     * The method of {@code metric}'s row comparing {@code treatment} with {@code control} (a
     * metric's inputs as fetched). A quantile metric whose inputs are not {@link QuantileSample}s
     * gets {@code bootstrap_quantile}, as before the rule.
     */
    static String methodFor(Metric metric, MeanMethod meanMethod, VariantData control, VariantData treatment) {
        return switch (metric.type()) {
            case MEAN, PROPORTION -> meanMethod.meanMethodId();
            case RATIO -> DELTA_RATIO;
            case QUANTILE -> meanMethod.quantileMethodId() != null ? meanMethod.quantileMethodId()
                    : control instanceof QuantileSample c && treatment instanceof QuantileSample t
                            ? QuantileMethodRule.defaultMethod(c, t) : BOOTSTRAP_QUANTILE;
        };
    }

    /**
     * The method of {@code metric} before its inputs are fetched: as
     * {@link #methodFor(Metric, MeanMethod, VariantData, VariantData)}, except that a quantile
     * metric without a method asked for gets {@code bootstrap_quantile}, its method for arms below
     * {@value QuantileMethodRule#MIN_UNITS_PER_ARM} units (neither quantile method has an R twin).
     */
    static String methodFor(Metric metric, MeanMethod meanMethod) {
        return methodFor(metric, meanMethod, null, null);
    }
}
