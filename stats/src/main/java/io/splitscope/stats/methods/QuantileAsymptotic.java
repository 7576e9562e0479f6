package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.Normal;

/**
 * The closed-form (order-statistic) confidence interval of a percentile with events clustered by
 * unit, and the normal test of a difference in percentiles built on it — stat method
 * {@code quantile_asymptotic} (Deng, Knoblich &amp; Lu, KDD 2018, section 4.2).
 *
 * <p>Per variant, with E events in n units, level p and the exact type-7 percentile {@code q̂}
 * (as {@code bootstrap_quantile}): for unit u let {@code Y_u} = its events at or below {@code q̂}
 * and {@code N_u} = its events. The empirical CDF at {@code q̂}, {@code F̂ = ΣY / ΣN}, is a ratio
 * metric; its delta-method variance accounts for the clustering:
 * <pre>
 *   σ² = ( s²_Y − 2 F̂ s_YN + F̂² s²_N ) / (n N̄²)                      (n − 1 variances)
 *   r₁ = max(1, ⌊E (p − z σ)⌋),   r₂ = min(E, ⌈E (p + z σ)⌉)
 *   CI(q) = [X₍r₁₎, X₍r₂₎]                                         (order statistics of the events)
 *   se(q̂) = (X₍r₂₎ − X₍r₁₎) / (2 z)
 * </pre>
 * (with one event per unit, {@code σ² = p(1−p)/n} and this is the classical distribution-free
 * interval). Then, as a z-test of the two independent estimates:
 * <pre>
 *   d = q̂t − q̂c,   se = √(se_t² + se_c²),   CI = d ± z·se,   p = 2 (1 − Φ(|d| / se))
 *   r = d / q̂c,    se_r² = se_t²/q̂c² + q̂t² se_c²/q̂c⁴,   CI_r = r ± z·se_r
 * </pre>
 * Cost: a copy of the values and O(events) selections and passes — no resampling, no sort.
 *
 * <p>Degenerate data: as {@code bootstrap_quantile} (NON_FINITE, EMPTY_ARM, TOO_FEW_UNITS,
 * ZERO_VARIANCE), plus ZERO_VARIANCE when both intervals have zero width (heavy ties) and
 * ZERO_BASELINE when {@code q̂c = 0}.
 *
 * <p>Reference: A. Deng, U. Knoblich, J. Lu (2018), "Applying the Delta Method in Metric
 * Analytics: A Practical Guide with Novel Ideas", <i>KDD 2018</i>, section 4 ("Quantile metrics"),
 * the "outer CI" of Theorem 4.1 and the standard error read off it.
 */
public final class QuantileAsymptotic implements ComparisonMethod<QuantileSample> {

    /** The stable id, {@value}. */
    public static final String ID = "quantile_asymptotic";

    /** For {@link java.util.ServiceLoader}. */
    public QuantileAsymptotic() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Asymptotic percentile test";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "A fast interval for a percentile difference from order statistics, accounting for several events"
                        + " per unit.",
                """
                q̂ = the type-7 percentile; its standard error from the outer interval of Deng, Knoblich & Lu
                d = q̂t − q̂c,   se = √(se_t² + se_c²),   CI = d ± z·se,   p = 2(1 − Φ(|d|/se))
                where z = z(1 − α/2) of the confidence level 1 − α (1.96 at 95 %), in the outer interval too""",
                "A. Deng, U. Knoblich, J. Lu (2018), KDD, §4 (quantile metrics).");
    }

    @Override
    public Class<QuantileSample> inputType() {
        return QuantileSample.class;
    }

    /** One variant's percentile, its interval and the standard error read off it. */
    record Estimate(double quantile, double sigma, int lowRank, int highRank, Interval interval, double se) {
    }

    /**
     * The estimate of one variant (events finite, at least 2 units, at least one event), its
     * interval at the level whose normal quantile is {@code z}.
     */
    static Estimate estimate(QuantileVariant v, double z) {
        double[] values = v.sample.values();
        int[] offsets = v.sample.unitOffsets();
        double q = v.quantile;
        int n = v.units;
        // moments of Y_u (events ≤ q) and N_u (events) over units
        double sy = 0;
        double syy = 0;
        double sn = 0;
        double snn = 0;
        double syn = 0;
        for (int u = 0; u < n; u++) {
            int from = offsets[u];
            int to = offsets[u + 1];
            int y = 0;
            for (int i = from; i < to; i++) {
                if (values[i] <= q) {
                    y++;
                }
            }
            double k = to - from;
            sy += y;
            syy += (double) y * y;
            sn += k;
            snn += k * k;
            syn += y * k;
        }
        double f = sy / sn;
        double vy = (syy - sy * sy / n) / (n - 1);
        double vn = (snn - sn * sn / n) / (n - 1);
        double cyn = (syn - sy * sn / n) / (n - 1);
        double nMean = sn / n;
        double sigma2 = Math.max(0, (vy - 2 * f * cyn + f * f * vn) / (n * nMean * nMean));
        double sigma = Math.sqrt(sigma2);
        long e = v.events;
        double p = v.level;
        int r1 = (int) Math.max(1, Math.min(e, (long) Math.floor(e * (p - z * sigma))));
        int r2 = (int) Math.max(1, Math.min(e, (long) Math.ceil(e * (p + z * sigma))));
        Selection.select(v.work, r1 - 1, r2 - 1);
        double low = v.work[r1 - 1];
        double high = v.work[r2 - 1];
        return new Estimate(q, sigma, r1, r2, new Interval(low, high), (high - low) / (2 * z));
    }

    @Override
    public ComparisonResult compare(QuantileSample control, QuantileSample treatment, ConfidenceLevel level) {
        return QuantileVariant.compare(control, treatment, level, (c, t) -> compare(c, t, level.z()));
    }

    /** The test of two variants without degenerate data, intervals at the level of normal quantile {@code z}. */
    private static ComparisonResult compare(QuantileVariant c, QuantileVariant t, double z) {
        Estimate ec = estimate(c, z);
        Estimate et = estimate(t, z);
        double qc = ec.quantile();
        double qt = et.quantile();
        if (ec.se() == 0 && et.se() == 0) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Both percentiles' intervals have zero width"
                    + " (the values around them are tied), so there is no standard error.", qc, qt);
        }
        Difference diff = new Difference(qc, qt, ec.se() * ec.se(), et.se() * et.se());
        double d = diff.d();
        double se = diff.se();
        Interval absoluteCi = WelchT.interval(d, z * se);
        if (absoluteCi == null || !Double.isFinite(d)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The arithmetic left the range of doubles"
                    + " (difference " + d + ", standard error " + se + ").", qc, qt);
        }
        double p = Normal.twoSidedPValue(d / se);
        // Difference.relativeSe's formula, multiplied in the order the golden values were computed in
        double ratio = qt / qc;
        double seR = Math.sqrt(et.se() * et.se() + ratio * ratio * ec.se() * ec.se()) / Math.abs(qc);
        Interval relativeCi = WelchT.interval(diff.relative(), z * seR);
        return diff.withRelative(diff.absolute(absoluteCi).pValue(p), relativeCi, "control's percentile",
                "The relative effect overflowed.");
    }
}
