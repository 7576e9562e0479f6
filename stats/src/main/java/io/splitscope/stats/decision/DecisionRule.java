package io.splitscope.stats.decision;

import java.util.List;
import java.util.Objects;

/**
 * The decision rule of {@code spec/decisions.md}: per treatment variant, from the comparisons of
 * the success and guardrail metrics and the quality checks to one {@link Recommendation}, with the
 * error rates of Schultzberg, Ankargren and Frånberg (2024).
 */
public final class DecisionRule {

    /** The rule's overall one-sided significance level: {@value}. */
    public static final double ALPHA = 0.05;

    private final Design design;
    private final double mde;
    private final double power;

    /**
     * @param design how the experiment may be looked at
     * @param mde    the smallest relative effect on a success metric worth detecting, positive
     *               ({@code 0.05} for 5 %)
     * @param power  the rule's power {@code 1 − β}, in (0, 1)
     * @throws IllegalArgumentException for a missing design, or an mde or power out of range
     */
    public DecisionRule(Design design, double mde, double power) {
        this.design = Objects.requireNonNull(design, "design");
        if (!(mde > 0) || Double.isInfinite(mde)) {
            throw new IllegalArgumentException("the mde must be a positive relative effect, got " + mde);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("the power must be in (0, 1), got " + power);
        }
        this.mde = mde;
        this.power = power;
    }

    /**
     * The recommendation for one treatment variant.
     *
     * @param metrics       the success and guardrail metrics (at least one success metric)
     * @param treatmentArms A, the number of treatment variants (non-control), at least 1
     * @param evidence      the variant's comparisons, quality checks and units
     * @param periodOver    whether the end date has passed or the data has no timestamps
     * @param look          which planned look (1-based) this is, for a
     *                      {@link Design.Kind#GROUP_SEQUENTIAL} design; ignored otherwise
     */
    public Decision decide(List<RoleMetric> metrics, int treatmentArms, VariantEvidence evidence, boolean periodOver,
            int look) {
        throw new UnsupportedOperationException("the decision rule is being written (issue 16)");
    }
}
