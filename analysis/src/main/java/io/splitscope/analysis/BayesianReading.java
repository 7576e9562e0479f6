package io.splitscope.analysis;

import io.splitscope.metrics.Direction;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.methods.Bayesian;
import java.util.List;
import java.util.Optional;

/**
 * A Bayesian row ({@link Bayesian}) read in its metric's direction, as the scorecard table shows it.
 * The method's extras are about "the treatment is higher"; for a lower-is-better metric beating the
 * control means being lower, and the risk of shipping is the treatment being higher.
 *
 * @param chanceToBeatControl the posterior chance that the treatment is better than the control in
 *                            the metric's direction: {@code chance_to_beat_control}, or one minus it
 *                            for a lower-is-better metric
 * @param expectedLoss        what shipping the treatment costs in expectation, in the metric's units:
 *                            {@code expected_loss}, or {@code expected_loss_control} for a
 *                            lower-is-better metric; null when the method gave none
 */
public record BayesianReading(double chanceToBeatControl, Double expectedLoss) {

    /** The reading of a comparison of a metric with {@code direction}; empty for a comparison without a posterior. */
    public static Optional<BayesianReading> of(ComparisonResult comparison, Direction direction) {
        Double chance = comparison.extras().get(Bayesian.CHANCE_TO_BEAT_CONTROL);
        if (chance == null) {
            return Optional.empty();
        }
        boolean lower = direction == Direction.LOWER_IS_BETTER;
        return Optional.of(new BayesianReading(lower ? 1 - chance : chance,
                comparison.extras().get(lower ? Bayesian.EXPECTED_LOSS_CONTROL : Bayesian.EXPECTED_LOSS)));
    }

    /**
     * Whether rows read the Bayesian way: any row analysed with {@code bayesian} (its ratio and
     * quantile rows keep their own methods and p-values).
     */
    public static boolean shown(List<ScorecardRow> rows) {
        return rows.stream().anyMatch(r -> Bayesian.ID.equals(r.method()));
    }
}
