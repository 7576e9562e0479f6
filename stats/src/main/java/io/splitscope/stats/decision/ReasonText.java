package io.splitscope.stats.decision;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The reason lines of a {@link Decision}, in a product manager's words with the numbers behind
 * them: {@code "revenue: +2.1 % [+0.4, +3.8], better at α/2"}.
 *
 * <p>A line shows the effect and the interval of the test it reports (at {@code 1 − 2a}): the
 * relative effect in percent when the row has one (an absolute-margin guardrail shows the absolute
 * effect, the scale of its margin). A superiority or deterioration verdict is the absolute test's
 * (the row's own test), so at the very edge the relative bound shown may round to 0. Numbers keep
 * two significant digits of the interval's width; a number that rounds to zero has no sign
 * ({@code "0.0"}, never {@code "−0.0"}); negative numbers use the minus sign {@code "−"}.
 */
final class ReasonText {

    private static final char MINUS = '\u2212';

    private ReasonText() {
    }

    /** The line of a success metric from its superiority and deterioration tests. */
    static String success(RoleMetric metric, OneSidedTest.Outcome superiority, OneSidedTest.Outcome deterioration) {
        if (deterioration.test().significant()) {
            return line(metric, deterioration, "worse at " + deterioration.test().levelText());
        }
        if (superiority.test().note() != null) {
            return notTested(metric, superiority.test());
        }
        return line(metric, superiority, (superiority.test().significant() ? "better at " : "not significantly better at ")
                + superiority.test().levelText());
    }

    /** The line of a guardrail from its non-inferiority and deterioration tests. */
    static String guardrail(RoleMetric metric, OneSidedTest.Outcome nonInferiority, OneSidedTest.Outcome deterioration) {
        if (deterioration.test().significant()) {
            return line(metric, deterioration, "worse at " + deterioration.test().levelText());
        }
        TestResult test = nonInferiority.test();
        if (test.note() != null) {
            return notTested(metric, test);
        }
        String margin = margin(metric.margin());
        return line(metric, nonInferiority, test.significant()
                ? "within its margin of " + margin + " (non-inferior at " + test.levelText() + ")"
                : "not shown within its " + margin + " margin (at " + test.levelText() + ")");
    }

    /** The line of a failed quality check. */
    static String failedCheck(QualityCheck check) {
        return check.name() + " check failed: " + check.detail();
    }

    /** A guardrail's margin as a reason shows it: {@code "+10 %"}, {@code "−0.5"}. */
    static String margin(Margin margin) {
        String text = margin.text().replace('-', MINUS);
        return margin.relative() ? text.substring(0, text.length() - 1) + " %" : text;
    }

    private static String notTested(RoleMetric metric, TestResult test) {
        return metric.label() + ": not tested (" + test.note() + ")";
    }

    private static String line(RoleMetric metric, OneSidedTest.Outcome outcome, String verdict) {
        return metric.label() + ": " + effect(outcome) + ", " + verdict;
    }

    /** {@code "+2.1 % [+0.4, +3.8]"}: the shown effect and interval of a test that ran. */
    static String effect(OneSidedTest.Outcome outcome) {
        TestResult test = outcome.test();
        ComparisonResult result = outcome.comparison();
        boolean showRelative = test.relative()
                || (test.kind() != TestKind.NON_INFERIORITY && result.relativeEffect() != null && result.relativeCi() != null);
        if (!showRelative) {
            return effect(test.estimate(), test.interval(), false);
        }
        if (test.relative()) {
            return effect(test.estimate(), test.interval(), true);
        }
        double sign = result.controlValue() != null && result.controlValue() < 0 ? -1 : 1;
        Interval ci = result.relativeCi();
        Interval shown = sign > 0 ? ci : new Interval(-ci.high(), -ci.low());
        return effect(sign * result.relativeEffect(), shown, true);
    }

    /** {@code "+2.1 % [+0.4, +3.8]"} (percent: the fraction times 100) or {@code "+0.21 [+0.04, +0.38]"}. */
    static String effect(double estimate, Interval interval, boolean percent) {
        double scale = percent ? 100 : 1;
        double low = interval.low() * scale;
        double high = interval.high() * scale;
        double mid = estimate * scale;
        int decimals = decimals(high - low, Math.max(Math.abs(low), Math.abs(high)), percent);
        String unit = percent ? " %" : "";
        return number(mid, decimals) + unit + " [" + number(low, decimals) + ", " + number(high, decimals) + "]";
    }

    /** Two significant digits of the width (of the magnitude when the width is 0); at least one decimal for percentages. */
    private static int decimals(double width, double magnitude, boolean percent) {
        double basis = width > 0 ? width : magnitude;
        int decimals = basis > 0 ? 1 - (int) Math.floor(Math.log10(basis)) : 1;
        return Math.max(percent ? 1 : 0, Math.min(decimals, 12));
    }

    /** A signed number with {@code decimals} decimals: {@code "+2.1"}, {@code "−0.4"}, {@code "0.0"}. */
    static String number(double value, int decimals) {
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        return switch (rounded.signum()) {
            case 0 -> plain;
            case 1 -> "+" + plain;
            default -> MINUS + plain;
        };
    }

    /** The level of a test as the reasons write it: {@code "α"}, {@code "α/4"}. */
    static String level(int divisor) {
        return divisor == 1 ? "α" : "α/" + divisor;
    }

    /** The days-left line of an unfinished experiment. */
    static String daysLeft(int days, double dailyIntake, long plannedUnits) {
        return String.format(Locale.ROOT, "about %d day%s left at ~%s units a day (planned sample %d per variant)",
                days, days == 1 ? "" : "s", intake(dailyIntake), plannedUnits);
    }

    private static String intake(double dailyIntake) {
        return dailyIntake >= 10 ? String.valueOf(Math.round(dailyIntake))
                : new BigDecimal(dailyIntake).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
