package io.splitscope.app.web.experiments;

import io.splitscope.analysis.Readiness;
import io.splitscope.app.web.common.HealthCheck;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.health.SrmResult;
import java.util.List;

/**
 * The health of an experiment's data: whether it can be compared yet, its analysed population,
 * the sample-ratio check and the units whose longest metric window had not elapsed.
 *
 * @param incompleteUnits units left out of the metric with the longest window
 * @param windowDays      that window, in days (from first exposure to its end)
 */
public record ExperimentHealth(Readiness readiness, Population population, SrmResult srm, long incompleteUnits, int windowDays) {

    /** The checks, the sample-ratio check first. */
    public List<HealthCheck> checks() {
        return HealthCheck.all(readiness, population, srm, incompleteUnits, windowDays);
    }
}
