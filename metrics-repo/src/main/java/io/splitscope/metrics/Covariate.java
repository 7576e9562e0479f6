package io.splitscope.metrics;

import java.util.Objects;

/**
 * The CUPED covariate of a mean or proportion metric ({@code spec/project.md}, "CUPED"): what
 * each unit's value is adjusted with. A metric without one uses {@link PrePeriod} when its source
 * has timestamps, and none otherwise (CUPED then leaves it as {@code welch_t} would).
 */
public sealed interface Covariate {

    /** The same per-unit value over the 14 days before the unit's first exposure. */
    record PrePeriod() implements Covariate {
    }

    /**
     * A per-unit value computed without any window from rows of {@code source} (e.g. last year's
     * spend in a users table): {@code value} aggregated over all of the unit's rows, 0 without one.
     */
    record UnitLevel(Source source, UnitValue value) implements Covariate {
        public UnitLevel {
            Objects.requireNonNull(source, "a unit-level covariate needs a source");
            Objects.requireNonNull(value, "a unit-level covariate needs a per-unit value");
        }
    }

    /** The pre-period covariate. */
    static Covariate prePeriod() {
        return new PrePeriod();
    }

    /** A unit-level covariate: {@code value} over all rows of {@code source}. */
    static Covariate unitLevel(Source source, UnitValue value) {
        return new UnitLevel(source, value);
    }
}
