package io.splitscope.stats.multiple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The Bonferroni adjustment, controlling the family-wise error rate — id {@code bonferroni};
 * identical to R's {@code p.adjust(p, method = "bonferroni")}: {@code p̃ = min(1, m · p)} with m
 * the number of non-null p-values.
 *
 * <p>Reference: C. E. Bonferroni (1936), "Teoria statistica delle classi e calcolo delle
 * probabilità", <i>Pubblicazioni del R Istituto Superiore di Scienze Economiche e Commerciali di
 * Firenze</i> 8, 3–62; O. J. Dunn (1961), "Multiple Comparisons Among Means", <i>JASA</i> 56(293), 52–64.
 */
public final class Bonferroni implements PValueAdjustment {

    /** The stable id, {@value}. */
    public static final String ID = "bonferroni";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Double> adjust(List<Double> pValues) {
        List<Integer> present = present(pValues);
        int m = present.size();
        Double[] adjusted = new Double[pValues.size()];
        for (int index : present) {
            adjusted[index] = Math.min(1.0, m * pValues.get(index));
        }
        return Collections.unmodifiableList(Arrays.asList(adjusted));
    }

    /** The indices of the non-null p-values, each checked to be in [0, 1]. */
    static List<Integer> present(List<Double> pValues) {
        Objects.requireNonNull(pValues, "pValues");
        List<Integer> present = new ArrayList<>(pValues.size());
        for (int i = 0; i < pValues.size(); i++) {
            Double p = pValues.get(i);
            if (p == null) {
                continue;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-value at index " + i + " must be in [0, 1], got " + p);
            }
            present.add(i);
        }
        return present;
    }
}
