package io.splitscope.stats.r;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethodProvider;
import java.util.List;

/**
 * Registers the methods written in R with {@link io.splitscope.stats.ComparisonMethods}: one
 * {@link RMethod} per R file listed in the {@value RMethodSource#INDEX} files of the class path,
 * run by {@link RRuntime#shared()}. Listing them starts nothing; R starts at the first comparison.
 */
public final class RMethodProvider implements ComparisonMethodProvider {

    /** For {@link java.util.ServiceLoader}. */
    public RMethodProvider() {
    }

    @Override
    public List<ComparisonMethod<?>> methods() {
        return RMethodSource.discover(RMethodProvider.class.getClassLoader()).stream()
                .<ComparisonMethod<?>>map(source -> RMethod.of(source, RRuntime::shared))
                .toList();
    }
}
