package io.splitscope.stats;

import java.util.List;
import java.util.Objects;

/**
 * A comparison method whose estimate uses every variant of the metric's analysis, not only the two
 * it compares: {@code cuped} pools its regression coefficient θ over all of them, a method written
 * in R receives them all. It implements {@link #comparePooled}; this interface checks the arguments
 * and finds the control and the treatment among the variants. Compared alone, two variants are the
 * whole analysis.
 *
 * @param <I> the per-variant input the method takes
 */
public interface PooledComparisonMethod<I extends VariantData> extends ComparisonMethod<I> {

    /** Compares the two variants as the only variants of the analysis. */
    @Override
    default ComparisonResult compare(I control, I treatment, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        return compare(control, treatment, List.of(control, treatment), level);
    }

    /**
     * Compares with the estimate pooled over {@code allVariants}, which must contain {@code control}
     * and {@code treatment}.
     *
     * @throws IllegalArgumentException if {@code allVariants} lacks the control or the treatment
     */
    @Override
    default ComparisonResult compare(I control, I treatment, List<I> allVariants, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(allVariants, "allVariants");
        Objects.requireNonNull(level, "level");
        int c = indexOf(allVariants, control);
        int t = indexOf(allVariants, treatment);
        if (c < 0 || t < 0) {
            throw new IllegalArgumentException(
                    "allVariants must contain the control and the treatment (it is every variant of the analysis)");
        }
        return comparePooled(allVariants, c, t, level);
    }

    /**
     * Compares {@code allVariants.get(control)} with {@code allVariants.get(treatment)}, the estimate
     * pooled over {@code allVariants}; the arguments are checked. Same contract as
     * {@link #compare(VariantData, VariantData, ConfidenceLevel)}: never throws for degenerate data.
     *
     * @param allVariants every variant of the metric's analysis, not null
     * @param control     the position of the control in {@code allVariants}
     * @param treatment   the position of the treatment in {@code allVariants}
     * @param level       the two-sided confidence level of the intervals, not null
     */
    ComparisonResult comparePooled(List<I> allVariants, int control, int treatment, ConfidenceLevel level);

    /** The position of {@code v} in {@code all}, by identity first (unit-level records compare by identity anyway). */
    private static int indexOf(List<?> all, Object v) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == v) {
                return i;
            }
        }
        return all.indexOf(v);
    }
}
