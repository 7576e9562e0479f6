package io.splitscope.analysis;

import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sufficient statistics one scorecard row was computed from, for people who want to see how a
 * number came about: per variant the totals the method read, named as the input fields of
 * {@code ./splitscope compare} ({@code spec/scorecard.md}): {@code n}, {@code sum},
 * {@code sum_squares}; for CUPED also {@code covariate_sum}, {@code covariate_sum_squares},
 * {@code sum_product}; for ratios {@code numerator_sum} … {@code numerator_denominator_sum_product};
 * for unit-level inputs (quantile metrics, rank tests) only their sizes, {@code n} (units) and
 * {@code events} — never the unit-level values themselves.
 *
 * @param control   the control's statistics, in a stable order
 * @param treatment the treatment's statistics, in the same order
 */
public record InputSummary(Map<String, Double> control, Map<String, Double> treatment) {

    /** No statistics (e.g. a row built by hand). */
    public static final InputSummary NONE = new InputSummary(Map.of(), Map.of());

    public InputSummary {
        control = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(control, "control")));
        treatment = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(treatment, "treatment")));
    }

    /** The summary of a control and a treatment input. */
    public static InputSummary of(VariantData control, VariantData treatment) {
        return new InputSummary(statistics(control), statistics(treatment));
    }

    /** One variant's input as named totals (sizes only for unit-level inputs). */
    public static Map<String, Double> statistics(VariantData data) {
        Map<String, Double> s = new LinkedHashMap<>();
        switch (data) {
            case null -> { }
            case Moments m -> moments(s, "", m);
            case CovariateMoments c -> {
                moments(s, "", c.y());
                s.put("covariate_sum", c.x().sum());
                s.put("covariate_sum_squares", c.x().sumSquares());
                s.put("sum_product", c.sumProduct());
            }
            case RatioMoments r -> {
                s.put("n", (double) r.n());
                s.put("numerator_sum", r.numerator().sum());
                s.put("numerator_sum_squares", r.numerator().sumSquares());
                s.put("denominator_sum", r.denominator().sum());
                s.put("denominator_sum_squares", r.denominator().sumSquares());
                s.put("numerator_denominator_sum_product", r.sumProduct());
            }
            case QuantileSample q -> {
                s.put("n", (double) q.units());
                s.put("events", (double) q.events());
            }
            case UnitValues u -> s.put("n", (double) u.n());
            case UnitCovariateValues u -> s.put("n", (double) u.n());
        }
        return s;
    }

    private static void moments(Map<String, Double> s, String prefix, Moments m) {
        s.put(prefix + "n", (double) m.n());
        s.put(prefix + "sum", m.sum());
        s.put(prefix + "sum_squares", m.sumSquares());
    }
}
