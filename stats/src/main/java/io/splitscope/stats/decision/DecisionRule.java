package io.splitscope.stats.decision;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decision rule of {@code spec/decisions.md}: per treatment variant, from the comparisons of
 * the success and guardrail metrics and the quality checks to one {@link Recommendation}, with the
 * error rates of Schultzberg, Ankargren and Frånberg (2024).
 *
 * <p>With S success metrics, G guardrails and A treatment arms, every test one-sided
 * ({@link OneSidedTest}) on the row's own method at α = {@value #ALPHA}:
 * <pre>
 *   superiority      success metric, its direction, margin 0         at α/(S·A)
 *   non-inferiority  guardrail, against its margin                   at α
 *   deterioration    success and guardrail metrics, the wrong way     at α/((S+G)·A)
 * </pre>
 * The first that applies is the decision: {@code unhealthy} (a quality check fails),
 * {@code roll_back} (a deterioration test is significant), {@code keep_running} (see below),
 * {@code ship} (a success metric is better and every guardrail non-inferior), {@code no_ship}.
 *
 * <p>Designs ({@link Design}):
 * <ul>
 *   <li>fixed horizon: finished when the period is over or the planned sample
 *       ({@link SamplePlan}) is reached in both arms; unfinished is {@code keep_running}, whatever
 *       the success tests say (stopping early to ship is peeking);</li>
 *   <li>sequential: the caller passes the {@code sequential} method's always-valid comparisons, and
 *       the rule may ship at any look; not concluded and not finished is {@code keep_running};</li>
 *   <li>group sequential with K planned looks: at look k each test uses the nominal level
 *       {@code Φ(−c_k)} of the Lan–DeMets boundary of its own level ({@link GroupSequential},
 *       information fraction k/K); the rule may ship at any look and is finished at look K (or when
 *       the period is over).</li>
 * </ul>
 *
 * <p>Reference: M. Schultzberg, S. Ankargren and M. Frånberg (2024), "Risk-aware product decisions
 * in A/B tests with multiple metrics", arXiv:2402.11609.
 */
public final class DecisionRule {

    /** The rule's overall one-sided significance level: {@value}. */
    public static final double ALPHA = 0.05;

    private final Design design;
    private final double mde;
    private final double power;
    /**
     * Group-sequential nominal levels per look, by plan (computed once each: a numerical integration
     * that every analysis of the experiment would otherwise repeat; read only).
     */
    private static final Map<SpendingPlan, double[]> NOMINAL_LEVELS = new ConcurrentHashMap<>();

