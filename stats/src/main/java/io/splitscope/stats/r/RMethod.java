package io.splitscope.stats.r;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.PooledComparisonMethod;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.VariantData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A comparison method written in R ({@link RMethodSource}), run in GNU R through Rserve
 * ({@link RRuntime}) — the same {@link ComparisonMethod} contract as the Java methods: the same
 * inputs, the same result, never an exception for bad data.
 *
 * <p>{@link #compare(VariantData, VariantData, List, ConfidenceLevel)} sends every variant's input
 * to an R session once (the R function receives the control's, the treatment's, the list of all of
 * them and the confidence level as a fraction, {@code level = 0.95}), loads
 * the method's source into the session if it is not loaded yet, calls the function and converts the
 * list it returns (see the package documentation). When R cannot compute — not installed, Rserve
 * stopped during the call, a time-out, an error in the R code — the result has status
 * {@link ResultStatus#METHOD_FAILED} and a reason saying why (e.g.
 * {@value RRuntime#R_NOT_INSTALLED}); nothing else is affected.
 *
 * @param <I> the input record of the method
 */
public final class RMethod<I extends VariantData> implements PooledComparisonMethod<I> {

    private final RMethodSource source;
    private final Class<I> inputType;
    private final Supplier<RRuntime> runtime;

    private RMethod(RMethodSource source, Class<I> inputType, Supplier<RRuntime> runtime) {
        this.source = source;
        this.inputType = inputType;
        this.runtime = runtime;
    }

    /**
     * The method of {@code source}, run by the runtime {@code runtime} supplies at each comparison
     * (for the registry: {@link RRuntime#shared()}).
     */
    public static RMethod<?> of(RMethodSource source, Supplier<RRuntime> runtime) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runtime, "runtime");
        return create(source, source.inputType(), runtime);
    }

    private static <I extends VariantData> RMethod<I> create(RMethodSource source, Class<I> type,
            Supplier<RRuntime> runtime) {
        return new RMethod<>(source, type, runtime);
    }

    /** The same method run by another runtime. */
    public RMethod<I> withRuntime(Supplier<RRuntime> other) {
        return new RMethod<>(source, inputType, Objects.requireNonNull(other, "runtime"));
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public String title() {
        return source.title();
    }

    /** Where the method comes from: its R script, and the Java method it checks when it has a twin. */
    @Override
    public MethodDescription description() {
        return new MethodDescription("Computed in GNU R (through Rserve) by " + source.resource() + "."
                + source.javaTwin().map(twin -> " It recomputes " + twin + " as an independent check.").orElse(""),
                "See the comments of " + source.resource() + ".", "");
    }

    @Override
    public Class<I> inputType() {
        return inputType;
    }

    /** The R source of this method. */
    public RMethodSource source() {
        return source;
    }

    /** The id of the Java method this one reproduces, if any. */
    public Optional<String> javaTwin() {
        return source.javaTwin();
    }

    /**
     * Compares in R, with {@code allVariants} passed to the R function as {@code variants}.
     *
     * @throws IllegalArgumentException if an input is not of {@link #inputType()}
     */
    @Override
    public ComparisonResult comparePooled(List<I> allVariants, int c, int t, ConfidenceLevel level) {
        for (I v : allVariants) {
            if (!inputType.isInstance(v)) {
                throw new IllegalArgumentException("stat method '" + id() + "' takes " + inputType.getSimpleName()
                        + ", not " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
        try {
            return runtime.get().call(session -> {
                RScripts.loadMethod(session, source);
                session.connection().assign(".splitscope_variants", RValues.toR(allVariants));
                return RValues.toResult(id(), session.eval("local({ r <- .splitscope_call('" + id()
                        + "', .splitscope_variants, " + (c + 1) + ", " + (t + 1) + ", " + level.value()
                        + "); rm(.splitscope_variants,"
                        + " envir = globalenv()); r })"));
            });
        } catch (RUnavailableException e) {
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            return failed("R method " + id() + " failed: " + e);
        }
    }

    /** A result with status {@link ResultStatus#METHOD_FAILED}, no values and {@code reason}. */
    static ComparisonResult failed(String reason) {
        return ComparisonResult.builder()
                .withStatus(ResultStatus.METHOD_FAILED, reason);
    }

    @Override
    public String toString() {
        return "RMethod[" + id() + " from " + source.resource() + "]";
    }
}
