package io.splitscope.analysis;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.methods.BootstrapQuantile;
import io.splitscope.stats.methods.QuantileMethodRule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The method a scorecard is asked for ({@code --method}, the API's {@code method}, the web app's
 * choice): how it compares mean and proportion metrics — any registered stat method, Java or R,
 * that takes one of their inputs: sufficient statistics ({@code welch_t}, {@code bayesian},
 * {@code sequential}), with the pre-exposure covariate ({@code cuped}, {@code r_cuped}) or the
 * units' values ({@code mann_whitney}, {@code r_ancova}) — or {@link #BOOTSTRAP_QUANTILE}, the
 * explicit opt-in to {@code bootstrap_quantile} for quantile metrics (their mean and proportion
 * metrics then get {@code welch_t}). Ratio metrics always use {@code delta_ratio}. Quantile metrics
 * use, unless {@code bootstrap_quantile} is asked for, {@code quantile_asymptotic} where both arms
 * have at least {@link QuantileMethodRule#MIN_UNITS_PER_ARM} units and {@code bootstrap_quantile}
 * below ({@link QuantileMethodRule}). Instances are interned, one per id.
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
    /**
     * {@code bootstrap_quantile} for every quantile metric whatever its arms' sizes (the opt-in:
     * by default, arms of {@link QuantileMethodRule#MIN_UNITS_PER_ARM} units or more get
     * {@code quantile_asymptotic}); mean and proportion metrics get {@code welch_t}.
     */
    public static final MeanMethod BOOTSTRAP_QUANTILE = INTERNED.computeIfAbsent(BootstrapQuantile.ID,
            id -> new MeanMethod(id, WELCH_T.id, BootstrapQuantile.ID));

    private final String id;
    private final String meanId;
    private final String quantileId;

    private MeanMethod(String id) {
        this(id, id, null);
    }

    private MeanMethod(String id, String meanId, String quantileId) {
        this.id = id;
        this.meanId = meanId;
        this.quantileId = quantileId;
    }

    private static MeanMethod intern(String id) {
        return INTERNED.computeIfAbsent(id, MeanMethod::new);
    }

    /** The id asked for ({@code welch_t}, ..., {@code bootstrap_quantile}): what {@link #parse} reads back. */
    public String methodId() {
        return id;
    }

    /** The stat method that compares mean and proportion metrics: {@link #methodId()}, {@code welch_t} for {@link #BOOTSTRAP_QUANTILE}. */
    public String meanMethodId() {
        return meanId;
    }

    /**
     * The stat method asked for quantile metrics, or null for the default by the arms' sizes
     * ({@link QuantileMethodRule}).
     */
    public String quantileMethodId() {
        return quantileId;
    }

    /** What the method compares: the record a mean or proportion metric must be fetched as. */
    public Class<? extends VariantData> inputType() {
        return ComparisonMethods.byId(meanId).inputType();
    }

    /**
     * @throws IllegalArgumentException naming the methods that apply, when {@code id} is not one of them
     */
    public static MeanMethod parse(String id) {
        if (values().stream().noneMatch(m -> m.id.equals(id))) {
            throw new IllegalArgumentException("unknown method '" + id + "' (known: "
                    + values().stream().map(MeanMethod::methodId).collect(Collectors.joining(", ")) + ")");
        }
        return intern(id);
    }

    /**
     * Every registered method that applies to mean and proportion metrics: the four above first,
     * then by id; last {@link #BOOTSTRAP_QUANTILE}.
     */
    public static List<MeanMethod> values() {
        Stream<MeanMethod> others = ComparisonMethods.all().stream()
                .filter(method -> INPUTS.contains(method.inputType()))
                .map(ComparisonMethod::id)
                .sorted(Comparator.naturalOrder())
                .map(MeanMethod::intern)
                .filter(method -> !List.of(WELCH_T, CUPED, BAYESIAN, SEQUENTIAL).contains(method));
        return Stream.of(Stream.of(WELCH_T, CUPED, BAYESIAN, SEQUENTIAL), others, Stream.of(BOOTSTRAP_QUANTILE))
                .flatMap(methods -> methods).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
