package io.splitscope.app.analysis;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a scorecard compares mean and proportion metrics: any registered stat method, Java or R,
 * that takes one of their inputs — sufficient statistics ({@code welch_t}, {@code bayesian},
 * {@code sequential}), with the pre-exposure covariate ({@code cuped}, {@code r_cuped}) or the
 * units' values ({@code mann_whitney}, {@code r_ancova}). Ratio metrics always use
 * {@code delta_ratio}, quantile metrics {@code bootstrap_quantile}. Instances are interned, one per
 * method id.
 */
public final class MeanMethod {

    /** The inputs a mean or proportion metric can be given in. */
    private static final List<Class<? extends VariantData>> INPUTS =
            List.of(Moments.class, CovariateMoments.class, UnitValues.class, UnitCovariateValues.class);
    private static final Map<String, MeanMethod> INTERNED = new ConcurrentHashMap<>();

    /** Welch's t-test: the default, as {@code spec/metrics.md}. */
    public static final MeanMethod WELCH_T = intern("welch_t");
    /** Welch's t-test after variance reduction with the 14-day pre-exposure covariate. */
    public static final MeanMethod CUPED = intern("cuped");
    /** Beta-binomial (proportions) or normal (means) posterior: chance to beat control, expected loss. */
    public static final MeanMethod BAYESIAN = intern("bayesian");
    /** An always-valid test that may be read every day without inflating false positives. */
    public static final MeanMethod SEQUENTIAL = intern("sequential");

    private final String id;

    private MeanMethod(String id) {
        this.id = id;
    }

    private static MeanMethod intern(String id) {
        return INTERNED.computeIfAbsent(id, MeanMethod::new);
    }

    /** The stat method id ({@code welch_t}, ...). */
    public String methodId() {
        return id;
    }

    /** What the method compares: the record a mean or proportion metric must be fetched as. */
    public Class<? extends VariantData> inputType() {
        return ComparisonMethods.byId(id).inputType();
    }

    /**
     * @throws IllegalArgumentException naming the methods that apply, when {@code id} is not one of them
     */
    public static MeanMethod parse(String id) {
        if (values().stream().noneMatch(m -> m.id.equals(id))) {
            throw new IllegalArgumentException("unknown method '" + id + "' for mean and proportion metrics (known: "
                    + values().stream().map(MeanMethod::methodId).collect(Collectors.joining(", ")) + ")");
        }
        return intern(id);
    }

    /** Every registered method that applies to mean and proportion metrics: the four above first, then by id. */
    public static List<MeanMethod> values() {
        Stream<MeanMethod> others = ComparisonMethods.all().stream()
                .filter(method -> INPUTS.contains(method.inputType()))
                .map(ComparisonMethod::id)
                .sorted(Comparator.naturalOrder())
                .map(MeanMethod::intern)
                .filter(method -> !List.of(WELCH_T, CUPED, BAYESIAN, SEQUENTIAL).contains(method));
        return Stream.concat(Stream.of(WELCH_T, CUPED, BAYESIAN, SEQUENTIAL), others).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
