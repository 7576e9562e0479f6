package io.splitscope.analysis;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
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
 * @param kind            how the metric was defined ({@code retention}, {@code funnel_step}, ...), never null
 * @param eligibility     which units the windowed metric counted; null for a metric without a window
 * @param cap             the winsorisation the metric's values went through, null when uncapped
 * @param direction       which way the metric should move; null when not known (a row stored before
 *                        directions were kept, or made by the shorter constructor)
 */
public record ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                           String segment, long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                           Double pValueAdjusted, InputSummary inputs, MetricKind kind, Eligibility eligibility,
                           CapUsed cap, Direction direction) {

    public ScorecardRow {
        java.util.Objects.requireNonNull(inputs, "inputs (InputSummary.NONE for none)");
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** A row of an uncapped metric whose direction is not known. */
    public ScorecardRow(String metricId, String metricTitle, MetricType type, String method, String variant,
                        String segment, long nControl, long nTreatment, long incompleteUnits, ComparisonResult comparison,
                        Double pValueAdjusted, InputSummary inputs, MetricKind kind, Eligibility eligibility) {
        this(metricId, metricTitle, type, method, variant, segment, nControl, nTreatment, incompleteUnits, comparison,
                pValueAdjusted, inputs, kind, eligibility, null, null);
    }

    /**
     * Whether the row describes rather than tests ({@link MetricKind#descriptive()}): it is outside the
     * Benjamini–Hochberg family (no adjusted p-value) and carries no verdict.
     */
    public boolean descriptive() {
        return kind.descriptive();
    }

    /** This row with its Benjamini–Hochberg adjusted p-value. */
    public ScorecardRow withPValueAdjusted(Double adjusted) {
        return new ScorecardRow(metricId, metricTitle, type, method, variant, segment, nControl, nTreatment,
                incompleteUnits, comparison, adjusted, inputs, kind, eligibility, cap, direction);
    }

    /**
     * What the row means in its metric's {@link #direction()} at {@code alpha} ({@link Verdict}); empty
     * when the direction is not known.
     */
    public java.util.Optional<Verdict> verdict(double alpha) {
        return java.util.Optional.ofNullable(direction).map(d -> Verdict.of(this, d, alpha));
    }
}
