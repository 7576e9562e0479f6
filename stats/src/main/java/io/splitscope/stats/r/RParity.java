package io.splitscope.stats.r;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.VariantData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a Java method and its twin written in R on the same inputs and reports how closely they
 * agree ({@link ParityReport}) — for {@code ./splitscope analyze --verify-r} and the web app's
 * "verified in R" mark. Twins are declared by the R files ({@code #' @twin welch_t}): {@code welch_t
 * ↔ r_welch_t}, {@code cuped ↔ r_cuped}, {@code mann_whitney ↔ r_mann_whitney}.
 *
 * <p>The methods come from the registry ({@link ComparisonMethods}), so the R twin runs in
 * {@link RRuntime#shared()}. Without R, the report says so ({@link ParityReport#rFailure()}) rather
 * than throwing.
 */
public final class RParity {

    private RParity() {
    }

    /** Java method id → its R twin's id, for every registered R method with a registered twin. */
    public static Map<String, String> twins() {
        Map<String, String> twins = new TreeMap<>();
        for (ComparisonMethod<?> m : ComparisonMethods.all()) {
            if (m instanceof RMethod<?> r && r.javaTwin().isPresent()) {
                String java = r.javaTwin().get();
                if (isRegistered(java)) {
                    twins.putIfAbsent(java, r.id());
                }
            }
        }
        return twins;
    }

    /** The id of the R twin of the Java method {@code javaMethodId}, if it has one. */
    public static Optional<String> rTwinOf(String javaMethodId) {
        return Optional.ofNullable(twins().get(javaMethodId));
    }

    /**
     * Compares every treatment variant with the control by the Java method and by its R twin, each
     * with all variants passed (so that pooling methods such as {@code cuped} pool the same units).
     *
     * @param javaMethodId the Java method, e.g. {@code welch_t}
     * @param variants     every variant's input of one metric's analysis, of the method's input type
     * @param controlIndex the control's index in {@code variants}
     * @param level        the confidence level of both methods' intervals
     * @return one row per variant other than the control
     * @throws IllegalArgumentException if the method has no R twin, an input has another type, or
     *                                  the control index is out of range
     */
    public static ParityReport verify(String javaMethodId, List<? extends VariantData> variants, int controlIndex,
            ConfidenceLevel level) {
        Objects.requireNonNull(variants, "variants");
        String rId = rTwinOf(javaMethodId).orElseThrow(() -> new IllegalArgumentException("stat method '"
                + javaMethodId + "' has no R twin (twins: " + twins() + ")"));
        return verify(ComparisonMethods.byId(javaMethodId), ComparisonMethods.byId(rId), variants, controlIndex, level);
    }

    /**
     * {@link #verify(String, List, int, ConfidenceLevel)} with the two methods given, e.g. an R method bound to
     * another runtime ({@link RMethod#withRuntime}).
     */
    public static ParityReport verify(ComparisonMethod<?> java, ComparisonMethod<?> r,
            List<? extends VariantData> variants, int controlIndex, ConfidenceLevel level) {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(variants, "variants");
        Objects.requireNonNull(level, "level");
        if (controlIndex < 0 || controlIndex >= variants.size()) {
            throw new IllegalArgumentException("controlIndex " + controlIndex + " is not an index of the "
                    + variants.size() + " variants");
        }
        List<ParityReport.Row> rows = new ArrayList<>();
        double max = 0;
        for (int t = 0; t < variants.size(); t++) {
            if (t == controlIndex) {
                continue;
            }
            ComparisonResult j = run(java, variants, controlIndex, t, level);
            ComparisonResult rr = run(r, variants, controlIndex, t, level);
            ParityReport.Row row = compare(t, j, rr);
            rows.add(row);
            max = Math.max(max, row.maxRelativeDifference());
        }
        return new ParityReport(java.id(), r.id(), rows, max);
    }

    private static <I extends VariantData> ComparisonResult run(ComparisonMethod<I> method,
            List<? extends VariantData> variants, int c, int t, ConfidenceLevel level) {
        List<I> typed = new ArrayList<>(variants.size());
        for (VariantData v : variants) {
            if (!method.inputType().isInstance(v)) {
                throw new IllegalArgumentException("stat method '" + method.id() + "' takes "
                        + method.inputType().getSimpleName() + ", not " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            typed.add(method.inputType().cast(v));
        }
        return method.compare(typed.get(c), typed.get(t), typed, level);
    }

    static ParityReport.Row compare(int index, ComparisonResult java, ComparisonResult r) {
        Map<String, Double> differences = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (java.status() != r.status()) {
            problems.add("variant " + index + ": status " + java.status() + " in Java, " + r.status() + " in R"
                    + (r.reason() != null && r.status() != java.status() ? " (" + r.reason() + ")" : ""));
        }
        Map<String, Double> a = numbers(java);
        Map<String, Double> b = numbers(r);
        double max = 0;
        String worst = null;
        for (String field : union(a, b)) {
            Double x = a.get(field);
            Double y = b.get(field);
            if (x == null && y == null) {
                continue;
            }
            if (x == null || y == null) {
                if (r.status() == java.status()) {
                    problems.add("variant " + index + ": " + field + " only in " + (x == null ? "R" : "Java"));
                }
                continue;
            }
            double d = relativeDifference(x, y);
            differences.put(field, d);
            if (worst == null || d > max) {
                max = d;
                worst = field;
            }
        }
        for (Map.Entry<String, Double> e : java.extras().entrySet()) {
            Double y = r.extras().get(e.getKey());
            if (y != null && !differences.containsKey(e.getKey())) {
                double d = relativeDifference(e.getValue(), y);
                differences.put(e.getKey(), d);
                if (worst == null || d > max) {
                    max = d;
                    worst = e.getKey();
                }
            }
        }
        return new ParityReport.Row(index, java, r, differences, max, worst, problems);
    }

    /** {@code |a − b| / max(|a|, |b|)}, 0 when both are 0. */
    static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    /** The numbers of a result by their scorecard names (extras are compared where both give them). */
    private static Map<String, Double> numbers(ComparisonResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("control_value", r.controlValue());
        m.put("treatment_value", r.treatmentValue());
        m.put("absolute_effect", r.absoluteEffect());
        Interval ci = r.absoluteCi();
        m.put("absolute_ci_low", ci == null ? null : ci.low());
        m.put("absolute_ci_high", ci == null ? null : ci.high());
        m.put("relative_effect", r.relativeEffect());
        Interval rci = r.relativeCi();
        m.put("relative_ci_low", rci == null ? null : rci.low());
        m.put("relative_ci_high", rci == null ? null : rci.high());
        m.put("p_value", r.pValue());
        return m;
    }

    private static boolean isRegistered(String id) {
        try {
            ComparisonMethods.byId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
