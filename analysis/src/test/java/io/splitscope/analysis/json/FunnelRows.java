package io.splitscope.analysis.json;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.List;

/**
 * Rows of the metric kinds of issue 15, built by hand: a funnel's second step (a proportion over
 * every eligible unit, windowed, {@code elapsed}), its step-to-step conversion (a descriptive ratio:
 * no adjusted p-value) and a day-7 retention counting every exposed unit ({@code all}).
 */
public final class FunnelRows {

    private FunnelRows() {
    }

    public static List<ScorecardRow> rows() {
        ScorecardRow step = new ScorecardRow("checkout_funnel.step2", "Checkout funnel · step 2 (cart)",
                MetricType.PROPORTION, "welch_t", "treatment", null, 400, 410, 12,
                ComparisonResult.ok(0.25, 0.3, 0.05, new Interval(-0.01, 0.11), 0.2, new Interval(-0.04, 0.44), 0.1), 0.2,
                InputSummary.NONE, MetricKind.FUNNEL_STEP, Eligibility.ELAPSED);
        ScorecardRow conversion = new ScorecardRow("checkout_funnel.step2_of_1", "Checkout funnel · cart of browse",
                MetricType.RATIO, "delta_ratio", "treatment", null, 400, 410, 12,
                ComparisonResult.ok(0.5, 0.6, 0.1, new Interval(0.01, 0.19), 0.2, new Interval(0.02, 0.38), 0.03), null,
                InputSummary.NONE, MetricKind.FUNNEL_CONVERSION, Eligibility.ELAPSED);
        ScorecardRow retention = new ScorecardRow("retention_d7", "Day-7 retention", MetricType.PROPORTION, "welch_t",
                "treatment", null, 412, 422, 0,
                ComparisonResult.ok(0.2, 0.22, 0.02, new Interval(-0.03, 0.07), 0.1, new Interval(-0.15, 0.35), 0.4), 0.4,
                InputSummary.NONE, MetricKind.RETENTION, Eligibility.ALL);
        return List.of(step, conversion, retention);
    }
}
