package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DecisionRoles;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the decision keys of one entry of a project file's {@code experiments} ({@code success},
 * {@code guardrails}, {@code mde}, {@code power}, {@code design}, {@code looks}, {@code spending};
 * {@code spec/decisions.md}) into its {@link DecisionPlan}, reporting every mistake at its line:
 * those of the file (a guardrail without a margin, an mde that is not a percentage, ...) here, those
 * of the roles themselves through {@link DecisionRoles}, as the Java API and the web app get them.
 */
final class DecisionPlanCompiler {

    static final Set<String> KEYS = Set.of("success", "guardrails", "mde", "power", "design", "looks", "spending");

    private static final Pattern PERCENT = Pattern.compile("\\+?\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Map<String, Design.Kind> DESIGNS = Map.of("fixed", Design.Kind.FIXED,
            "sequential", Design.Kind.SEQUENTIAL, "group_sequential", Design.Kind.GROUP_SEQUENTIAL);
    private static final Map<String, Design.Spending> SPENDINGS = Map.of("obrien_fleming", Design.Spending.OBRIEN_FLEMING,
            "pocock", Design.Spending.POCOCK);

    /** Whether the experiment can analyse the metric named on {@code line} under {@code key}; if not, it said why. */
    @FunctionalInterface
    interface MetricCheck {
        boolean accepts(String metricId, int line, String key);
    }

    private final Section entry;
    private final ConfigErrors errors;
    private final Map<String, Metric> metrics;
    private final Map<String, Integer> successLines = new LinkedHashMap<>();
    private final Map<String, Integer> guardrailLines = new LinkedHashMap<>();

    private DecisionPlanCompiler(Section entry, Map<String, Metric> metrics) {
        this.entry = entry;
        this.errors = entry.errors();
        this.metrics = metrics;
    }

    /**
     * The plan of {@code entry}, of what in it is valid; {@link DecisionPlan#NONE} when it names no
     * success or guardrail metric.
     *
     * @param metrics every metric of the project, by id
     * @param check   whether the experiment can analyse a metric it names (it exists, it fits the assignment)
     */
    static DecisionPlan compile(Section entry, Map<String, Metric> metrics, MetricCheck check) {
        return new DecisionPlanCompiler(entry, metrics).compile(check);
    }

    private DecisionPlan compile(MetricCheck check) {
        List<String> success = new ArrayList<>();
        for (Section.Item item : entry.list("success")) {
            if (check.accepts(item.text(), item.line(), "success")) {
                success.add(item.text());
                successLines.putIfAbsent(item.text(), item.line());
            }
        }
        Map<String, Margin> guardrails = guardrails(check);
        if (!entry.has("success") && !entry.has("guardrails")) {
            for (String key : List.of("mde", "power", "design", "looks", "spending")) {
                if (entry.has(key)) {
                    entry.error(key, "the experiment has no decision to plan: name its success metrics and guardrails "
                            + "(success: [...], guardrails: {...})");
                }
            }
            return DecisionPlan.NONE;
        }
        DecisionPlan plan = new DecisionPlan(success, guardrails, mde().orElse(DecisionPlan.DEFAULT_MDE),
                power().orElse(DecisionPlan.DEFAULT_POWER), design().orElse(Design.FIXED));
        for (DecisionRoles.Mistake mistake : DecisionRoles.find(plan, metrics)) {
            if (mistake.metricId() == null) {
                // written success metrics that all failed have said why already
                if (!entry.has("success")) {
                    entry.error("guardrails", mistake.message());
                }
            } else if (mistake.guardrail()) {
                errors.add(guardrailLines.get(mistake.metricId()), guardrailKey(mistake.metricId()), mistake.message());
            } else {
                errors.add(successLines.get(mistake.metricId()), entry.key("success"), mistake.message());
            }
        }
        return plan;
    }

