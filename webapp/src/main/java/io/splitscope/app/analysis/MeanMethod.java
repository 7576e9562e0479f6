package io.splitscope.app.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a scorecard compares mean and proportion metrics (ratio metrics always use
 * {@code delta_ratio}, quantile metrics {@code bootstrap_quantile}).
 */
public enum MeanMethod {
    /** Welch's t-test: the default, as {@code spec/metrics.md}. */
    WELCH_T,
    /** Welch's t-test after variance reduction with the 14-day pre-exposure covariate. */
    CUPED,
    /** Beta-binomial (proportions) or normal (means) posterior: chance to beat control, expected loss. */
    BAYESIAN,
    /** An always-valid test that may be read every day without inflating false positives. */
    SEQUENTIAL;

    /** The stat method id ({@code welch_t}, ...). */
    public String methodId() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the known methods
     */
    public static MeanMethod parse(String id) {
        return Arrays.stream(values()).filter(m -> m.methodId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + id + "' for mean and proportion metrics (known: "
                        + Arrays.stream(values()).map(MeanMethod::methodId).collect(Collectors.joining(", ")) + ")"));
    }
}
