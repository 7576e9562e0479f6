package io.splitscope.stats.multiple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the adjustments share, as R's {@code p.adjust} computes them: the m non-null p-values are
 * walked in an order of their own, each step combining the running value with the p-value and its
 * position, and each gets {@code min(1, running value)} at its original index; nulls stay null.
 */
final class Stepwise {

    /** One step of the walk. */
    @FunctionalInterface
    interface Step {

        /**
         * The running value after the p-value {@code p}, the {@code k}-th (from 0) of the walk over
         * {@code m} p-values.
         */
        double next(double running, int m, int k, double p);
    }

    private Stepwise() {
    }

    /**
     * Walks the non-null p-values in {@code order} of their indices (a stable sort: ties in index
     * order), the running value starting at {@code start}.
     *
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
     */
    static List<Double> walk(List<Double> pValues, Comparator<Integer> order, double start, Step step) {
        List<Integer> present = present(pValues);
        present.sort(order);
        int m = present.size();
        Double[] adjusted = new Double[pValues.size()];
        double running = start;
        for (int k = 0; k < m; k++) {
            int index = present.get(k);
            running = step.next(running, m, k, pValues.get(index));
            adjusted[index] = Math.min(1.0, running);
        }
        return Collections.unmodifiableList(Arrays.asList(adjusted));
    }

    /** The indices of the non-null p-values, each checked to be in [0, 1]. */
    private static List<Integer> present(List<Double> pValues) {
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
