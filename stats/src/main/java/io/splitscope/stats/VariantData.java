package io.splitscope.stats;

/**
 * The input of a comparison method for one variant: immutable sufficient statistics or unit-level
 * values. Each {@link ComparisonMethod} declares the one record type it takes
 * ({@link ComparisonMethod#inputType()}).
 *
 * <p>Sealed so that every kind of input is known to the statistics layer:
 * <ul>
 *   <li>{@link Moments} — n, Σy, Σy² (mean and proportion metrics);</li>
 *   <li>{@link CovariateMoments} — the moments of a metric and of its pre-exposure covariate and
 *       Σxy (CUPED);</li>
 *   <li>{@link RatioMoments} — the moments of a unit-level numerator and denominator and ΣND
 *       (ratio metrics, delta method);</li>
 *   <li>{@link QuantileSample} — event-level values clustered by unit (quantile metrics);</li>
 *   <li>{@link UnitValues} — one value per unit (rank tests);</li>
 *   <li>{@link UnitCovariateValues} — one metric value and one covariate value per unit
 *       (regression adjustment, e.g. {@code r_ancova}).</li>
 * </ul>
 */
public sealed interface VariantData
        permits Moments, CovariateMoments, RatioMoments, QuantileSample, UnitValues, UnitCovariateValues {

    /** The number of units (randomised units with a value) this input describes. */
    long n();
}
