package io.splitscope.stats.multiple;

import java.util.Comparator;
import java.util.List;

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
        return Stepwise.walk(pValues, Comparator.naturalOrder(), 0, (running, m, k, p) -> m * p);
    }
}
