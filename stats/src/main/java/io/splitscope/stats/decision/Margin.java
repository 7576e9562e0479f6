package io.splitscope.stats.decision;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guardrail's non-inferiority margin ({@code spec/decisions.md}): how far the metric may move in
 * its harmful direction before the change counts as harm. Written as a signed change, relative
 * ({@code "-1%"}: "may not fall by more than 1 %", tested on the relative effect and its interval)
 * or absolute ({@code "0.5"}, {@code "-3"}: tested on the absolute effect).
 *
 * @param value    the signed change; for a relative margin a fraction ({@code -0.01} for {@code "-1%"})
 * @param relative whether {@link #value} is relative to the control's value
 */
public record Margin(double value, boolean relative) {

    private static final Pattern TEXT = Pattern.compile("([+-]?)\\s*(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*(%?)");

    /** @throws IllegalArgumentException if the value is not finite */
    public Margin {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a margin must be a finite number, got " + value);
        }
    }

    /**
     * Reads a margin as a project file writes it: a signed percentage ({@code "-1%"}, {@code "+10 %"})
     * or a number ({@code "0.5"}, {@code "-3"}).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static Margin parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a margin is a signed percentage such as \"-1%\" or \"+10%\", or a number,"
                    + " got '" + text + "'");
        }
        double magnitude = Double.parseDouble(m.group(2));
        double signed = m.group(1).equals("-") ? -magnitude : magnitude;
        boolean relative = !m.group(3).isEmpty();
        return new Margin(relative ? signed / 100 : signed, relative);
    }

    /** Whether the margin allows the metric to fall ({@code value < 0}), the harmful direction of a higher-is-better metric. */
    public boolean allowsDecrease() {
        return value < 0;
    }

    /** The margin as a project file writes it: {@code "-1%"}, {@code "+0.5"}. */
    public String text() {
        double shown = relative ? value * 100 : value;
        String number = shown == Math.rint(shown) && Math.abs(shown) < 1e15
                ? String.format(Locale.ROOT, "%+d", (long) shown)
                : signedPlain(shown);
        return relative ? number + "%" : number;
    }

    private static String signedPlain(double v) {
        String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return v > 0 ? "+" + plain : plain;
    }

    @Override
    public String toString() {
        return text();
    }
}
