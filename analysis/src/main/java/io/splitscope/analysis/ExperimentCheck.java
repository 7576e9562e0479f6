package io.splitscope.analysis;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks that an experiment's description is consistent enough to analyse. A single variant is
 * not an inconsistency: a discovered experiment whose log names one variant so far waits for the
 * others ({@link Readiness}).
 */
final class ExperimentCheck {

    private static final double WEIGHT_TOLERANCE = 1e-6;

    private ExperimentCheck() {
    }

    /**
     * @throws AnalysisException naming the experiment and the inconsistency
     */
    static void requireAnalysable(Experiment experiment) {
        String id = experiment.id();
        boolean timedExposures = experiment.requireAssignment().timed();
        if (timedExposures && (experiment.startDate() == null || experiment.endDate() == null)) {
            throw new AnalysisException("experiment " + id + " has no " + (experiment.startDate() == null ? "start_date" : "end_date"));
        }
        if (timedExposures && experiment.endDate().isBefore(experiment.startDate())) {
            throw new AnalysisException("experiment " + id + ": end_date " + experiment.endDate()
                    + " precedes start_date " + experiment.startDate());
        }
        if (experiment.variants().stream().noneMatch(v -> v.variant().equals(experiment.controlVariant()))) {
            throw new AnalysisException("experiment " + id + ": control_variant '" + experiment.controlVariant()
                    + "' is not one of its variants");
        }
        double total = experiment.variants().stream().mapToDouble(VariantWeight::weight).sum();
        if (Math.abs(total - 1.0) > WEIGHT_TOLERANCE) {
            throw new AnalysisException("experiment " + id + ": variant weights sum to " + total + ", not 1");
        }
    }

    /** The planned share of each variant, in the experiment's variant order. */
    static Map<String, Double> weights(Experiment experiment) {
        Map<String, Double> weights = new LinkedHashMap<>();
        experiment.variants().forEach(v -> weights.put(v.variant(), v.weight()));
        return weights;
    }
}
