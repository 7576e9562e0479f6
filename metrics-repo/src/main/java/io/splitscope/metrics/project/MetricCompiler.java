package io.splitscope.metrics.project;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Covariate;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.project.MetricDescriptions.Aggregated;
import io.splitscope.metrics.project.MetricDescriptions.Rows;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.SQLDataType;

/**
 * Compiles one entry of a project file's {@code metrics} into a {@link Metric}, the same value the
 * Java API builds ({@code spec/project.md}, "Metric values"), reporting every mistake of the entry.
 */
final class MetricCompiler {

    static final Set<String> KEYS = Set.of("title", "description", "source", "type", "value", "aggregate", "filter",
            "window", "cap", "covariate", "direction", "numerator", "denominator", "quantile");
    private static final Set<String> PART_KEYS = Set.of("value", "aggregate");
    private static final Set<String> CAP_KEYS = Set.of("quantile", "value");
    private static final Set<String> COVARIATE_KEYS = Set.of("source", "value", "aggregate");
    private static final List<String> TYPES = List.of("mean", "proportion", "ratio", "quantile");
    private static final List<String> DIRECTIONS = List.of("higher", "lower");
    /** {@code 14d}, {@code 14 d}, {@code 14 days}, {@code 1 day}. */
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})\\s*(?:d|days?)");
    /** The CUPED covariate of a metric with timestamps (the default). */
    static final String PRE_PERIOD = "pre_period";

    private final Section entry;
    private final String id;
    private final Declared<Source> sources;
    private final List<ColumnReference> columns;
    private final ConfigErrors errors;
    private Source source;

    private MetricCompiler(String id, Section entry, Declared<Source> sources, List<ColumnReference> columns) {
        this.id = id;
        this.entry = entry;
        this.sources = sources;
        this.columns = columns;
        this.errors = entry.errors();
    }

    /**
     * The metric {@code id} of {@code entry}, or empty when the entry has mistakes (all of them in
     * the entry's errors). The columns its expressions name are added to {@code columns}.
     */
    static Optional<Metric> compile(String id, Section entry, Declared<Source> sources, List<ColumnReference> columns) {
        return new MetricCompiler(id, entry, sources, columns).compile();
    }

    private Optional<Metric> compile() {
        int before = errors.count();
        source = sources.find(entry, "source", "the source whose rows the metric aggregates").orElse(null);
        Optional<String> type = entry.required("type", "mean, proportion, ratio or quantile").filter(t -> {
            boolean known = TYPES.contains(t);
            if (!known) {
                entry.error("type", "unknown metric type '" + t + "': mean, proportion, ratio or quantile"
                        + DidYouMean.suffix(t, TYPES));
            }
            return known;
        });
        Direction direction = direction();
        Window window = window();
        @SuppressWarnings("unchecked")
        SqlExpression<Condition> filter = (SqlExpression<Condition>) expression("filter", entry, true).orElse(null);
        Cap cap = cap(type.orElse(null));
        Covariate covariate = covariate(type.orElse(null));
        Optional<Compiled> measure = type.flatMap(this::measure);
        if (source != null && source.timed() && window == null && !entry.has("window")) {
            entry.errors().add(entry.line(), entry.key("window"), "missing: source '" + source.id()
                    + "' has a timestamp, so the metric counts rows in a window after first exposure (e.g. 14d)");
        }
        if (errors.count() > before || source == null || measure.isEmpty()) {
            return Optional.empty();
        }
        Rows rows = new Rows(source.id(), filter == null ? null : filter.text(), window);
        String description = entry.text("description").orElseGet(() -> measure.get().describe(rows, cap));
        try {
            return Optional.of(new Metric(id, entry.text("title").orElse(id), description, source, measure.get().measure,
                    window, direction, false, filter == null ? null : filter.part(), cap, covariate));
        } catch (IllegalArgumentException e) {
            errors.add(entry.line(), entry.path(), e.getMessage());
            return Optional.empty();
        }
    }

    private Direction direction() {
        return entry.text("direction").map(text -> switch (text) {
            case "higher" -> Direction.HIGHER_IS_BETTER;
            case "lower" -> Direction.LOWER_IS_BETTER;
            default -> {
                entry.error("direction", "unknown direction '" + text + "': higher or lower" + DidYouMean.suffix(text, DIRECTIONS));
                yield null;
            }
        }).orElse(Direction.HIGHER_IS_BETTER);
    }

    private Window window() {
        Optional<String> text = entry.text("window");
        if (text.isEmpty()) {
            return null;
        }
        Matcher matcher = WINDOW.matcher(text.get().strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
            entry.error("window", "expected a number of days such as 14d or '14 days', not '" + text.get() + "'");
            return null;
        }
        if (source != null && !source.timed()) {
            entry.error("window", "source '" + source.id() + "' has no timestamp: every row counts, so the metric has no window");
            return null;
        }
        return Window.days(Integer.parseInt(matcher.group(1)));
    }

    private Cap cap(String type) {
        Optional<YamlNode> node = entry.node("cap");
        if (node.isEmpty()) {
            return null;
        }
        if (type != null && !type.equals("mean")) {
            entry.error("cap", "only mean metrics can be capped, not a " + type + " metric");
            return null;
        }
        Optional<Section> cap = Section.of(node.get(), entry.key("cap"), entry.line("cap"), errors, CAP_KEYS,
                "a cap ({quantile: q} or {value: x})");
        if (cap.isEmpty()) {
            return null;
        }
        if (cap.get().has("quantile") == cap.get().has("value")) {
            entry.error("cap", "a cap is {quantile: q} or {value: x}: give one of them");
            return null;
        }
        if (cap.get().has("quantile")) {
            return cap.get().number("quantile").filter(q -> {
                boolean valid = q > 0 && q < 1;
                if (!valid) {
                    cap.get().error("quantile", "a cap's quantile lies strictly between 0 and 1, not " + q);
                }
                return valid;
            }).map(Cap::abovePercentile).orElse(null);
        }
        return cap.get().number("value").map(Cap::above).orElse(null);
    }

    /** The declared CUPED covariate; null for the default, or with a mistake. */
    private Covariate covariate(String type) {
        Optional<YamlNode> node = entry.node("covariate");
        if (node.isEmpty()) {
            return null;
        }
        if ("ratio".equals(type) || "quantile".equals(type)) {
            entry.error("covariate", "CUPED applies to mean and proportion metrics only, not to a " + type + " metric");
        } else if (node.get() instanceof YamlNode.Mapping) {
            return unitLevelCovariate();
        } else if (!(node.get() instanceof YamlNode.Scalar scalar && PRE_PERIOD.equals(scalar.text()))) {
            entry.error("covariate", "expected " + PRE_PERIOD + " or {source, value, aggregate}, not " + node.get().describe());
        } else if (source != null && !source.timed()) {
            entry.error("covariate", PRE_PERIOD + " needs a source with a timestamp; source '" + source.id() + "' has none");
        } else {
            return Covariate.prePeriod();
        }
        return null;
    }

    /** {@code covariate: {source, value, aggregate}}: a per-unit value over all rows of a source. */
    private Covariate unitLevelCovariate() {
        Optional<Section> section = Section.of(entry.node("covariate").orElseThrow(), entry.key("covariate"),
                entry.line("covariate"), errors, COVARIATE_KEYS, "a unit-level covariate ({source, value, aggregate})");
        if (section.isEmpty()) {
            return null;
        }
        Optional<Source> covariateSource = sources.find(section.get(), "source", "the source of the covariate's rows");
        Optional<PerUnit> value = covariateSource.flatMap(s -> aggregated(section.get(), false, s));
        return value.map(v -> Covariate.unitLevel(covariateSource.get(), v.unitValue)).orElse(null);
    }

    /** A compiled measure and how to describe it. */
    private record Compiled(Measure measure, Describer describer) {
        String describe(Rows rows, Cap cap) {
            return describer.describe(rows, cap);
        }
    }

    @FunctionalInterface
    private interface Describer {
        String describe(Rows rows, Cap cap);
    }

    private Optional<Compiled> measure(String type) {
        for (String key : List.of("numerator", "denominator")) {
            if (!type.equals("ratio") && entry.has(key)) {
                entry.error(key, "only ratio metrics have a " + key + ", not a " + type + " metric");
            }
        }
        if (!type.equals("quantile") && entry.has("quantile")) {
            entry.error("quantile", "only quantile metrics have a quantile level, not a " + type + " metric");
        }
        return switch (type) {
            case "mean" -> aggregated(entry, true).map(v -> new Compiled(new Measure.Mean(v.unitValue),
                    (rows, cap) -> MetricDescriptions.mean(v.text, rows, cap)));
            case "proportion" -> proportion();
            case "ratio" -> ratio();
            case "quantile" -> quantile();
            default -> Optional.empty();
        };
    }

    private Optional<Compiled> proportion() {
        if (!entry.has("value") && !entry.has("aggregate")) {
            return Optional.of(new Compiled(new Measure.Proportion(UnitValue.any()),
                    (rows, cap) -> MetricDescriptions.proportion(null, rows)));
        }
        // with a value: 1 when its aggregate is positive; "aggregate: count" alone is "any row"
        return aggregated(entry, true).map(v -> new Compiled(new Measure.Proportion(v.unitValue instanceof UnitValue.Count
                ? UnitValue.any() : UnitValue.positive(v.unitValue)), (rows, cap) -> MetricDescriptions.proportion(v.text, rows)));
    }

    private Optional<Compiled> ratio() {
        for (String key : List.of("value", "aggregate")) {
            if (entry.has(key)) {
                entry.error(key, "a ratio's values are in its numerator and denominator ({value, aggregate})");
            }
        }
        Optional<PerUnit> numerator = part("numerator");
        Optional<PerUnit> denominator = part("denominator");
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Compiled(new Measure.Ratio(numerator.get().unitValue, denominator.get().unitValue),
                (rows, cap) -> MetricDescriptions.ratio(numerator.get().text, denominator.get().text, rows)));
    }

    private Optional<PerUnit> part(String key) {
        if (!entry.has(key)) {
            errors.add(entry.line(), entry.key(key), "missing: a ratio needs a " + key + " ({value, aggregate})");
            return Optional.empty();
        }
        return Section.of(entry.node(key).orElseThrow(), entry.key(key), entry.line(key), errors, PART_KEYS,
                "a ratio's " + key).flatMap(part -> aggregated(part, false));
    }

    private Optional<Compiled> quantile() {
        if (entry.has("aggregate")) {
            entry.error("aggregate", "a quantile is taken over the rows themselves: it has no aggregate");
        }
        Optional<Double> level = entry.has("quantile") ? entry.number("quantile").filter(q -> {
            boolean valid = q > 0 && q < 1;
            if (!valid) {
                entry.error("quantile", "a quantile level lies strictly between 0 and 1, not " + q);
            }
            return valid;
        }) : missing("quantile", "the quantile level, e.g. 0.9");
        Optional<SqlExpression<?>> value = entry.has("value") ? expression("value", entry, false)
                : missing("value", "the row value whose quantile is taken");
        if (level.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        Field<Double> rowValue = ((Field<?>) value.get().part()).coerce(SQLDataType.DOUBLE);
        return Optional.of(new Compiled(new Measure.Quantile(rowValue, level.get()),
                (rows, cap) -> MetricDescriptions.quantile(value.get().text(), level.get(), rows)));
    }

    private <T> Optional<T> missing(String key, String what) {
        errors.add(entry.line(), entry.key(key), "missing: " + what);
        return Optional.empty();
    }

    /** A per-unit value and how it is written. */
    private record PerUnit(UnitValue unitValue, Aggregated text) {
    }

    /** {@code aggregate} (sum by default) of {@code value} in {@code section}; {@code count} needs no value. */
    private Optional<PerUnit> aggregated(Section section, boolean topLevel) {
        return aggregated(section, topLevel, source);
    }

    /** {@link #aggregated(Section, boolean)} of a value over the columns of {@code over}. */
    private Optional<PerUnit> aggregated(Section section, boolean topLevel, Source over) {
        Optional<Aggregate> aggregate = section.text("aggregate").map(name -> Aggregate.named(name).orElseGet(() -> {
            section.error("aggregate", "unknown aggregate '" + name + "': " + String.join(", ", Aggregate.names())
                    + DidYouMean.suffix(name, Aggregate.names()));
            return null;
        }));
        if (section.has("aggregate") && aggregate.isEmpty()) {
            return Optional.empty();
        }
        Aggregate how = aggregate.orElse(Aggregate.SUM);
        if (!how.needsValue()) {
            if (section.has("value")) {
                section.error("value", "aggregate count counts rows: it takes no value");
                return Optional.empty();
            }
            return Optional.of(new PerUnit(how.of(null), new Aggregated(how, null)));
        }
        if (!section.has("value")) {
            errors.add(section.line(), section.key("value"), "missing: the row value to " + how.fileName()
                    + (topLevel ? " (or aggregate: count to count rows)" : ""));
            return Optional.empty();
        }
        return expression("value", section, false, over).map(value -> new PerUnit(how.of((Field<?>) value.part()),
                new Aggregated(how, value.text().strip())));
    }

    /** The expression of {@code key}, its columns noted; empty, with a mistake, when it does not compile. */
    private Optional<SqlExpression<?>> expression(String key, Section section, boolean condition) {
        return expression(key, section, condition, source);
    }

    /** {@link #expression(String, Section, boolean)} over the columns of {@code over}. */
    private Optional<SqlExpression<?>> expression(String key, Section section, boolean condition, Source over) {
        Optional<YamlNode.Scalar> scalar = section.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        try {
            SqlExpression<? extends QueryPart> expression = condition ? SqlExpressions.condition(scalar.get().text())
                    : SqlExpressions.field(scalar.get().text());
            if (over != null) {
                Location where = section.where(key);
                expression.columns().forEach(column -> columns.add(
                        new ColumnReference(over.id(), column, ColumnReference.Role.EXPRESSION, where)));
            }
            return Optional.of(expression);
        } catch (SqlExpressions.InvalidExpression e) {
            errors.add(scalar.get().textLine() + e.line() - 1, section.key(key), e.getMessage());
            return Optional.empty();
        }
    }
}
