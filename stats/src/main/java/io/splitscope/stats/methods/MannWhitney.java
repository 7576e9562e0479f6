package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.distribution.Normal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test of unit-level values, with the Hodges–Lehmann shift
 * and its Moses interval — stat method {@code mann_whitney}, a robust alternative to
 * {@code welch_t} for skewed or heavy-tailed per-unit metrics.
 *
 * <h2>Test</h2>
 * Exactly R's {@code wilcox.test(treatment, control, exact = FALSE, correct = TRUE)}: with midranks
 * of the pooled values, {@code W} = the treatment's rank sum − nt(nt+1)/2 and ties t_j,
 * <pre>
 *   σ = √( nt nc / 12 · ( (nt + nc + 1) − Σ(t_j³ − t_j) / ((nt + nc)(nt + nc − 1)) ) )
 *   z = (W − nt nc / 2 − sign(W − nt nc / 2) · 0.5) / σ,      p = 2 min(Φ(z), 1 − Φ(z))
 * </pre>
 *
 * <h2>Estimates (documented choices)</h2>
 * <ul>
 *   <li>control and treatment values: the medians (R's {@code median});</li>
 *   <li>absolute effect: the <b>Hodges–Lehmann estimate</b> of the shift, the median of the
 *       nt·nc differences {@code y_t − y_c} (R's estimate in {@code wilcox.test(..., conf.int = TRUE,
 *       exact = TRUE)}), found exactly in O((nt + nc) log) by bisection over doubles with a
 *       two-pointer count — not the difference of the medians, and so not treatment − control value;</li>
 *   <li>absolute CI: Moses's distribution-free interval, the differences of ranks {@code k} and
 *       {@code nt nc + 1 − k} with {@code k = max(1, ⌈nt nc / 2 − 0.5 − z(1 − α/2) σ⌉)} at the confidence level 1 − α
 *       (the normal approximation, with continuity and tie corrections, of R's
 *       {@code qwilcox(α/2, nt, nc)} used by its exact interval);</li>
 *   <li>relative effect: the shift over the control median; no relative interval (a ratio of
 *       a shift to a median has no distribution-free interval).</li>
 * </ul>
 *
 * <p>Degenerate data gives a status: NON_FINITE (a NaN or infinite value; differences of values or
 * the relative effect beyond the range of a double), EMPTY_ARM,
 * TOO_FEW_UNITS (a single unit), ZERO_VARIANCE (every value is the same: σ = 0), ZERO_BASELINE
 * (control median 0: no relative effect).
 *
 * <p>References: H. B. Mann, D. R. Whitney (1947), "On a Test of Whether one of Two Random
 * Variables is Stochastically Larger than the Other", <i>Ann. Math. Statist.</i> 18(1), 50–60;
 * J. L. Hodges, E. L. Lehmann (1963), "Estimates of Location Based on Rank Tests",
 * <i>Ann. Math. Statist.</i> 34(2), 598–611; M. Hollander, D. A. Wolfe (1999),
 * <i>Nonparametric Statistical Methods</i>, 2nd ed., §4.1–4.3; R's {@code wilcox.test} source.
 */
public final class MannWhitney implements ComparisonMethod<UnitValues> {

    /** The stable id, {@value}. */
    public static final String ID = "mann_whitney";

    /** The reason when differences of values (treatment − control) are beyond the range of a double. */
    private static final String DIFFERENCES_OVERFLOW = "Differences between the treatment's and the control's values"
            + " overflow a double (values near ±1.8e308): no shift, interval or p-value.";