    private record SpendingPlan(int looks, double level, Design.Spending spending) {
    }

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
     * @param metrics       the success and guardrail metrics (at least one success metric, ids unique)
     * @param treatmentArms A, the number of treatment variants (non-control), at least 1
     * @param evidence      the variant's comparisons (one per metric), quality checks and units
     * @param periodOver    whether the end date has passed or the data has no timestamps
     * @param look          which planned look (1-based) this is, for a
     *                      {@link Design.Kind#GROUP_SEQUENTIAL} design; ignored otherwise
     * @throws IllegalArgumentException naming the variant and metric when the input does not fit
     *                                  (no success metric, a metric without a comparison, a look
     *                                  outside the plan)
     */
    public Decision decide(List<RoleMetric> metrics, int treatmentArms, VariantEvidence evidence, boolean periodOver,
            int look) {
        check(metrics, treatmentArms, evidence, look);
        int successes = (int) metrics.stream().filter(m -> m.role() == Role.SUCCESS).count();
        int guardrails = metrics.size() - successes;
        boolean halvablePValue = design.kind() != Design.Kind.SEQUENTIAL;

        List<TestResult> tests = new ArrayList<>();
        List<String> metricLines = new ArrayList<>();
        List<String> notSafe = new ArrayList<>();
        List<SamplePlan.Target> targets = new ArrayList<>();
        boolean anyBetter = false;
        boolean deteriorated = false;
        for (RoleMetric metric : metrics) {
            Comparison comparison = onceEachLevel(evidence.metrics().get(metric.id()));
            OneSidedTest.Outcome deterioration = test(metric, TestKind.DETERIORATION, (successes + guardrails) * treatmentArms,
                    look).run(comparison, halvablePValue);
            deteriorated |= deterioration.test().significant();
            if (metric.role() == Role.SUCCESS) {
                int divisor = successes * treatmentArms;
                OneSidedTest.Outcome superiority = test(metric, TestKind.SUPERIORITY, divisor, look)
                        .run(comparison, halvablePValue);
                anyBetter |= superiority.test().significant();
                tests.add(superiority.test());
                metricLines.add(ReasonText.success(metric, superiority, deterioration));
                targets.add(SamplePlan.success(comparison, mde, ALPHA / divisor));
            } else {
                OneSidedTest.Outcome nonInferiority = test(metric, TestKind.NON_INFERIORITY, 1, look)
                        .run(comparison, halvablePValue);
                if (!nonInferiority.test().significant()) {
                    notSafe.add(metric.label());
                }
                tests.add(nonInferiority.test());
                metricLines.add(ReasonText.guardrail(metric, nonInferiority, deterioration));
                targets.add(SamplePlan.guardrail(comparison, metric.margin(), ALPHA));
            }
            tests.add(deterioration.test());
        }

        long unitsNow = Math.min(evidence.controlUnits(), evidence.treatmentUnits());
        OptionalLong planned = SamplePlan.units(targets, guardrails, unitsNow, power);
        boolean finished = periodOver || (design.kind() == Design.Kind.GROUP_SEQUENTIAL
                ? look == design.looks()
                : planned.isPresent() && unitsNow >= planned.getAsLong());
        boolean ship = anyBetter && notSafe.isEmpty();
        List<QualityCheck> failed = evidence.checks().stream().filter(c -> !c.passed()).toList();

        Recommendation recommendation;
        if (!failed.isEmpty()) {
            recommendation = Recommendation.UNHEALTHY;
        } else if (deteriorated) {
            recommendation = Recommendation.ROLL_BACK;
        } else if (!finished && (design.kind() == Design.Kind.FIXED || !ship)) {
            recommendation = Recommendation.KEEP_RUNNING;
        } else {
            recommendation = ship ? Recommendation.SHIP : Recommendation.NO_SHIP;
        }

        Integer daysLeft = !finished && planned.isPresent() && evidence.dailyIntake() > 0
                ? (int) Math.min(Integer.MAX_VALUE,
                        Math.ceil(Math.max(0, planned.getAsLong() - unitsNow) / evidence.dailyIntake()))
                : null;
        List<String> reasons = new ArrayList<>();
        failed.forEach(c -> reasons.add(ReasonText.failedCheck(c)));
        reasons.addAll(metricLines);
        if (recommendation == Recommendation.KEEP_RUNNING) {
            reasons.add(keepRunning(planned, daysLeft, evidence.dailyIntake(), unitsNow, look));
        } else if (recommendation == Recommendation.NO_SHIP) {
            if (!anyBetter) {
                reasons.add("no success metric is significantly better: the change does not do what it was meant to");
            }
            if (!notSafe.isEmpty()) {
                reasons.add("not proven safe: " + String.join(", ", notSafe) + (notSafe.size() == 1 ? " is" : " are")
                        + " not shown within " + (notSafe.size() == 1 ? "its margin" : "their margins"));
            }
        }
        return new Decision(evidence.variant(), recommendation, reasons, ALPHA, power,
                planned.isPresent() ? planned.getAsLong() : null, daysLeft, tests);
    }

    /**
     * The comparison run at most once per level within one decision: the tests and the plan often
     * share a level (superiority at α/2 and the plan's 95 %), and a row's method may be costly (R).
     */
    private static Comparison onceEachLevel(Comparison comparison) {
        Map<ConfidenceLevel, ComparisonResult> results = new HashMap<>();
        return level -> results.computeIfAbsent(level, comparison::at);
    }

    /** The test of {@code kind} at {@code α/divisor}, or at this look's nominal level of it in a group-sequential design. */
    private OneSidedTest test(RoleMetric metric, TestKind kind, int divisor, int look) {
        double level = ALPHA / divisor;
        String text = ReasonText.level(divisor);
        if (design.kind() != Design.Kind.GROUP_SEQUENTIAL) {
            return new OneSidedTest(metric, kind, level, text);
        }
        double[] nominal = NOMINAL_LEVELS.computeIfAbsent(new SpendingPlan(design.looks(), level, design.spending()),
                plan -> GroupSequential.nominalLevels(GroupSequential.boundaries(plan.looks(), plan.level(), plan.spending())));
        return new OneSidedTest(metric, kind, nominal[look - 1], text + " spent to look " + look + " of " + design.looks());
    }

    private String keepRunning(OptionalLong planned, Integer daysLeft, double dailyIntake, long unitsNow, int look) {
        String prefix = design.kind() == Design.Kind.GROUP_SEQUENTIAL
                ? "look " + look + " of " + design.looks() + " not concluded; "
                : design.kind() == Design.Kind.SEQUENTIAL ? "not concluded yet; " : "";
        if (planned.isEmpty()) {
            return prefix + "no sample size can be planned from the data so far (" + unitsNow + " units in the smaller arm)";
        }
        if (unitsNow >= planned.getAsLong()) {
            return prefix + "the planned sample of " + planned.getAsLong() + " per variant is reached";
        }
        if (daysLeft != null) {
            return prefix + ReasonText.daysLeft(daysLeft, dailyIntake, planned.getAsLong());
        }
        return prefix + "the planned sample is " + planned.getAsLong() + " per variant (" + unitsNow + " so far)";
    }

    private void check(List<RoleMetric> metrics, int treatmentArms, VariantEvidence evidence, int look) {
        Objects.requireNonNull(evidence, "evidence");
        String variant = evidence.variant();
        if (metrics == null || metrics.stream().noneMatch(m -> m.role() == Role.SUCCESS)) {
            throw new IllegalArgumentException("variant '" + variant + "': the decision rule needs at least one success"
                    + " metric, got " + metrics);
        }
        if (treatmentArms < 1) {
            throw new IllegalArgumentException("variant '" + variant + "': the number of treatment arms must be at"
                    + " least 1, got " + treatmentArms);
        }
        Set<String> ids = new HashSet<>();
        for (RoleMetric m : metrics) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("variant '" + variant + "': metric '" + m.id() + "' is listed twice");
            }
            if (!evidence.metrics().containsKey(m.id())) {
                throw new IllegalArgumentException("variant '" + variant + "' has no comparison for metric '" + m.id() + "'");
            }
        }
        if (design.kind() == Design.Kind.GROUP_SEQUENTIAL && (look < 1 || look > design.looks())) {
            throw new IllegalArgumentException("variant '" + variant + "': look " + look + " is outside the planned looks"
                    + " 1 to " + design.looks());
        }
    }
}
