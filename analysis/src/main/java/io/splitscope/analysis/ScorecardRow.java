package io.splitscope.analysis;

import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;

/**
 * One metric compared between one treatment variant and the control.
 *
 * @param segment         the segment of the dimension the scorecard is sliced by, or null when it is not
 * @param incompleteUnits units left out of this metric because their window had not elapsed (units its
 *                        unit filter drops are not counted: they are not in its analysis at all)
 * @param pValueAdjusted  the Benjamini–Hochberg adjusted p-value over all rows of the scorecard,
 *                        null when the row has no p-value
 * @param inputs          the sufficient statistics the comparison read (for "explain"), never null
 * @param cap             the winsorisation the metric's values went through, null when uncapped
 */
public record ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                           String segment, long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                           Double pValueAdjusted, InputSummary inputs, CapUsed cap) {

    public ScorecardRow {
        java.util.Objects.requireNonNull(inputs, "inputs (InputSummary.NONE for none)");
    }

    /** A row of an uncapped metric. */
    public ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                        String segment, long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                        Double pValueAdjusted, InputSummary inputs) {
        this(metricId, metricTitle, type, method, variant, segment, nControl, nTreatment, incompleteUnits, comparison,
                pValueAdjusted, inputs, null);
    }
}