    /** For {@link java.util.ServiceLoader}. */
    public MannWhitney() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Mann–Whitney U test";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "A rank test: does a unit of the treatment tend to have a higher value than one of the control?",
                """
                W = the treatment's rank sum − nt(nt + 1)/2          (midranks of the pooled values, ties t_j)
                σ = √( nt nc / 12 · ((nt + nc + 1) − Σ(t_j³ − t_j) / ((nt + nc)(nt + nc − 1))) )
                z = (W − nt nc/2 − sign(W − nt nc/2) · 0.5) / σ,   p = 2 min(Φ(z), 1 − Φ(z))
                shift = median of the nt·nc differences y_t − y_c   (Hodges–Lehmann)
                CI    = the differences of ranks k and nt nc + 1 − k,  k = max(1, ⌈nt nc/2 − 0.5 − z(1 − α/2) σ⌉)   (Moses; level 1 − α)""",
                "H. B. Mann, D. R. Whitney (1947), Ann. Math. Statist. 18; Hodges & Lehmann (1963); R's wilcox.test.");
    }

    @Override
    public Class<UnitValues> inputType() {
        return UnitValues.class;
    }

    @Override
    public ComparisonResult compare(UnitValues control, UnitValues treatment, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(level, "level");
        double[] c = sortedCopy(control.values());
        double[] t = sortedCopy(treatment.values());
        boolean cFinite = c.length == 0 || (Double.isFinite(c[0]) && Double.isFinite(c[c.length - 1]));
        boolean tFinite = t.length == 0 || (Double.isFinite(t[0]) && Double.isFinite(t[t.length - 1]));
        Double cMedian = c.length > 0 ? median(c) : null;
        Double tMedian = t.length > 0 ? median(t) : null;
        if (!cFinite || !tFinite) {
            return Degenerate.nonFiniteValues(cFinite, tFinite, cMedian, tMedian);
        }
        if (c.length == 0 || t.length == 0) {
            return Degenerate.emptyArm(c.length, t.length, cMedian, tMedian);
        }
        double mc = cMedian;
        double mt = tMedian;
        long pairs = (long) c.length * t.length;
        double shift = hodgesLehmann(c, t);
        Double relative = mc != 0 ? Degenerate.finiteOrNull(shift / mc) : null;
        if (!Double.isFinite(shift)) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, DIFFERENCES_OVERFLOW, mc, mt);
        }
        if (c.length < 2 || t.length < 2) {
            return Degenerate.effectsOnly(ResultStatus.TOO_FEW_UNITS, Degenerate.arms(c.length < 2, t.length < 2)
                    + " a single unit; the test and the interval need at least 2 per variant.", mc, mt, shift, relative);
        }
        RankSum rs = rankSum(c, t);
        double nc = c.length;
        double nt = t.length;
        double n = nc + nt;
        double sigma = Math.sqrt((nt * nc / 12) * ((n + 1) - rs.tieTerm / (n * (n - 1))));
        if (!(sigma > 0)) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Every unit of both variants has the same"
                    + " value, so ranks carry no information: no interval or p-value.", mc, mt, shift, relative);
        }
        double z = rs.w - nt * nc / 2;
        double correction = Math.signum(z) * 0.5;
        z = (z - correction) / sigma;
        double p = 2 * Math.min(Normal.cdf(z), Normal.cdf(-z));
        p = Math.min(1.0, p);

        long k = (long) Math.ceil(pairs / 2.0 - 0.5 - level.z() * sigma);
        k = Math.max(1, Math.min(k, (pairs + 1) / 2));
        double low = kthDifference(c, t, k);
        double high = kthDifference(c, t, pairs + 1 - k);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return Degenerate.effectsOnly(ResultStatus.NON_FINITE, DIFFERENCES_OVERFLOW, mc, mt, shift, relative);
        }
        var result = ComparisonResult.builder().values(mc, mt).absolute(shift, new Interval(low, high)).pValue(p);
        if (mc == 0) {
            return Degenerate.zeroBaseline(result, "control median");
        }
        if (relative == null) {
            return result.withStatus(ResultStatus.NON_FINITE, "The relative effect overflowed: the shift over the"
                    + " control median is beyond the range of a double.");
        }
        return result.relative(relative, null).ok();
    }

    private static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.parallelSort(copy); // NaN sorts last, -∞ first, +∞ before NaN
        return copy;
    }

    /** R's {@code median}: the middle value, or the mean of the two middle values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        return (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The treatment's Mann–Whitney statistic W and the tie term Σ(t³ − t). */
    record RankSum(double w, double tieTerm) {
    }

    static RankSum rankSum(double[] c, double[] t) {
        int i = 0;
        int j = 0;
        long position = 1; // 1-based rank of the next value
        double rankSumT = 0;
        double ties = 0;
        while (i < c.length || j < t.length) {
            double v = j >= t.length || (i < c.length && c[i] < t[j]) ? c[i] : t[j];
            long inC = 0;
            while (i < c.length && c[i] == v) {
                i++;
                inC++;
            }
            long inT = 0;
            while (j < t.length && t[j] == v) {
                j++;
                inT++;
            }
            long size = inC + inT;
            double midrank = position + (size - 1) / 2.0;
            rankSumT += inT * midrank;
            ties += (double) size * size * size - size;
            position += size;
        }
        double nt = t.length;
        return new RankSum(rankSumT - nt * (nt + 1) / 2, ties);
    }

    /** The Hodges–Lehmann shift: the median of all differences t_j − c_i (sorted inputs). */
    static double hodgesLehmann(double[] c, double[] t) {
        long pairs = (long) c.length * t.length;
        if (pairs % 2 == 1) {
            return kthDifference(c, t, (pairs + 1) / 2);
        }
        return (kthDifference(c, t, pairs / 2) + kthDifference(c, t, pairs / 2 + 1)) / 2;
    }

    /**
     * The k-th smallest (1-based) of the differences {@code t_j − c_i} (as doubles), for sorted
     * finite inputs: the smallest double v with at least k differences ≤ v, by bisection over the
     * ordered doubles (at most 64 steps), each counting in O(nc + nt).
     */
    static double kthDifference(double[] c, double[] t, long k) {
        long lo = key(t[0] - c[c.length - 1]);
        long hi = key(t[t.length - 1] - c[0]);
        while (lo < hi) {
            long mid = lo + ((hi - lo) >>> 1);
            if (countAtMost(c, t, value(mid)) >= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return value(lo) + 0.0; // -0.0 → 0.0
    }

    /** #{(i, j): t_j − c_i ≤ v}: for each j the i with t_j − c_i ≤ v are a suffix, moving right with j. */
    private static long countAtMost(double[] c, double[] t, double v) {
        long count = 0;
        int p = 0;
        for (double tj : t) {
            while (p < c.length && tj - c[p] > v) {
                p++;
            }
            count += c.length - p;
        }
        return count;
    }

    /** A long whose order is the order of the doubles. */
    private static long key(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }
}
