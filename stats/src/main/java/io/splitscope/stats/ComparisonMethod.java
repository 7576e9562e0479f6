package io.splitscope.stats;

import java.util.List;
import java.util.Objects;

/**
 * A statistical method that compares a treatment variant with the control for one metric.
 *
 * <p>Implementations are immutable, thread-safe, have a public no-argument constructor and are
 * registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.splitscope.stats.ComparisonMethod}; look them up with
 * {@link ComparisonMethods}. Each implementation documents its formula and a reference.
 *
 * <p>Contract of {@link #compare}: degenerate data (an empty arm, too few units, zero variance, a
 * zero baseline, non-finite sums) never throws; it returns a result whose
 * {@link ComparisonResult#status() status} and {@link ComparisonResult#reason() reason} say what is
 * missing, with every value that still exists. Only programming errors throw ({@code null}
 * arguments).
 *
 * <p>Every interval is two-sided at the {@link ConfidenceLevel} the comparison is given (95 % by
 * default); a p-value does not depend on it unless the method says so ({@code sequential} tunes its
 * boundary to α).
 *
 * @param <I> the per-variant input the method takes
 */
public interface ComparisonMethod<I extends VariantData> {

    /** The stable id of the method, as used in the scorecard's {@code method} field (e.g. {@code welch_t}). */
    String id();

    /** A short human title, e.g. "Welch's t-test". */
    String title();

    /**
     * What the method does, its formula and its reference, for people. The default says only
     * that the method is registered: a method others will read should describe itself.
     */
    default MethodDescription description() {
        return new MethodDescription("A comparison method registered with the stats module.",
                "See the documentation of " + getClass().getName() + ".", "");
    }

    /** The type of per-variant input this method takes. */
    Class<I> inputType();

    /**
     * Compares {@code treatment} with {@code control}, with intervals at {@code level}.
     *
     * @param control   the control variant's input, not null
     * @param treatment the treatment variant's input, not null
     * @param level     the two-sided confidence level of the intervals, not null
     * @return the result; never null, never throws for degenerate data
     */
    ComparisonResult compare(I control, I treatment, ConfidenceLevel level);

    /** Compares with intervals at the {@linkplain ConfidenceLevel#DEFAULT default level} (95 %). */
    default ComparisonResult compare(I control, I treatment) {
        return compare(control, treatment, ConfidenceLevel.DEFAULT);
    }

    /**
     * Compares {@code treatment} with {@code control} within an analysis of several variants. Use
     * this form for every comparison of a scorecard: methods whose estimate uses every variant of
     * the metric's analysis implement {@link PooledComparisonMethod} — {@code cuped} pools its
     * regression coefficient θ over all variants (spec/metrics.md). The default ignores {@code allVariants} and delegates to
     * {@link #compare(VariantData, VariantData, ConfidenceLevel)}.
     *
     * @param control     the control variant's input, not null
     * @param treatment   the treatment variant's input, not null
     * @param allVariants the inputs of every variant of the metric's analysis, control and
     *                    treatment included (in any order), not null
     * @param level       the two-sided confidence level of the intervals, not null
     * @return the result; never null, never throws for degenerate data
     */
    default ComparisonResult compare(I control, I treatment, List<I> allVariants, ConfidenceLevel level) {
        Objects.requireNonNull(allVariants, "allVariants");
        return compare(control, treatment, level);
    }
}
