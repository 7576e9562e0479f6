package io.splitscope.metrics;

/**
 * Winsorisation of a mean metric's per-unit values: values beyond a bound are set to the bound,
 * so that a few extreme units (bots, resellers) do not drown the effect in variance. Bounds may be
 * given on one tail only (null for the other). The CUPED covariate is never capped
 * ({@code spec/project.md}).
 */
public sealed interface Cap {

    /** Fixed bounds, in the metric's unit. */
    record Absolute(Double lower, Double upper) implements Cap {
        public Absolute {
            requireSomeBound(lower, upper);
            if (lower != null && upper != null && lower > upper) {
                throw new IllegalArgumentException("a cap's lower bound " + lower + " exceeds its upper bound " + upper);
            }
        }
    }

    /**
     * Bounds at percentiles of the per-unit values, pooled over every variant of the metric's
     * analysis (units with complete windows), computed by the engine in the same query.
     */
    record Percentile(Double lowerLevel, Double upperLevel) implements Cap {
        public Percentile {
            requireSomeBound(lowerLevel, upperLevel);
            for (Double level : new Double[] {lowerLevel, upperLevel}) {
                if (level != null && !(level > 0 && level < 1)) {
                    throw new IllegalArgumentException("a cap's percentile level must lie strictly between 0 and 1, not " + level);
                }
            }
            if (lowerLevel != null && upperLevel != null && lowerLevel >= upperLevel) {
                throw new IllegalArgumentException("a cap's lower level " + lowerLevel + " is not below its upper level " + upperLevel);
            }
        }
    }

    /** Caps values above {@code upper}. */
    static Cap above(double upper) {
        return new Absolute(null, upper);
    }

    /** Caps values above the pooled {@code level} percentile (e.g. 0.99). */
    static Cap abovePercentile(double level) {
        return new Percentile(null, level);
    }

    private static void requireSomeBound(Double lower, Double upper) {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a cap needs a lower or an upper bound");
        }
    }
}
