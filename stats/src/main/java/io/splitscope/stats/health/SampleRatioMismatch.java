package io.splitscope.stats.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * The sample-ratio-mismatch (SRM) check: Pearson's χ² goodness-of-fit test of the population
 * counted per variant against the planned weights (spec/metrics.md, "SRM").
 *
 * <pre>
 *   E_i = w_i · N            (N = Σ O_i, the whole population)
 *   χ²  = Σ (O_i − E_i)² / E_i
 *   p   = P(χ²_{k−1} ≥ χ²)    (k variants)
 * </pre>
 * A p-value below {@link #THRESHOLD} flags a mismatch. This is R's
 * {@code chisq.test(counts, p = weights)} (statistic and p-value).
 *
 * <p>Conventions where the test is not defined (documented choices):
 * <ul>
 *   <li>no units at all (N = 0): χ² and p are NaN, no mismatch — there is nothing to test, and
 *       NaN (JSON {@code null}) says so rather than a reassuring p = 1;</li>
 *   <li>a variant of weight 0 with no units contributes nothing; with units, χ² = +∞, p = 0, a
 *       mismatch (units arrived where none were planned).</li>
 * </ul>
 *
 * <p>References: K. Pearson (1900), "On the criterion that a given system of deviations from the
 * probable in the case of a correlated system of variables is such that it can be reasonably
 * supposed to have arisen from random sampling", <i>Philosophical Magazine</i> 50(302), 157–175;
 * A. Fabijan et al. (2019), "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments",
 * <i>KDD 2019</i>.
 */
public final class SampleRatioMismatch {

    /** A p-value below this flags a sample-ratio mismatch. */
    public static final double THRESHOLD = 0.001;

    /** How far the weights may be from summing to 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private SampleRatioMismatch() {
    }

    /**
     * Checks the population per variant against the planned weights.
     *
     * @param unitsPerVariant the units counted per variant, in variant order; a variant that has a
     *                        weight but is absent here has 0 units
     * @param weights         the planned share per variant, summing to 1 within
     *                        {@link #WEIGHT_SUM_TOLERANCE}
     * @return the statistic, p-value, verdict and the weights as expected shares (in the order of
     *         {@code unitsPerVariant}, then any variant only in {@code weights})
     * @throws IllegalArgumentException for a variant without a weight, a negative count, a weight
     *                                  that is negative or not finite, weights not summing to 1, or
     *                                  fewer than two variants
     */
    public static SrmResult check(Map<String, Long> unitsPerVariant, Map<String, Double> weights) {
        Objects.requireNonNull(unitsPerVariant, "unitsPerVariant");
        Objects.requireNonNull(weights, "weights");

        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : unitsPerVariant.entrySet()) {
            String variant = e.getKey();
            Long count = e.getValue();
            if (count == null || count < 0) {
                throw new IllegalArgumentException(
                        "SRM: variant '" + variant + "' has a negative or missing unit count: " + count);
            }
            Double weight = weights.get(variant);
            if (weight == null) {
                throw new IllegalArgumentException("SRM: variant '" + variant + "' has " + count
                        + " units but no weight (weights are given for " + weights.keySet() + ")");
            }
            counts.put(variant, count);
            shares.put(variant, weight);
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            shares.putIfAbsent(e.getKey(), e.getValue());
            counts.putIfAbsent(e.getKey(), 0L);
        }

        double weightSum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("SRM: variant '" + e.getKey()
                        + "' has an invalid weight " + w + " (weights are finite and at least 0)");
            }
            weightSum += w;
        }
        if (Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    "SRM: the weights " + shares + " sum to " + weightSum + ", not 1");
        }
        if (shares.size() < 2) {
            throw new IllegalArgumentException(
                    "SRM needs at least two variants, got " + shares.keySet());
        }

        long total = 0;
        for (long c : counts.values()) {
            total = Math.addExact(total, c);
        }
        if (total == 0) {
            return new SrmResult(Double.NaN, Double.NaN, false, shares);
        }

        double chiSquare = 0;
        int categories = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            double observed = e.getValue();
            double expected = shares.get(e.getKey()) * total;
            if (expected == 0) {
                if (observed > 0) {
                    chiSquare = Double.POSITIVE_INFINITY;
                }
                continue; // a variant planned to get nothing is not a category of the test
            }
            double diff = observed - expected;
            chiSquare += diff * diff / expected;
            categories++;
        }
        double pValue;
        if (chiSquare == Double.POSITIVE_INFINITY) {
            pValue = 0.0;
        } else if (categories < 2) {
            pValue = 1.0; // a single planned variant: nothing can be mismatched
        } else {
            // Upper tail of χ²(k − 1): Q(k−1)/2, χ²/2), the regularised upper incomplete gamma.
            pValue = chiSquare == 0 ? 1.0 : Gamma.regularizedGammaQ((categories - 1) / 2.0, chiSquare / 2);
        }
        return new SrmResult(chiSquare, pValue, pValue < THRESHOLD, shares);
    }
}
