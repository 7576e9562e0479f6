package io.splitscope.stats.r;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Interval;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rosuda.REngine.REXP;
import org.rosuda.REngine.REXPDouble;
import org.rosuda.REngine.REXPGenericVector;
import org.rosuda.REngine.REXPInteger;
import org.rosuda.REngine.REXPList;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REXPString;
import org.rosuda.REngine.RList;

/**
 * The conversions between Java and R of the methods written in R (see the package documentation
 * for the R forms): {@link VariantData} records to R values, and the normalised list that
 * {@code .splitscope_call} returns to a {@link ComparisonResult}.
 */
final class RValues {

    /** The value names, in the order of {@code .splitscope_fields} in runtime.R. */
    static final List<String> FIELDS = List.of("control_value", "treatment_value", "absolute_effect",
            "absolute_ci_low", "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high",
            "p_value");

    private RValues() {
    }

    /** The R form of one variant's input. */
    static REXP toR(VariantData data) {
        return switch (data) {
            case Moments m -> named(new String[] {"n", "sum", "sum_squares"},
                    m.n(), m.sum(), m.sumSquares());
            case CovariateMoments c -> named(new String[] {"n", "sum", "sum_squares", "covariate_sum",
                    "covariate_sum_squares", "sum_product"},
                    c.n(), c.y().sum(), c.y().sumSquares(), c.x().sum(), c.x().sumSquares(), c.sumProduct());
            case RatioMoments r -> named(new String[] {"n", "numerator_sum", "numerator_sum_squares",
                    "denominator_sum", "denominator_sum_squares", "sum_product"},
                    r.n(), r.numerator().sum(), r.numerator().sumSquares(), r.denominator().sum(),
                    r.denominator().sumSquares(), r.sumProduct());
            case UnitValues u -> new REXPDouble(u.values());
            case UnitCovariateValues u -> list(new String[] {"y", "x"}, new REXPDouble(u.y()), new REXPDouble(u.x()));
            case QuantileSample q -> {
                int[] offsets = q.unitOffsets();
                int[] sizes = new int[offsets.length - 1];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = offsets[i + 1] - offsets[i];
                }
                yield list(new String[] {"level", "values", "unit_sizes"}, new REXPDouble(q.level()),
                        new REXPDouble(q.values()), new REXPInteger(sizes));
            }
        };
    }

    /** The unnamed R list of every variant's input. */
    static REXP toR(List<? extends VariantData> variants) {
        RList list = new RList();
        for (VariantData v : variants) {
            list.add(toR(v));
        }
        return new REXPGenericVector(list);
    }

    private static REXP named(String[] names, double... values) {
        return new REXPDouble(values, names(names));
    }

    private static REXP list(String[] names, REXP... values) {
        return new REXPGenericVector(new RList(values, names));
    }

    private static REXPList names(String[] names) {
        return new REXPList(new RList(new REXP[] {new REXPString(names)}, new String[] {"names"}));
    }

    /**
     * The result of method {@code id} from the normalised list of {@code .splitscope_call}: NA is a
     * value that does not exist (null); a non-finite value, an unknown status, a p-value outside
     * [0, 1], an interval with low above high or an invalid extra make a result that says so.
     */
    static ComparisonResult toResult(String id, REXP out) throws REXPMismatchException {
        RList list = out.asList();
        String status = list.at("status").asString();
        REXP reasonR = list.at("reason");
        String reason = reasonR.isNA()[0] ? null : reasonR.asString();
        if ("ERROR".equals(status)) {
            return RMethod.failed("R method " + id + " stopped with an error: " + reason);
        }
        ResultStatus resultStatus;
        try {
            resultStatus = ResultStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return RMethod.failed("R method " + id + " returned the unknown status '" + status + "'.");
        }
        REXP valuesR = list.at("values");
        double[] values = valuesR.asDoubles();
        boolean[] na = valuesR.isNA();
        Double[] v = new Double[FIELDS.size()];
        List<String> nonFinite = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (na[i]) {
                continue;
            }
            if (!Double.isFinite(values[i])) {
                nonFinite.add(FIELDS.get(i) + " = " + values[i]);
                continue;
            }
            v[i] = values[i];
        }
        if (!nonFinite.isEmpty() && resultStatus == ResultStatus.OK) {
            resultStatus = ResultStatus.NON_FINITE;
            reason = "R method " + id + " computed non-finite values: " + String.join(", ", nonFinite) + ".";
        }
        Interval absoluteCi = interval(v[3], v[4]);
        Interval relativeCi = interval(v[6], v[7]);
        if (absoluteCi == null && v[3] != null && v[4] != null || relativeCi == null && v[6] != null && v[7] != null) {
            return RMethod.failed("R method " + id + " returned an interval whose low bound is above its high bound.");
        }
        if (v[8] != null && (v[8] < 0 || v[8] > 1)) {
            return RMethod.failed("R method " + id + " returned the p-value " + v[8] + ", outside [0, 1].");
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        REXP extrasR = list.at("extras");
        double[] extraValues = extrasR.asDoubles();
        if (extraValues.length > 0) {
            REXP namesR = extrasR.getAttribute("names");
            String[] names = namesR == null ? null : namesR.asStrings();
            if (names == null) {
                return RMethod.failed("R method " + id + " returned extras without names.");
            }
            boolean[] extraNa = extrasR.isNA();
            for (int i = 0; i < extraValues.length; i++) {
                if (!extraNa[i] && Double.isFinite(extraValues[i])) {
                    extras.put(names[i], extraValues[i]);
                }
            }
        }
        if (resultStatus == ResultStatus.OK) {
            reason = null;
        } else if (reason == null || reason.isBlank()) {
            reason = "R method " + id + " reported: " + resultStatus.label() + ".";
        }
        try {
            return ComparisonResult.builder()
                    .values(v[0], v[1])
                    .absolute(v[2], absoluteCi)
                    .relative(v[5], relativeCi)
                    .pValue(v[8])
                    .extras(extras)
                    .withStatus(resultStatus, reason);
        } catch (IllegalArgumentException e) {
            return RMethod.failed("R method " + id + " returned an invalid result: " + e.getMessage());
        }
    }

    private static Interval interval(Double low, Double high) {
        return low != null && high != null && low <= high ? new Interval(low, high) : null;
    }
}
