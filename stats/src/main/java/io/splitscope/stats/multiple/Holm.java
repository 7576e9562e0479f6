package io.splitscope.stats.multiple;

import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment, controlling the family-wise error rate — id {@code holm};
 * identical to R's {@code p.adjust(p, method = "holm")}.
 *
 * <p>With the m non-null p-values sorted in increasing order {@code p(1) ≤ … ≤ p(m)}:
 * <pre>
 *   p̃(i) = min(1, max_{j ≤ i} (m − j + 1) · p(j))
 * </pre>
 * returned at the original indices. Uniformly more powerful than Bonferroni, valid under any
 * dependence.
 *
 * <p>Reference: S. Holm (1979), "A Simple Sequentially Rejective Multiple Test Procedure",
 * <i>Scandinavian Journal of Statistics</i> 6(2), 65–70.
 */
public final class Holm implements PValueAdjustment {

    /** The stable id, {@value}. */
    public static final String ID = "holm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Double> adjust(List<Double> pValues) {
        // increasing p-value (ties in index order, as R's order()); a running maximum of (m − k) p
        return Stepwise.walk(pValues, Comparator.comparingDouble((Integer i) -> pValues.get(i)), 0,
                (runningMax, m, k, p) -> Math.max(runningMax, (double) (m - k) * p));
    }
}
