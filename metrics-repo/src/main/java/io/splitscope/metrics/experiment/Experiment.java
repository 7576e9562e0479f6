package io.splitscope.metrics.experiment;

import java.time.LocalDate;
import java.util.List;

/**
 * An experiment as the warehouse's {@code experiments} and {@code variants} tables describe it.
 *
 * @param variants the planned variants with their weights, control first
 */
public record Experiment(String id, String name, String hypothesis, String owner, LocalDate startDate,
                         LocalDate endDate, String controlVariant, List<VariantWeight> variants) {

    /** A planned variant and its share of units. */
    public record VariantWeight(String variant, double weight) {
    }

    public Experiment {
        variants = List.copyOf(variants);
    }

    /** The non-control variants, in the order of {@link #variants()}. */
    public List<String> treatments() {
        return variants.stream().map(VariantWeight::variant).filter(v -> !v.equals(controlVariant)).toList();
    }
}
