package io.splitscope.stats.decision;

/**
 * A success or guardrail metric of the decision rule.
 *
 * @param id             the metric's id, the key of its comparison in {@link VariantEvidence#metrics()}
 * @param label          the metric's name as the reasons show it ({@code "revenue"}, {@code "cancel rate"})
 * @param role           success or guardrail
 * @param higherIsBetter the metric's direction: whether an increase is good
 * @param margin         a guardrail's non-inferiority margin, written in the harmful direction; null
 *                       for a success metric
 */
public record RoleMetric(String id, String label, Role role, boolean higherIsBetter, Margin margin) {

    /**
     * @throws IllegalArgumentException naming the metric when the id, label or role is missing, a
     *                                  guardrail has no margin, a success metric has one, or the
     *                                  margin points the good way
     */
    public RoleMetric {
        if (id == null || id.isBlank() || label == null || label.isBlank() || role == null) {
            throw new IllegalArgumentException("a metric of the decision rule needs an id, a label and a role, got id "
                    + id + ", label " + label + ", role " + role);
        }
        if (role == Role.GUARDRAIL && margin == null) {
            throw new IllegalArgumentException("guardrail '" + id + "' needs a non-inferiority margin");
        }
        if (role == Role.SUCCESS && margin != null) {
            throw new IllegalArgumentException("success metric '" + id + "' has no margin, got " + margin);
        }
        if (margin != null && (margin.value() == 0 || margin.allowsDecrease() != higherIsBetter)) {
            throw new IllegalArgumentException("guardrail '" + id + "': the margin " + margin + " must point in the"
                    + " harmful direction (" + (higherIsBetter ? "a fall, e.g. \"-1%\"" : "a rise, e.g. \"+10%\"")
                    + ") of a " + (higherIsBetter ? "higher" : "lower") + "-is-better metric");
        }
    }

    /** A success metric. */
    public static RoleMetric success(String id, String label, boolean higherIsBetter) {
        return new RoleMetric(id, label, Role.SUCCESS, higherIsBetter, null);
    }

    /** A guardrail with its margin. */
    public static RoleMetric guardrail(String id, String label, boolean higherIsBetter, Margin margin) {
        return new RoleMetric(id, label, Role.GUARDRAIL, higherIsBetter, margin);
    }
}
