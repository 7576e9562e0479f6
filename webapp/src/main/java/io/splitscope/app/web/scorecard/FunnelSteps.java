package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One funnel of a scorecard as its section shows it: per variant, the control first, each step's
 * share of the eligible units with its interval and the conversion from the step before, read from
 * the funnel's rows ({@link Metric#scorecardMetrics()}) of the whole population.
 *
 * <p>A share's interval is the normal one of a proportion, {@code p ± z·√(p(1−p)/(n−1))} (the
 * standard error {@code welch_t} gives the arm's mean of 0/1 values), cut to [0, 1].
 *
 * @param funnelId the funnel metric's id
 * @param title    its title
 * @param arms     the variants in the experiment's order, the control first
 */
record FunnelSteps(String funnelId, String title, List<Arm> arms) {

    /** One variant's funnel: its steps in order. */
    record Arm(String variant, List<Step> steps) {
    }

    /**
     * One step of one variant.
     *
     * @param name       the step's name
     * @param units      the eligible units of the variant
     * @param share      the share of them that completed steps 1 to this one, or null when not computed
     * @param low        its interval's low end, or null
     * @param high       its interval's high end, or null
     * @param conversion this step's completions over the step before's, null for the first step
     */
    record Step(String name, long units, Double share, Double low, Double high, Double conversion) {
    }

    /**
     * The funnel {@code funnel} in {@code scorecard}, empty when the scorecard has none of its rows for
     * the whole population (not analysed, or sliced by segment).
     */
    static Optional<FunnelSteps> of(Metric funnel, Scorecard scorecard) {
        if (!(funnel.measure() instanceof Measure.Funnel steps)) {
            return Optional.empty();
        }
        List<String> treatments = scorecard.experiment().treatments();
        List<String> variants = new ArrayList<>();
        variants.add(scorecard.experiment().controlVariant());
        variants.addAll(treatments);
        List<List<Step>> byVariant = new ArrayList<>();
        variants.forEach(v -> byVariant.add(new ArrayList<>()));
        int step = 0;
        // rows in the order step1, step2, step2_of_1, step3, ...: a conversion follows its step
        for (Metric row : funnel.scorecardMetrics()) {
            boolean conversion = row.kind() == MetricKind.FUNNEL_CONVERSION;
            String name = conversion ? null : steps.steps().get(step++).name();
            for (int t = 0; t < treatments.size(); t++) {
                Optional<ScorecardRow> found = unsliced(scorecard, row.id(), treatments.get(t));
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                ComparisonResult result = found.get().comparison();
                if (conversion) {
                    withConversion(byVariant.getFirst(), result.controlValue());
                    withConversion(byVariant.get(t + 1), result.treatmentValue());
                    continue;
                }
                if (t == 0) {
                    byVariant.getFirst().add(step(name, found.get().nControl(), result.controlValue(), scorecard.confidence()));
                }
                byVariant.get(t + 1).add(step(name, found.get().nTreatment(), result.treatmentValue(), scorecard.confidence()));
            }
        }
        List<Arm> arms = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            arms.add(new Arm(variants.get(v), List.copyOf(byVariant.get(v))));
        }
        return Optional.of(new FunnelSteps(funnel.id(), funnel.title(), List.copyOf(arms)));
    }

    /** The last step of an arm with its conversion from the step before. */
    private static void withConversion(List<Step> arm, Double conversion) {
        Step last = arm.getLast();
        arm.set(arm.size() - 1, new Step(last.name(), last.units(), last.share(), last.low(), last.high(), conversion));
    }

    private static Optional<ScorecardRow> unsliced(Scorecard scorecard, String metricId, String variant) {
        return scorecard.rows().stream().filter(r -> r.segment() == null && r.metricId().equals(metricId)
                && r.variant().equals(variant)).findFirst();
    }

    private static Step step(String name, long units, Double share, ConfidenceLevel level) {
        if (share == null || !Double.isFinite(share) || units < 2) {
            return new Step(name, units, share, null, null, null);
        }
        double half = level.z() * Math.sqrt(share * (1 - share) / (units - 1));
        return new Step(name, units, share, Math.max(0, share - half), Math.min(1, share + half), null);
    }
}
