package io.splitscope.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The registry of {@link ComparisonMethod}s, discovered once through {@link ServiceLoader} (with
 * the class loader that loaded this class, which sees every jar of the application's class path)
 * and looked up by their stable id: the {@code ComparisonMethod} services, then the methods of
 * every {@link ComparisonMethodProvider} service (e.g. the methods written in R).
 */
public final class ComparisonMethods {

    private ComparisonMethods() {
    }

    /** Lazily loaded, immutable, in discovery order. */
    private static final class Registry {
        static final Map<String, ComparisonMethod<?>> BY_ID = load();

        @SuppressWarnings("rawtypes")
        private static Map<String, ComparisonMethod<?>> load() {
            Map<String, ComparisonMethod<?>> byId = new LinkedHashMap<>();
            ServiceLoader<ComparisonMethod> loader =
                    ServiceLoader.load(ComparisonMethod.class, ComparisonMethods.class.getClassLoader());
            for (ComparisonMethod<?> method : loader) {
                register(byId, method);
            }
            // Methods that are data, not classes (e.g. one per R source file), after the classes.
            for (ComparisonMethodProvider provider : ServiceLoader.load(ComparisonMethodProvider.class,
                    ComparisonMethods.class.getClassLoader())) {
                for (ComparisonMethod<?> method : provider.methods()) {
                    register(byId, method);
                }
            }
            return Collections.unmodifiableMap(byId);
        }

        private static void register(Map<String, ComparisonMethod<?>> byId, ComparisonMethod<?> method) {
            ComparisonMethod<?> previous = byId.putIfAbsent(method.id(), method);
            if (previous != null && previous.getClass() != method.getClass()) {
                throw new ServiceConfigurationError("two stat methods have the id '" + method.id()
                        + "': " + previous.getClass().getName() + " and " + method.getClass().getName());
            }
        }
    }

    /** Every registered method, in discovery order; an immutable list. */
    public static List<ComparisonMethod<?>> all() {
        return List.copyOf(Registry.BY_ID.values());
    }

    /**
     * The method with the given id.
     *
     * @throws IllegalArgumentException {@code unknown stat method 'xyz' (known: welch_t, ...)}
     */
    public static ComparisonMethod<?> byId(String id) {
        ComparisonMethod<?> method = id == null ? null : Registry.BY_ID.get(id);
        if (method == null) {
            throw new IllegalArgumentException("unknown stat method '" + id + "' (known: "
                    + String.join(", ", new TreeSet<>(Registry.BY_ID.keySet())) + ")");
        }
        return method;
    }

    /**
     * The method with the given id, typed for callers that hold inputs of {@code inputType}.
     *
     * @throws IllegalArgumentException if the id is unknown, or the method takes another input,
     *                                  e.g. {@code stat method 'cuped' takes CovariateMoments, not Moments}
     */
    @SuppressWarnings("unchecked")
    public static <I extends VariantData> ComparisonMethod<I> byId(String id, Class<I> inputType) {
        ComparisonMethod<?> method = byId(id);
        if (inputType == null || !method.inputType().isAssignableFrom(inputType)) {
            throw new IllegalArgumentException("stat method '" + id + "' takes "
                    + method.inputType().getSimpleName() + ", not "
                    + (inputType == null ? "null" : inputType.getSimpleName()));
        }
        // Safe: a method only consumes its input, and I is a subtype of what it consumes.
        return (ComparisonMethod<I>) method;
    }
}
