package io.splitscope.stats.multiple;

import java.util.Comparator;
import java.util.List;

/**
 * The Benjamini–Hochberg step-up adjustment, controlling the false discovery rate — id
 * {@code benjamini_hochberg}; identical to R's {@code p.adjust(p, method = "BH")}.
 *
 * <p>With the m non-null p-values sorted in increasing order {@code p(1) ≤ … ≤ p(m)}:
 * <pre>
 *   p̃(i) = min(1, min_{j ≥ i} m/j · p(j))
 * </pre>
 * and each adjusted value is returned at its original index. Tied p-values get the same adjusted
 * value. Computed as R does: from the largest p-value down, a running minimum of
 * {@code (m / i) * p(i)}.
 *
 * <p>Reference: Y. Benjamini, Y. Hochberg (1995), "Controlling the False Discovery Rate: A Practical
 * and Powerful Approach to Multiple Testing", <i>Journal of the Royal Statistical Society, Series B</i>
 * 57(1), 289–300.
 */
public final class BenjaminiHochberg implements PValueAdjustment {

    /** The stable id, {@value}. */
    public static final String ID = "benjamini_hochberg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Double> adjust(List<Double> pValues) {
        // Decreasing p-value (ties in index order: their adjusted values are equal anyway); rank m − k is
        // 1-based in increasing order.
        return Stepwise.walk(pValues, Comparator.comparingDouble((Integer i) -> pValues.get(i)).reversed(),
                Double.POSITIVE_INFINITY, (runningMin, m, k, p) -> Math.min(runningMin, ((double) m / (m - k)) * p));
    }
}
