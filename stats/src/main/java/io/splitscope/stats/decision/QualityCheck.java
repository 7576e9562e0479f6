package io.splitscope.stats.decision;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One quality check of an experiment's data ({@code spec/decisions.md}, "quality checks"); any
 * failing check makes the decision {@link Recommendation#UNHEALTHY}.
 *
 * @param name   what is checked: {@code "sample ratio"}, {@code "crossover share"}, …
 * @param passed whether the check passed
 * @param detail the numbers behind it, as a reason line shows them
 */
public record QualityCheck(String name, boolean passed, String detail) {

    /** The p-value below which a sample ratio mismatch fails the experiment: {@value}. */
    public static final double SRM_P_VALUE = 0.001;

    /** The share of crossover units or invalid exposures above which the experiment fails: {@value}. */
    public static final double MAX_SHARE = 0.01;

    /** Sample ratio mismatch: fails when the χ² test's p-value is below 0.001. */
    public static QualityCheck srm(double pValue) {
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("an SRM p-value must be in [0, 1], got " + pValue);
        }
        return new QualityCheck("sample ratio", pValue >= SRM_P_VALUE,
                String.format(Locale.ROOT, "SRM p-value %s (fails below 0.001)", pValueText(pValue)));
    }

    /** Crossover units over units including them: fails above 1 %; passes when unknown (empty). */
    public static QualityCheck crossoverShare(OptionalDouble share) {
        return share("crossover share", "of units saw more than one variant", share);
    }

    /** Invalid exposure rows over the period's exposure rows: fails above 1 %; passes when unknown (empty). */
    public static QualityCheck invalidShare(OptionalDouble share) {
        return share("invalid exposures", "of exposure rows are invalid", share);
    }

    /** A variant with no units fails. */
    public static QualityCheck units(String variant, long units) {
        if (units < 0) {
            throw new IllegalArgumentException("variant '" + variant + "' has a negative unit count: " + units);
        }
        return new QualityCheck("units", units > 0, "variant " + variant + " has " + units + " units");
    }

    private static QualityCheck share(String name, String what, OptionalDouble share) {
        if (share.isEmpty()) {
            return new QualityCheck(name, true, "unknown");
        }
        double s = share.getAsDouble();
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("the " + name + " must be a fraction in [0, 1], got " + s);
        }
        return new QualityCheck(name, s <= MAX_SHARE, String.format(Locale.ROOT, "%s %s (fails above 1 %%)",
                percent(s), what));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static String pValueText(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
