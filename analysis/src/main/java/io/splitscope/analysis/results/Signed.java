package io.splitscope.analysis.results;

import java.time.Instant;
import java.util.Objects;

/**
 * A value of an experiment's record with who wrote it and when.
 *
 * @param value what was written
 * @param by    the user who wrote it
 * @param at    when
 * @param <T>   the value's type
 */
public record Signed<T>(T value, String by, Instant at) {

    public Signed {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
