package io.splitscope.metrics.project;

import io.splitscope.metrics.experiment.Experiment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project file says about a declared experiment beyond its {@link
 * io.splitscope.metrics.experiment.Experiment}: its default segments, and where it names metrics
 * and dimensions (for {@link ProjectCheck}). Its decision plan is the experiment's
 * ({@link io.splitscope.metrics.experiment.Experiment#decisionPlan()}).
 *
 * @param experiment       the experiment
 * @param segments         the dimensions its results are sliced by by default
 * @param metricMentions   each metric it names (in {@code metrics}, {@code success} or
 *                         {@code guardrails}) → where it first names it
 * @param segmentMentions  each dimension of {@code segments} → where it names it
 */
public record ExperimentPlan(Experiment experiment, List<String> segments, Map<String, Location> metricMentions,
                             Map<String, Location> segmentMentions) {

    public ExperimentPlan {
        segments = List.copyOf(segments);
        metricMentions = Collections.unmodifiableMap(new LinkedHashMap<>(metricMentions));
        segmentMentions = Collections.unmodifiableMap(new LinkedHashMap<>(segmentMentions));
    }
}