    /** {@code guardrails: {metric: margin, ...}}: a guardrail without its margin cannot be tested, so it is a mistake. */
    private Map<String, Margin> guardrails(MetricCheck check) {
        Map<String, Margin> guardrails = new LinkedHashMap<>();
        Optional<YamlNode> node = entry.node("guardrails");
        if (node.isPresent() && node.get() instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry guardrail : mapping.entries()) {
                String id = guardrail.key();
                if (!check.accepts(id, guardrail.line(), "guardrails")) {
                    continue;
                }
                guardrailLines.put(id, guardrail.line());
                if (!(guardrail.value() instanceof YamlNode.Scalar scalar) || scalar.isNull() || scalar.text().isBlank()) {
                    errors.add(guardrail.line(), guardrailKey(id), "guardrail '" + id + "' needs a non-inferiority margin, "
                            + "how far it may get worse: " + example(id) + ", not " + guardrail.value().describe());
                    continue;
                }
                try {
                    guardrails.put(id, Margin.parse(scalar.text()));
                } catch (IllegalArgumentException e) {
                    errors.add(guardrail.line(), guardrailKey(id), e.getMessage());
                }
            }
        } else {
            // a list names metrics without margins: say so for each one that exists
            for (Section.Item item : entry.list("guardrails")) {
                if (check.accepts(item.text(), item.line(), "guardrails")) {
                    errors.add(item.line(), entry.key("guardrails"), "guardrail '" + item.text() + "' has no margin: "
                            + "guardrails is a mapping of metric to non-inferiority margin, e.g. " + example(item.text()));
                }
            }
        }
        return guardrails;
    }

    /** A guardrail with a margin in its metric's harmful direction, as the file would write it. */
    private String example(String id) {
        boolean lower = metrics.get(id).direction() == Direction.LOWER_IS_BETTER;
        return "{" + id + ": \"" + (lower ? "+5%" : "-1%") + "\"} (" + id + " is " + (lower ? "lower" : "higher")
                + "-is-better)";
    }

    private String guardrailKey(String id) {
        return entry.key("guardrails") + "." + id;
    }

    /** {@code mde: "5%"}: a relative effect, so a percentage. */
    private Optional<Double> mde() {
        return entry.text("mde").flatMap(text -> {
            Matcher m = PERCENT.matcher(text.strip());
            double percent = m.matches() ? Double.parseDouble(m.group(1)) : 0;
            if (!(percent > 0)) {
                entry.error("mde", "the smallest relative effect worth detecting is a positive percentage such as \"5%\", "
                        + "not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(percent / 100);
        });
    }

    private Optional<Double> power() {
        return entry.number("power").filter(power -> {
            if (power > 0 && power < 1) {
                return true;
            }
            entry.error("power", "the planned power is a probability between 0 and 1 (e.g. 0.8), not " + format(power));
            return false;
        });
    }

    private Optional<Design> design() {
        Design.Kind kind = entry.text("design").map(text -> {
            Design.Kind found = DESIGNS.get(text.strip());
            if (found == null) {
                entry.error("design", "unknown design '" + text + "': fixed, sequential or group_sequential"
                        + DidYouMean.suffix(text.strip(), DESIGNS.keySet()));
            }
            return found;
        }).orElse(entry.has("design") ? null : Design.Kind.FIXED);
        if (kind == null) {
            return Optional.empty();
        }
        if (kind != Design.Kind.GROUP_SEQUENTIAL) {
            for (String key : List.of("looks", "spending")) {
                if (entry.has(key)) {
                    entry.error(key, "only a group_sequential design has planned looks and alpha spending; this one is "
                            + kind.name().toLowerCase(Locale.ROOT));
                }
            }
            return Optional.of(kind == Design.Kind.FIXED ? Design.FIXED : Design.SEQUENTIAL);
        }
        Optional<Integer> looks = looks();
        Optional<Design.Spending> spending = entry.has("spending") ? spending() : Optional.of(Design.Spending.OBRIEN_FLEMING);
        return looks.flatMap(n -> spending.map(s -> Design.groupSequential(n, s)));
    }

    /** {@code looks: N}, required by a group-sequential design: 2 or more, the last at the planned sample. */
    private Optional<Integer> looks() {
        if (!entry.has("looks")) {
            entry.error("design", "a group_sequential design needs its number of planned looks (looks: 2 or more)");
            return Optional.empty();
        }
        return entry.number("looks").flatMap(looks -> {
            if (looks >= 2 && looks == Math.rint(looks) && looks <= Integer.MAX_VALUE) {
                return Optional.of((int) (double) looks);
            }
            entry.error("looks", "a group_sequential design has a whole number of planned looks, 2 or more, not "
                    + format(looks));
            return Optional.empty();
        });
    }

    private Optional<Design.Spending> spending() {
        return entry.text("spending").flatMap(text -> {
            Design.Spending found = SPENDINGS.get(text.strip());
            if (found == null) {
                entry.error("spending", "unknown alpha spending '" + text + "': obrien_fleming or pocock"
                        + DidYouMean.suffix(text.strip(), SPENDINGS.keySet()));
            }
            return Optional.ofNullable(found);
        });
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
