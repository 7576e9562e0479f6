package io.splitscope.metrics;

import java.util.Objects;
import org.jooq.Field;

/** What a metric measures and so how a variant's value is formed from its units. */
public sealed interface Measure {

    MetricType type();

    /** The mean over units of a per-unit value. */
    record Mean(UnitValue value) implements Measure {
        public Mean {
            Objects.requireNonNull(value, "a mean needs a per-unit value");
        }

        @Override
        public MetricType type() {
            return MetricType.MEAN;
        }
    }

    /** The share of units for which a 0/1 per-unit value ({@link UnitValue.Any}, {@link UnitValue.Positive}) is 1. */
    record Proportion(UnitValue value) implements Measure {
        public Proportion {
            Objects.requireNonNull(value, "a proportion needs a 0/1 per-unit value");
            if (!(value instanceof UnitValue.Any || value instanceof UnitValue.Positive)) {
                throw new IllegalArgumentException("a proportion's per-unit value is 0 or 1: UnitValue.any() or "
                        + "UnitValue.positive(...), not " + value);
            }
        }

        @Override
        public MetricType type() {
            return MetricType.PROPORTION;
        }
    }

    /** Σ numerators / Σ denominators over the variant's units. */
    record Ratio(UnitValue numerator, UnitValue denominator) implements Measure {
        @Override
        public MetricType type() {
            return MetricType.RATIO;
        }
    }

    /**
     * The {@code level} percentile (type 7: linear interpolation between order statistics) of an
     * event-level value over all events in the windows of the variant's units.
     */
    record Quantile(Field<Double> eventValue, double level) implements Measure {
        public Quantile {
            Objects.requireNonNull(eventValue, "a quantile needs an event-level value");
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("a quantile level must lie strictly between 0 and 1, not " + level);
            }
        }

        @Override
        public MetricType type() {
            return MetricType.QUANTILE;
        }
    }
}
