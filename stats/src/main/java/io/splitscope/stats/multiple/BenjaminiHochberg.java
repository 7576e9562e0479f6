package io.splitscope.stats.multiple;

import java.util.Arrays;
import java.util.Collections;
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
        List<Integer> present = Bonferroni.present(pValues);
        Double[] adjusted = new Double[pValues.size()];
        int m = present.size();
        // Decreasing p-value; ties in index order (their adjusted values are equal anyway).
        present.sort(Comparator.comparingDouble((Integer i) -> pValues.get(i)).reversed());
        double runningMin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int index = present.get(k);
            int rank = m - k; // 1-based rank in increasing order
            double value = ((double) m / rank) * pValues.get(index);
            runningMin = Math.min(runningMin, value);
            adjusted[index] = Math.min(1.0, runningMin);
        }
        return Collections.unmodifiableList(Arrays.asList(adjusted));
    }
}
