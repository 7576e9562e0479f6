package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.splitscope.analysis.Scorecard;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard tab: every metric's result against the control, in a table grouped into primary,
 * guardrail and secondary metrics, then a section per funnel ({@link FunnelSection}).
 */
final class ResultsPanel implements ScorecardPanel {

    @Override
    public void fill(Div panel, ShownScorecard shown) {
        Scorecard scorecard = shown.scorecard();
        panel.add(PanelParts.caption("Each treatment against " + scorecard.experiment().controlVariant() + ": the relative effect"
                + " with its " + scorecard.confidence() + " interval, drawn as a bar on its group's scale (hover a bar for its numbers;"
                + " an arrow marks an interval that goes on beyond the scale). Green is better and red is worse, given which way"
                + " each metric should move; grey is inconclusive (the interval includes zero). "
                + methodsLine(scorecard) + " The ? button explains how any row was computed."));
        if (shown.lines().isEmpty()) {
            panel.add(new Paragraph("No metric rows: the analysis produced no results for this experiment."));
            return;
        }
        panel.add(shown.table(shown.lines(), shown.key().segmentBy() != null));
        funnels(panel, shown);
    }

    /** A section per funnel metric of the scorecard, for the whole population only. */
    private static void funnels(Div panel, ShownScorecard shown) {
        List<Metric> funnels = shown.groups().metrics().stream().filter(m -> m.measure() instanceof Measure.Funnel).toList();
        for (Metric funnel : funnels) {
            FunnelSteps.of(funnel, shown.scorecard())
                    .ifPresent(steps -> panel.add(new FunnelSection(steps, shown.confidence())));
        }
        boolean sliced = shown.scorecard().rows().stream().anyMatch(r -> r.segment() != null);
        if (sliced && shown.scorecard().rows().stream().anyMatch(r -> r.kind() == MetricKind.FUNNEL_STEP)) {
            panel.add(new Paragraph("Funnel charts are drawn for the whole population: open the scorecard without a segment."));
        }
    }

    /** The method of each type of metric, e.g. {@code Methods — means: welch_t, percentiles: quantile_asymptotic.} */
    private static String methodsLine(Scorecard scorecard) {
        Map<MetricType, String> methods = new LinkedHashMap<>();
        scorecard.rows().forEach(r -> methods.putIfAbsent(r.type(), r.method()));
        List<String> parts = new ArrayList<>();
        methods.forEach((type, method) -> parts.add(switch (type) {
            case MEAN -> "means";
            case PROPORTION -> "proportions";
            case RATIO -> "ratios";
            case QUANTILE -> "percentiles";
        } + ": " + method));
        return parts.isEmpty() ? "" : "Methods — " + String.join(", ", parts) + ".";
    }
}
