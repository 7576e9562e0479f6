package io.splitscope.metrics;

import java.util.Objects;
import org.jooq.Condition;
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
            if (!(value instanceof UnitValue.Any || value instanceof UnitValue.Positive
                    || value instanceof UnitValue.AtLeast || value instanceof UnitValue.FunnelReached)) {
                throw new IllegalArgumentException("a proportion's per-unit value is 0 or 1: UnitValue.any(), "
                        + "UnitValue.positive(...) or UnitValue.atLeast(...), not " + value);
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

    /**
     * Steps a unit completes in order ({@code spec/metric-types.md}): distinct rows {@code r1..rk},
     * {@code ri} passing step i's filter, {@code t(r1) <= … <= t(rk)}, all in the window. A funnel
     * is analysed as its rows ({@link Metric#scorecardMetrics()}), never as itself.
     *
     * @param steps at least two, in order
     */
    record Funnel(java.util.List<Step> steps) implements Measure {
        public Funnel {
            if (steps == null || steps.size() < 2) {
                throw new IllegalArgumentException("a funnel has at least two steps");
            }
            steps = java.util.List.copyOf(steps);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Step step : steps) {
                if (!names.add(step.name())) {
                    throw new IllegalArgumentException("a funnel's steps have distinct names: '" + step.name() + "' twice");
                }
            }
        }

        /** The rows of a funnel are proportions (each step's share) and ratios (step to step). */
        @Override
        public MetricType type() {
            return MetricType.PROPORTION;
        }

        /**
         * One step: its name ({@code cart}) and which rows pass it.
         *
         * @param name   shown in the scorecard ({@code step 2 (cart)})
         * @param filter over the source's columns
         */
        public record Step(String name, Condition filter) {

            /** A step named {@code name} whose rows pass {@code filter}. */
            public static Step of(String name, Condition filter) {
                return new Step(name, filter);
            }

            public Step {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("a funnel step needs a name");
                }
                Objects.requireNonNull(filter, "funnel step " + name + " needs a filter");
            }
        }
    }
}
