package io.splitscope.stats.decision;

import io.splitscope.stats.Interval;

/**
 * One one-sided test the decision rule ran, with the numbers it used.
 *
 * @param metric       the {@link RoleMetric#id()}
 * @param kind         superiority, non-inferiority or deterioration
 * @param level        the one-sided significance level {@code a}
 * @param levelText    the level as the reasons write it: {@code "α"}, {@code "α/2"}
 * @param relative     whether the test is on the relative effect (a relative margin, or a success
 *                     metric's relative effect when it has one) rather than the absolute one
 * @param margin       the margin tested against, on the tested scale; 0 for superiority and deterioration
 * @param controlValue the control's value of the metric
 * @param estimate     the effect on the tested scale
 * @param interval     the two-sided interval at {@code 1 − 2a}, on the tested scale
 * @param bound        the one-sided bound compared with the margin (the interval's end on the side
 *                     the test looks at)
 * @param pValue       the one-sided p-value when the method gives one cheaply and exactly; else null
 * @param significant  whether the test rejected its null hypothesis
 * @param note         why the test could not be run (the method's reason for a status other than
 *                     OK); null when it ran
 */
public record TestResult(String metric, TestKind kind, double level, String levelText, boolean relative,
        double margin, Double controlValue, Double estimate, Interval interval, Double bound, Double pValue,
        boolean significant, String note) {
}
