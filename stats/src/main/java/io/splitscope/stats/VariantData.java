package io.splitscope.stats;

/**
 * The input of a comparison method for one variant: immutable sufficient statistics or unit-level
 * values. Each {@link ComparisonMethod} declares the one record type it takes
 * ({@link ComparisonMethod#inputType()}).
 *
 * <p>Sealed so that every kind of input is known to the statistics layer; more record types
 * (covariate moments for CUPED, ratio moments for the delta method, unit values for the
 * bootstrap) are added here as their methods arrive.
 */
public sealed interface VariantData permits Moments {

    /** The number of units (randomised units with a value) this input describes. */
    long n();
}
