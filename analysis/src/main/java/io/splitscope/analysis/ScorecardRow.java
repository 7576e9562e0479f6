package io.splitscope.analysis;

import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;

/**
 * One metric compared between one treatment variant and the control.
 *
 * @param segment         the segment of the dimension the scorecard is sliced by, or null when it is not
 * @param incompleteUnits units left out of this metric because their window had not elapsed
 * @param pValueAdjusted  the Benjamini–Hochberg adjusted p-value over all rows of the scorecard,
 *                        null when the row has no p-value
 * @param inputs          the sufficient statistics the comparison read (for "explain"), never null
 */
public record ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                           String segment, long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                           Double pValueAdjusted, InputSummary inputs) {

    public ScorecardRow {
        java.util.Objects.requireNonNull(inputs, "inputs (InputSummary.NONE for none)");
    }
}
