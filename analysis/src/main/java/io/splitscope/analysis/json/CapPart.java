package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.splitscope.analysis.CapUsed;

/**
 * A row's {@code cap} ({@code spec/scorecard.md}): the bounds the metric's per-unit values were
 * winsorised at and, for a percentile cap, their levels; a field without a value is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapPart(Double lower, Double upper, Double quantileLow, Double quantile) {

    /** The part of {@code cap}, null (no field) for an uncapped row. */
    static CapPart of(CapUsed cap) {
        return cap == null ? null : new CapPart(cap.lower(), cap.upper(), cap.quantileLow(), cap.quantile());
    }

    CapUsed toCap() {
        return new CapUsed(lower, upper, quantileLow, quantile);
    }
}
