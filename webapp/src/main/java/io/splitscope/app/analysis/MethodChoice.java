package io.splitscope.app.analysis;

import io.splitscope.metrics.Metric;

/** Which comparison method analyses a metric by default ({@code spec/metrics.md}). */
final class MethodChoice {

    static final String WELCH_T = "welch_t";
    static final String DELTA_RATIO = "delta_ratio";
    static final String BOOTSTRAP_QUANTILE = "bootstrap_quantile";

    private MethodChoice() {
    }

    static String methodFor(Metric metric, MeanMethod meanMethod) {
        return switch (metric.type()) {
            case MEAN, PROPORTION -> meanMethod.methodId();
            case RATIO -> DELTA_RATIO;
            case QUANTILE -> BOOTSTRAP_QUANTILE;
        };
    }
}
