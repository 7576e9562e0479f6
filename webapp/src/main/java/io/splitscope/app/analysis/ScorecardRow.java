package io.splitscope.app.analysis;

import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;

/**
 * One metric compared between one treatment variant and the control.
 *
 * @param incompleteUnits units left out of this metric because their window had not elapsed
 * @param pValueAdjusted  the Benjamini–Hochberg adjusted p-value over all rows of the scorecard,
 *                        null when the row has no p-value
 */
public record ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                           long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                           Double pValueAdjusted) {
}
