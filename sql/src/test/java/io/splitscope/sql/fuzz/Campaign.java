package io.splitscope.sql.fuzz;

import org.quicktheories.QuickTheory;

/**
 * Where a fuzz campaign starts and how long it runs: a fixed seed, so that CI draws the same inputs
 * every time, and a scale of each property's tries. A longer or other campaign, run locally:
 * {@code -Dsplitscope.fuzz.seed=N} draws other inputs, {@code -Dsplitscope.fuzz.scale=K} makes K
 * times the tries.
 *
 * @param seed  the seed of every property's inputs
 * @param scale how many times its tries each property makes, from 1 to {@value #MAX_SCALE}
 */
public record Campaign(long seed, int scale) {

    /** The system property of the seed. */
    public static final String SEED = "splitscope.fuzz.seed";

    /** The system property of the scale. */
    public static final String SCALE = "splitscope.fuzz.scale";

    /** The campaign of CI: this seed, each property's own tries. */
    public static final Campaign CI = new Campaign(14, 1);

    /** A failing try is shrunk this many times at most: a try of some parsers opens a database. */
    private static final int SHRINK_CYCLES = 100;

    /** An input refused by a generator's assumption is drawn again this many times before it gives up. */
    private static final int GENERATE_ATTEMPTS = 1000;

    /** The most tries a property makes is its own times this: a campaign of hours, not of years. */
    static final int MAX_SCALE = 10_000;

    public Campaign {
        checkScale(scale);
    }

    /** The campaign the system properties {@value #SEED} and {@value #SCALE} set, or {@link #CI}'s values. */
    public static Campaign current() {
        return parse(System.getProperty(SEED), System.getProperty(SCALE));
    }

    /** A campaign from the texts of the seed and the scale, either of which may be absent (null). */
    static Campaign parse(String seed, String scale) {
        long scaleValue = scale == null ? CI.scale() : wholeNumber(SCALE, scale);
        checkScale(scaleValue);
        return new Campaign(seed == null ? CI.seed() : wholeNumber(SEED, seed), (int) scaleValue);
    }

    private static void checkScale(long scale) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(SCALE + " must be from 1 to " + MAX_SCALE + ", not " + scale);
        }
    }

    private static long wholeNumber(String property, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, not '" + text + "'");
        }
    }

    /** A theory that makes {@code tries} times the scale tries from the seed. */
    public QuickTheory tries(int tries) {
        return QuickTheory.qt().withFixedSeed(seed).withExamples(tries * scale)
                .withShrinkCycles(SHRINK_CYCLES).withGenerateAttempts(GENERATE_ATTEMPTS);
    }
}
