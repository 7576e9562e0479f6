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
 * <p>A level a user sets is a percentage with one decimal ({@link #ConfidenceLevel(double)}), so
 * that the probabilities derived from it are the doubles nearest to their decimal values
 * ({@code 0.025}, {@code 0.975}) — the same numbers as R's {@code qt(0.975, df)} receives, so
 * intervals at 95 % are exactly the ones of a fixed 0.975 quantile. The decision rule also needs
 * exact levels such as {@code 1 − 2·α/6}: {@link #oneSided(double)} makes the level whose interval's
 * lower bound is the one-sided test at level {@code a}, with {@code a} itself as the lower tail
 * probability. Two levels are equal when their tail probabilities are.
 */
public final class ConfidenceLevel {

    /** The level used when none is set: 95 %. */
    public static final ConfidenceLevel DEFAULT = new ConfidenceLevel(95);

    /** The levels a user is offered: 90, 95 and 99 %. */
    public static final List<ConfidenceLevel> OFFERED =
            List.of(new ConfidenceLevel(90), DEFAULT, new ConfidenceLevel(99));

    /** The level in percent; rounded to one decimal exactly when {@link #decimal}. */
    private final double percent;
    /** Whether the level is a percentage with one decimal (else a {@link #oneSided} level). */
    private final boolean decimal;
    /** {@code α/2}. */
    private final double lowerProbability;
    /** {@code 1 − α/2}. */
    private final double upperProbability;

    /**
     * A level a user sets.
     *
     * @param percent the level in percent, in [50, 100) with at most one decimal (e.g. 95, 99.9)
     * @throws IllegalArgumentException when it is out of range or has more decimals
     */
    public ConfidenceLevel(double percent) {
        if (!(percent >= 50 && percent < 100) || Math.abs(percent * 10 - Math.rint(percent * 10)) > 1e-9) {
            throw new IllegalArgumentException("confidence level must be a percentage from 50 to 99.9 with at most"
                    + " one decimal (e.g. 90, 95, 99), got " + plain(percent));
        }
        this.percent = percent;
        this.decimal = true;
        this.lowerProbability = (100 - percent) / 200;
        this.upperProbability = (100 + percent) / 200;
    }

    private ConfidenceLevel(double oneSidedLevel, double percent) {
        this.percent = percent;
        this.decimal = false;
        this.lowerProbability = oneSidedLevel;
        this.upperProbability = 1 - oneSidedLevel;
    }

    /**
     * The two-sided level {@code 1 − 2a} whose interval's lower bound is the one-sided test at level
     * {@code a}: the effect is significantly above a margin at level {@code a} when the lower bound
     * is above it (and below it when the upper bound is below). A level that is a percentage with
     * one decimal ({@code a = 0.025}: 95 %) is that percentage, equal to {@code new ConfidenceLevel(95)};
     * any other keeps {@code a} exactly, and its quantiles are taken in the lower tail
     * ({@code z = −Φ⁻¹(a)}), exact even for a tiny {@code a}.
     *
     * @param a the one-sided level, in (0, 0.25] (two-sided levels from 50 %)
     * @throws IllegalArgumentException when {@code a} is out of range
     */
    public static ConfidenceLevel oneSided(double a) {
        if (!(a > 0 && a <= 0.25)) {
            throw new IllegalArgumentException("a one-sided level must be in (0, 0.25], got " + a);
        }
        double percent = 100 * (1 - 2 * a);
        double tenths = Math.rint(percent * 10);
        if (Math.abs(percent * 10 - tenths) <= 1e-9 && tenths < 1000) {
            return new ConfidenceLevel(tenths / 10);
        }
        return new ConfidenceLevel(a, percent);
    }

    /** The level in percent, e.g. {@code 95}. */
    public double percent() {
        return percent;
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
        return decimal ? percent / 100 : 1 - 2 * lowerProbability;
    }

    /** {@code α = 1 − level}, e.g. {@code 0.05}: the two-sided error rate. */
    public double alpha() {
        return decimal ? (100 - percent) / 100 : 2 * lowerProbability;
    }

    /** {@code α/2}, e.g. {@code 0.025}: the probability below an interval's lower bound. */
    public double lowerProbability() {
        return lowerProbability;
    }

    /** {@code 1 − α/2}, e.g. {@code 0.975}: the probability below an interval's upper bound. */
    public double upperProbability() {
        return upperProbability;
    }

    /** {@code z(1 − α/2)}, the standard normal quantile of a normal interval: 1.96 at 95 %. */
    public double z() {
        return decimal ? Normal.quantile(upperProbability) : -Normal.quantile(lowerProbability);
    }

    /** {@code t(1 − α/2, df)}, Student's t quantile of a t interval with {@code df} degrees of freedom. */
    public double t(double df) {
        return decimal ? StudentT.quantile(upperProbability, df) : -StudentT.quantile(lowerProbability, df);
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

    /**
     * The percentage as {@link #parse} reads it back: {@code "95"}, {@code "99.5"}; a
     * {@link #oneSided} level that is not such a percentage shows six significant digits
     * ({@code "98.3333"}), which {@link #parse} does not read.
     */
    public String percentText() {
        if (!decimal) {
            return new java.math.BigDecimal(percent).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.ROOT, "%.1f", percent);
    }

    /** Equal when the tail probabilities are: {@code oneSided(0.025)} equals {@link #DEFAULT}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfidenceLevel other
                && Double.compare(lowerProbability, other.lowerProbability) == 0
                && Double.compare(upperProbability, other.upperProbability) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lowerProbability) * 31 + Double.hashCode(upperProbability);
    }
}
