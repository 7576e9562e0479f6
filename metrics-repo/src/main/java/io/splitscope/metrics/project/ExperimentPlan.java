package io.splitscope.metrics.project;

import io.splitscope.metrics.experiment.Experiment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project file says about a declared experiment beyond its {@link
 * io.splitscope.metrics.experiment.Experiment}: its decision metrics ({@code spec/decisions.md}),
 * its default segments, and where it names metrics and dimensions (for {@link ProjectCheck}).
 *
 * @param experiment       the experiment
 * @param success          the success metrics, in order
 * @param guardrails       guardrail metric → its allowed change as written ({@code "+5%"}), or the
 *                         empty string when the file lists the metric without one
 * @param segments         the dimensions its results are sliced by by default
 * @param metricMentions   each metric it names (in {@code metrics}, {@code success} or
 *                         {@code guardrails}) → where it first names it
 * @param segmentMentions  each dimension of {@code segments} → where it names it
 */
public record ExperimentPlan(Experiment experiment, List<String> success, Map<String, String> guardrails,
                             List<String> segments, Map<String, Location> metricMentions,
                             Map<String, Location> segmentMentions) {

    public ExperimentPlan {
        success = List.copyOf(success);
        guardrails = Collections.unmodifiableMap(new LinkedHashMap<>(guardrails));
        segments = List.copyOf(segments);
        metricMentions = Collections.unmodifiableMap(new LinkedHashMap<>(metricMentions));
        segmentMentions = Collections.unmodifiableMap(new LinkedHashMap<>(segmentMentions));
    }
}
