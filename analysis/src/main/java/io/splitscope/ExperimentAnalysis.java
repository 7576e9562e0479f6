package io.splitscope;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.stats.ConfidenceLevel;
import java.util.List;

/**
 * What to analyse of one experiment ({@link Splitscope#experiment}); each setting returns a new
 * value, and {@link #scorecard()} runs the analysis. The defaults are those of {@code splitscope
 * analyze}: the experiment's metrics, {@code welch_t} for means and proportions, no segments.
 */
public final class ExperimentAnalysis {

    private final AnalysisService service;
    private final AnalysisRequest request;

    private ExperimentAnalysis(AnalysisService service, AnalysisRequest request) {
        this.service = service;
        this.request = request;
    }

    static ExperimentAnalysis of(AnalysisService service, String experimentId) {
        return new ExperimentAnalysis(service, AnalysisRequest.of(experimentId));
    }

    /** Only these metrics, in this order. */
    public ExperimentAnalysis metrics(String... metricIds) {
        return new ExperimentAnalysis(service, request.withMetrics(List.of(metricIds)));
    }

    /**
     * Compares means and proportions with this method ({@code welch_t}, {@code cuped},
     * {@code bayesian}, {@code sequential}, {@code mann_whitney}, {@code r_ancova}, or a plugged-in one).
     *
     * @throws IllegalArgumentException for a method no one provides, naming the known ones
     */
    public ExperimentAnalysis method(String meanMethod) {
        return new ExperimentAnalysis(service, request.withMeanMethod(MeanMethod.parse(meanMethod)));
    }

    /** Every result sliced by the project's dimension of this id. */
    public ExperimentAnalysis segmentBy(String dimensionId) {
        return new ExperimentAnalysis(service, request.withSegmentBy(dimensionId));
    }

    /**
     * Gives every interval at this confidence level: {@code "90"}, {@code "95"} (the default),
     * {@code "99"}, {@code "99%"} or {@code "0.99"}.
     *
     * @throws IllegalArgumentException naming the text when it is not a level from 50 to 99.9 %
     */
    public ExperimentAnalysis confidence(String level) {
        return new ExperimentAnalysis(service, request.withConfidence(ConfidenceLevel.parse(level)));
    }

    /** The request as it stands, for {@link AnalysisService#analyze}. */
    public AnalysisRequest request() {
        return request;
    }

    /**
     * Runs the analysis; the scorecard prints as the table of {@code splitscope analyze}.
     *
     * @throws io.splitscope.analysis.AnalysisException for an unknown metric or dimension, or an experiment that cannot be analysed
     */
    public Scorecard scorecard() {
        return service.analyze(request);
    }

    /** Runs the analysis and returns the scorecard as the JSON of {@code spec/scorecard.md}. */
    public String json() {
        return ScorecardJson.write(scorecard());
    }

    @Override
    public String toString() {
        return request.toString();
    }
}
