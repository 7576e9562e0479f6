package io.splitscope.stats.decision;

import java.util.List;
import java.util.Map;

/**
 * What the decision rule reads for one treatment arm.
 *
 * @param variant        the treatment variant's name
 * @param metrics        each {@link RoleMetric#id()} to its comparison with the control (the row's
 *                       own method, re-runnable at any level)
 * @param checks         the experiment's quality checks for this arm
 * @param controlUnits   the control's units so far
 * @param treatmentUnits the treatment's units so far
 * @param dailyIntake    new units per day per variant over the last 7 days; 0 if unknown
 */
public record VariantEvidence(String variant, Map<String, Comparison> metrics, List<QualityCheck> checks,
        long controlUnits, long treatmentUnits, double dailyIntake) {

    /** @throws IllegalArgumentException naming the variant for missing parts or negative counts */
    public VariantEvidence {
        if (variant == null || metrics == null || checks == null) {
            throw new IllegalArgumentException("the evidence of variant '" + variant + "' needs its metrics and checks");
        }
        if (controlUnits < 0 || treatmentUnits < 0 || !(dailyIntake >= 0) || Double.isInfinite(dailyIntake)) {
            throw new IllegalArgumentException("variant '" + variant + "': units and daily intake must be non-negative,"
                    + " got " + controlUnits + ", " + treatmentUnits + ", " + dailyIntake);
        }
        metrics = Map.copyOf(metrics);
        checks = List.copyOf(checks);
    }
}
