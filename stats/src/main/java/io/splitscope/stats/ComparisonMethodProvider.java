package io.splitscope.stats;

import java.util.List;

/**
 * A source of {@link ComparisonMethod}s that are data rather than classes — for example the
 * methods written in R ({@code io.splitscope.stats.r}), one per R source file — registered for
 * {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.splitscope.stats.ComparisonMethodProvider}.
 *
 * <p>{@link ComparisonMethods} loads the methods of every provider beside the
 * {@code ComparisonMethod} services, once, and looks them all up by id in the same way; ids must be
 * unique across both. Implementations have a public no-argument constructor and must be cheap to
 * call: list the methods without starting anything (an R method starts R only when it first
 * compares).
 */
public interface ComparisonMethodProvider {

    /** The methods this provider contributes, in a stable order; never null. */
    List<ComparisonMethod<?>> methods();
}
