package io.splitscope.stats;

import io.splitscope.stats.distribution.Normal;
import io.splitscope.stats.distribution.StudentT;
import java.util.List;
import java.util.Locale;

/**
 * The two-sided confidence level of a comparison's intervals, as a percentage: 95 unless set,
 * usually 90, 95 or 99. A method's interval at level {@code L = 1 − α} covers the true effect with
 * probability {@code L}; its bounds use the quantiles at {@code α/2} and {@code 1 − α/2}, e.g.
 * {@code d ± z(1 − α/2) · se} for a normal interval.
 *
 * <p>The level is held as a percentage with one decimal so that the probabilities derived from it
 * are the doubles nearest to their decimal values ({@code 0.025}, {@code 0.975}) — the same
 * numbers as R's {@code qt(0.975, df)} receives, so intervals at 95 % are exactly the ones of a
 * fixed 0.975 quantile.
 *
 * @param percent the level in percent, in [50, 100) with at most one decimal (e.g. 95, 99.9)
 */
public record ConfidenceLevel(double percent) {

    /** The level used when none is set: 95 %. */
    public static final ConfidenceLevel DEFAULT = new ConfidenceLevel(95);

    /** The levels a user is offered: 90, 95 and 99 %. */
    public static final List<ConfidenceLevel> OFFERED =
            List.of(new ConfidenceLevel(90), DEFAULT, new ConfidenceLevel(99));

    public ConfidenceLevel {
        if (!(percent >= 50 && percent < 100) || Math.abs(percent * 10 - Math.rint(percent * 10)) > 1e-9) {
            throw new IllegalArgumentException("confidence level must be a percentage from 50 to 99.9 with at most"
                    + " one decimal (e.g. 90, 95, 99), got " + plain(percent));
        }
    }

    /**
     * Reads a level written as a percentage ({@code 95}, {@code 95%}, {@code 99.5 %}) or as a
     * fraction below 1 ({@code 0.95}).
     *
     * @throws IllegalArgumentException naming the text when it is neither, or out of range
     */
    public static ConfidenceLevel parse(String text) {
        String trimmed = text.strip();
        String number = trimmed.endsWith("%") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("confidence level must be a percentage such as 90, 95 or 99, got '"
                    + text + "'");
        }
        return value < 1 && !trimmed.endsWith("%") ? ofValue(value) : new ConfidenceLevel(value);
    }

    /**
     * The level of a probability such as {@code 0.95}, rounded to 0.1 % so that
     * {@code 0.95 * 100 = 95.00000000000001} is 95.
     *
     * @throws IllegalArgumentException when it is not a level from 0.5 to 0.999
     */
    public static ConfidenceLevel ofValue(double probability) {
        return new ConfidenceLevel(Math.rint(probability * 1000) / 10);
    }

    /**
     * {@link #parse}, or {@link #DEFAULT} for null or blank text.
     *
     * @throws IllegalArgumentException naming the text when it is not a level
     */
    public static ConfidenceLevel parseOrDefault(String text) {
        return text == null || text.isBlank() ? DEFAULT : parse(text);
    }

    /** Whether this is {@link #DEFAULT}, the level left unsaid in addresses and file names. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The level as a probability, e.g. {@code 0.95}. */
    public double value() {
        return percent / 100;
    }

    /** {@code α = 1 − level}, e.g. {@code 0.05}: the two-sided error rate. */
    public double alpha() {
        return (100 - percent) / 100;
    }

    /** {@code α/2}, e.g. {@code 0.025}: the probability below an interval's lower bound. */
    public double lowerProbability() {
        return (100 - percent) / 200;
    }

    /** {@code 1 − α/2}, e.g. {@code 0.975}: the probability below an interval's upper bound. */
    public double upperProbability() {
        return (100 + percent) / 200;
    }

    /** {@code z(1 − α/2)}, the standard normal quantile of a normal interval: 1.96 at 95 %. */
    public double z() {
        return Normal.quantile(upperProbability());
    }

    /** {@code t(1 − α/2, df)}, Student's t quantile of a t interval with {@code df} degrees of freedom. */
    public double t(double df) {
        return StudentT.quantile(upperProbability(), df);
    }

    /** {@code "95 %"}, {@code "99.5 %"}. */
    @Override
    public String toString() {
        return percentText() + " %";
    }

    /** {@code 100}, {@code 99.95}, {@code NaN}: a value as given, without a trailing {@code .0}. */
    private static String plain(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /** The percentage as {@link #parse} reads it back: {@code "95"}, {@code "99.5"}. */
    public String percentText() {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.ROOT, "%.1f", percent);
    }
}
