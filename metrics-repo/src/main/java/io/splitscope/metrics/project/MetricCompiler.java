package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Covariate;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.project.MetricDescriptions.Aggregated;
import io.splitscope.metrics.project.MetricDescriptions.Rows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            "window", "cap", "covariate", "direction", "numerator", "denominator", "quantile", "start", "end", "within",
            "steps", "approximate", "per_eligible_day", "at_least", "eligibility", "unit", "currency", UnitFilters.KEY);
    private static final Set<String> PART_KEYS = Set.of("value", "aggregate");
    private static final Set<String> CAP_KEYS = Set.of("quantile_low", "quantile", "value");
    private static final Set<String> COVARIATE_KEYS = Set.of("source", "value", "aggregate");
    private static final Set<String> STEP_KEYS = Set.of("name", "filter");
    /** The {@code type:} of the file, in the order of {@code spec/project.md} and {@code spec/metric-types.md}. */
    static final List<String> TYPES = List.of("mean", "proportion", "ratio", "quantile", "retention", "conversion",
            "funnel", "count_distinct", "active_days", "threshold");
    private static final String TYPE_NAMES = String.join(", ", TYPES.subList(0, TYPES.size() - 1)) + " or " + TYPES.getLast();
    /** The keys only one type has, and how messages name them. */
    private static final Map<String, TypeKey> TYPE_KEYS = Map.of(
            "numerator", new TypeKey("ratio", "a numerator"), "denominator", new TypeKey("ratio", "a denominator"),
            "quantile", new TypeKey("quantile", "a quantile level"), "start", new TypeKey("retention", "a start"),
            "end", new TypeKey("retention", "an end"), "within", new TypeKey("conversion", "a within"),
            "steps", new TypeKey("funnel", "steps"), "approximate", new TypeKey("count_distinct", "approximate"),
            "per_eligible_day", new TypeKey("active_days", "per_eligible_day"),
            "at_least", new TypeKey("threshold", "at_least"));
    /** The types that count units with a qualifying row, and so take no value (their filter says which rows qualify). */
    private static final Set<String> ROW_COUNTING = Set.of("retention", "conversion", "funnel", "active_days");
    /** The types whose per-unit values are averaged, and so may be capped. */
    private static final Set<String> CAPPABLE = Set.of("mean", "count_distinct", "active_days");
    private static final List<String> DIRECTIONS = List.of("higher", "lower");
    private static final List<String> ELIGIBILITIES = List.of("elapsed", "all");
    /** The CUPED covariate of a metric with timestamps (the default). */
    static final String PRE_PERIOD = "pre_period";

    private final Section entry;
    private final String id;
    private final Declared<Source> sources;
    private final Declared<Dimension> dimensions;
    private final List<ColumnReference> columns;
    private final ConfigErrors errors;
    private Source source;

    private MetricCompiler(String id, Section entry, Declared<Source> sources, Declared<Dimension> dimensions,
                           List<ColumnReference> columns) {
        this.id = id;
        this.entry = entry;
        this.sources = sources;
        this.dimensions = dimensions;
        this.columns = columns;
        this.errors = entry.errors();
    }

    /** A key of one type only ({@code within} of a conversion), and how messages name it ({@code a within}). */
    private record TypeKey(String type, String what) {
    }

    /**
     * The metric {@code id} of {@code entry}, or empty when the entry has mistakes (all of them in
     * the entry's errors). The columns its expressions name are added to {@code columns}; its
     * {@code unit_filter} reads {@code dimensions}.
     */
    static Optional<Metric> compile(String id, Section entry, Declared<Source> sources, Declared<Dimension> dimensions,
                                    List<ColumnReference> columns) {
        return new MetricCompiler(id, entry, sources, dimensions, columns).compile();
    }

    private Optional<Metric> compile() {
        int before = errors.count();
        source = sources.find(entry, "source", "the source whose rows the metric aggregates").orElse(null);
        Optional<String> type = entry.required("type", TYPE_NAMES).filter(t -> {
            boolean known = TYPES.contains(t);
            if (!known) {
                entry.error("type", "unknown metric type '" + t + "': " + TYPE_NAMES + DidYouMean.suffix(t, TYPES));
            }
            return known;
        });
        type.ifPresent(this::refuseKeysOfOtherTypes);
        MetricKind kind = type.map(MetricKind::fromJsonName).orElse(null);
        if (kind != null && kind.needsTimestamp() && source != null && !source.timed()) {
            entry.error("type", "type " + type.get() + " places rows in time, and source '" + source.id()
                    + "' has no timestamp");
        }
        Direction direction = direction();
        MetricUnit unit = unit();
        Window window = window(type.orElse(null));
        Eligibility eligibility = eligibility(window);
        @SuppressWarnings("unchecked")
        SqlExpression<Condition> filter = (SqlExpression<Condition>) expression("filter", entry, true).orElse(null);
        UnitFilter unitFilter = UnitFilters.compile(entry, dimensions).orElse(null);
        Cap cap = cap(type.orElse(null));
        Covariate covariate = covariate(type.orElse(null));
        Optional<Compiled> measure = type.flatMap(this::measure);
        if (errors.count() > before || source == null || measure.isEmpty()) {
            return Optional.empty();
        }
        Rows rows = new Rows(source.id(), filter == null ? null : filter.text(), window);
        String description = entry.text("description").orElseGet(() -> measure.get().describe(rows, cap)
                + MetricDescriptions.units(eligibility, unitFilter));
        try {
            return Optional.of(new Metric(id, entry.text("title").orElse(id), description, source, measure.get().measure,
                    window, direction, false, filter == null ? null : filter.part(), cap, covariate, kind, eligibility,
                    unitFilter, unit));
        } catch (IllegalArgumentException e) {
            errors.add(entry.line(), entry.path(), e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code numerator} on a mean, {@code within} on a retention, ...: each a mistake at its line. */
    private void refuseKeysOfOtherTypes(String type) {
        TYPE_KEYS.forEach((key, owner) -> {
            if (!owner.type().equals(type) && entry.has(key)) {
                entry.error(key, "only " + owner.type() + " metrics have " + owner.what() + ", not " + aMetric(type));
            }
        });
        if (ROW_COUNTING.contains(type)) {
            for (String key : List.of("value", "aggregate")) {
                if (entry.has(key)) {
                    entry.error(key, aMetric(type) + " counts units by their qualifying rows: it has no " + key
                            + " ('filter' says which rows qualify)");
                }
            }
        }
    }

    /** {@code a retention metric}, {@code an active_days metric}. */
    private static String aMetric(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + " metric";
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

    /** The {@code unit:} or {@code currency:} of the entry (not both), or null without either or with a mistake. */
    private MetricUnit unit() {
        Optional<String> unit = entry.text("unit");
        Optional<String> currency = entry.text("currency");
        if (unit.isPresent() && currency.isPresent()) {
            entry.error("currency", "a metric has a unit or a currency, not both (unit '" + unit.get() + "')");
            return null;
        }
        String key = currency.isPresent() ? "currency" : "unit";
        try {
            return currency.map(MetricUnit::currency).or(() -> unit.map(MetricUnit::of)).orElse(null);
        } catch (IllegalArgumentException e) {
            entry.error(key, e.getMessage());
            return null;
        }
    }

    /**
     * The window: a retention's {@code [start, end)}, a conversion's {@code within}, else
     * {@code window}, which a source with a timestamp needs and one without refuses; null with a
     * mistake, on a source without a timestamp, or for an unknown type.
     */
    private Window window(String type) {
        if (type == null) {
            return null;
        }
        if (type.equals("retention") || type.equals("conversion")) {
            if (entry.has("window")) {
                entry.error("window", type.equals("retention")
                        ? "a retention metric has a start and an end instead of a window (day 7 is start: 7d, end: 8d)"
                        : "a conversion metric has a within instead of a window (e.g. within: 24h)");
            }
            return type.equals("retention") ? retentionDay()
                    : duration("within", false, "how long after first exposure a conversion counts (e.g. 24h)")
                            .map(within -> new Window(within, Duration.ZERO)).orElse(null);
        }
        Optional<Duration> length = Durations.read(entry, "window", false);
        if (source == null || length.isEmpty() && entry.has("window")) {
            return null;
        }
        if (!source.timed()) {
            if (length.isPresent()) {
                entry.error("window", "source '" + source.id() + "' has no timestamp: every row counts, so the metric has no window");
            }
            return null;
        }
        if (length.isEmpty()) {
            errors.add(entry.line(), entry.key("window"), "missing: source '" + source.id()
                    + "' has a timestamp, so the metric counts rows in a window after first exposure (e.g. 14d)");
            return null;
        }
        return new Window(length.get(), Duration.ZERO);
    }

    /** A retention's {@code [start, end)} after first exposure. */
    private Window retentionDay() {
        Optional<Duration> start = duration("start", true, "when the retention day starts after first exposure (day 7: start: 7d)");
        Optional<Duration> end = duration("end", false, "when the retention day ends after first exposure (day 7: end: 8d)");
        if (start.isEmpty() || end.isEmpty()) {
            return null;
        }
        if (end.get().compareTo(start.get()) <= 0) {
            entry.error("end", "a retention's end (" + Window.words(end.get()) + ") must come after its start ("
                    + Window.words(start.get()) + ")");
            return null;
        }
        return Window.between(start.get(), end.get());
    }

    /** The duration of {@code key}, which must be there ({@code what} says what it is). */
    private Optional<Duration> duration(String key, boolean zeroAllowed, String what) {
        return entry.has(key) ? Durations.read(entry, key, zeroAllowed) : missing(key, what);
    }

    /** Which units a windowed metric counts; {@code elapsed} by default. */
    private Eligibility eligibility(Window window) {
        Optional<String> text = entry.text("eligibility");
        if (text.isEmpty()) {
            return null;
        }
        if (!ELIGIBILITIES.contains(text.get())) {
            entry.error("eligibility", "unknown eligibility '" + text.get() + "': elapsed or all"
                    + DidYouMean.suffix(text.get(), ELIGIBILITIES));
            return null;
        }
        if (window == null && source != null && !source.timed()) {
            entry.error("eligibility", "source '" + source.id() + "' has no timestamp, so the metric has no window and "
                    + "every unit is eligible: eligibility applies to windowed metrics only");
            return null;
        }
        return Eligibility.fromJsonName(text.get());
    }

    /** {@code {quantile: q}}, {@code {quantile_low: q1, quantile: q2}} or {@code {value: x}}, on averaged types only. */
    private Cap cap(String type) {
        Optional<YamlNode> node = entry.node("cap");
        if (node.isEmpty()) {
            return null;
        }
        if (type != null && !CAPPABLE.contains(type)) {
            entry.error("cap", "only averaged metrics (mean, count_distinct, active_days) can be capped, not a "
                    + type + " metric");
            return null;
        }
        Optional<Section> cap = Section.of(node.get(), entry.key("cap"), entry.line("cap"), errors, CAP_KEYS,
                "a cap ({quantile: q}, {quantile_low: q1, quantile: q2} or {value: x})");
        if (cap.isEmpty()) {
            return null;
        }
        boolean quantiles = cap.get().has("quantile") || cap.get().has("quantile_low");
        if (quantiles == cap.get().has("value")) {
            entry.error("cap", "a cap is {quantile: q}, {quantile_low: q1, quantile: q2} or {value: x}: give quantiles "
                    + "or a value");
            return null;
        }
        if (!quantiles) {
            return cap.get().number("value").map(Cap::above).orElse(null);
        }
        Optional<Double> low = level(cap.get(), "quantile_low");
        Optional<Double> high = level(cap.get(), "quantile");
        if (cap.get().has("quantile_low") && low.isEmpty() || cap.get().has("quantile") && high.isEmpty()) {
            return null;
        }
        if (low.isPresent() && high.isPresent() && low.get() >= high.get()) {
            cap.get().error("quantile_low", "the lower quantile " + low.get() + " is not below the upper one " + high.get());
            return null;
        }
        return new Cap.Percentile(low.orElse(null), high.orElse(null));
    }

    /** A cap's quantile level of {@code key}, strictly between 0 and 1. */
    private static Optional<Double> level(Section cap, String key) {
        return cap.has(key) ? cap.number(key).filter(q -> {
            boolean valid = q > 0 && q < 1;
            if (!valid) {
                cap.error(key, "a cap's quantile lies strictly between 0 and 1, not " + q);
            }
            return valid;
        }) : Optional.empty();
    }

    /** The declared CUPED covariate; null for the default, or with a mistake. */
    private Covariate covariate(String type) {
        Optional<YamlNode> node = entry.node("covariate");
        if (node.isEmpty()) {
            return null;
        }
        if ("ratio".equals(type) || "quantile".equals(type)) {
            entry.error("covariate", "CUPED applies to mean and proportion metrics only, not to a " + type + " metric");
        } else if ("funnel".equals(type)) {
            entry.error("covariate", "a funnel's rows have no CUPED covariate: their steps are matched in the window only");
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
        return switch (type) {
            case "mean" -> aggregated(entry, true).map(v -> new Compiled(new Measure.Mean(v.unitValue),
                    (rows, cap) -> MetricDescriptions.mean(v.text, rows, cap)));
            case "proportion" -> proportion();
            case "ratio" -> ratio();
            case "quantile" -> quantile();
            case "retention" -> Optional.of(new Compiled(new Measure.Proportion(UnitValue.any()),
                    (rows, cap) -> MetricDescriptions.retention(rows)));
            case "conversion" -> Optional.of(new Compiled(new Measure.Proportion(UnitValue.any()),
                    (rows, cap) -> MetricDescriptions.conversion(rows)));
            case "funnel" -> funnel();
            case "count_distinct" -> countDistinct();
            case "active_days" -> activeDays();
            case "threshold" -> threshold();
            default -> Optional.empty();
        };
    }

    /** {@code steps:} at least two, each a filter or {@code {name, filter}}; a step's name is its filter by default. */
    private Optional<Compiled> funnel() {
        Optional<YamlNode> node = entry.node("steps");
        if (node.isEmpty()) {
            return missing("steps", "the funnel's steps, a list of at least two filters or {name, filter}");
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            entry.error("steps", "a funnel's steps are a list of filters or {name, filter}, not " + node.get().describe());
            return Optional.empty();
        }
        List<Measure.Funnel.Step> steps = new ArrayList<>();
        Map<String, Integer> named = new HashMap<>();
        boolean complete = true;
        for (int number = 1; number <= sequence.items().size(); number++) {
            YamlNode item = sequence.items().get(number - 1);
            Optional<Measure.Funnel.Step> step = step(item, number);
            Integer earlier = step.isEmpty() ? null : named.putIfAbsent(step.get().name(), number);
            if (earlier != null) {
                errors.add(item.line(), entry.key("steps"), "step " + number + " has the name '" + step.get().name()
                        + "' of step " + earlier + ": give each step its own name ({name: ..., filter: ...})");
            }
            complete &= step.isPresent() && earlier == null;
            step.ifPresent(steps::add);
        }
        if (sequence.items().size() < 2) {
            entry.error("steps", "a funnel has at least two steps, not " + sequence.items().size());
            return Optional.empty();
        }
        if (!complete) {
            return Optional.empty();
        }
        List<String> names = steps.stream().map(Measure.Funnel.Step::name).toList();
        return Optional.of(new Compiled(new Measure.Funnel(steps), (rows, cap) -> MetricDescriptions.funnel(names, rows)));
    }

    /** A funnel step: a filter (named by its text) or {@code {name, filter}}. */
    private Optional<Measure.Funnel.Step> step(YamlNode item, int number) {
        if (item instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return expression(scalar, entry, "steps", true, source)
                    .map(filter -> Measure.Funnel.Step.of(MetricDescriptions.oneLine(scalar.text()), (Condition) filter.part()));
        }
        if (!(item instanceof YamlNode.Mapping)) {
            errors.add(item.line(), entry.key("steps"), "step " + number + " is a filter or {name, filter}, not "
                    + item.describe());
            return Optional.empty();
        }
        Section step = Section.of(item, entry.key("steps") + "[" + number + "]", item.line(), errors, STEP_KEYS,
                "a funnel step").orElseThrow();
        Optional<String> name = step.text("name");
        Optional<SqlExpression<?>> filter = step.has("filter") ? expression("filter", step, true)
                : missing(step, "filter", "the rows that pass step " + number);
        if (filter.isEmpty() || step.has("name") && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Measure.Funnel.Step.of(name.orElseGet(() -> MetricDescriptions.oneLine(filter.get().text())),
                (Condition) filter.get().part()));
    }

    /** {@code value} distinct per unit, estimated with {@code approximate: true}. */
    private Optional<Compiled> countDistinct() {
        if (entry.has("aggregate")) {
            entry.error("aggregate", "a count_distinct metric counts the distinct values of its value: it has no aggregate");
        }
        Optional<Boolean> approximate = entry.has("approximate") ? entry.bool("approximate") : Optional.of(false);
        Optional<SqlExpression<?>> value = entry.has("value") ? expression("value", entry, false)
                : missing("value", "the row value whose distinct values are counted");
        if (value.isEmpty() || approximate.isEmpty()) {
            return Optional.empty();
        }
        Field<?> field = (Field<?>) value.get().part();
        return Optional.of(new Compiled(new Measure.Mean(approximate.get() ? UnitValue.approximateCountDistinct(field)
                : UnitValue.countDistinct(field)), (rows, cap) -> MetricDescriptions.countDistinct(
                        new Aggregated(Aggregate.COUNT_DISTINCT, value.get().text().strip()), approximate.get(), rows, cap)));
    }

    /** Distinct UTC dates with a qualifying row, or with {@code per_eligible_day: true} their share of the window's dates. */
    private Optional<Compiled> activeDays() {
        Optional<Boolean> share = entry.has("per_eligible_day") ? entry.bool("per_eligible_day") : Optional.of(false);
        if (share.isEmpty() || source == null || !source.timed()) {
            return Optional.empty();
        }
        return Optional.of(new Compiled(new Measure.Mean(new UnitValue.DistinctDays(source.timestampColumn().orElseThrow(),
                share.get())), (rows, cap) -> MetricDescriptions.activeDays(share.get(), rows, cap)));
    }

    /** 1 when the unit's aggregated value reaches {@code at_least}. */
    private Optional<Compiled> threshold() {
        Optional<Double> atLeast = entry.has("at_least") ? entry.number("at_least").filter(level -> {
            if (level <= 0) {
                entry.error("at_least", "a threshold must be positive, not " + level
                        + ": units without rows have the value 0 and count as not reaching it");
            }
            return level > 0;
        })
                : missing("at_least", "the value a unit reaches to count (e.g. at_least: 50)");
        Optional<PerUnit> value = aggregated(entry, true);
        if (atLeast.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Compiled(new Measure.Proportion(UnitValue.atLeast(value.get().unitValue, atLeast.get())),
                (rows, cap) -> MetricDescriptions.threshold(value.get().text, atLeast.get(), rows)));
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
        return missing(entry, key, what);
    }

    private <T> Optional<T> missing(Section section, String key, String what) {
        errors.add(section.line(), section.key(key), "missing: " + what);
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
        return section.scalar(key).flatMap(scalar -> expression(scalar, section, key, condition, over));
    }

    /** The expression {@code scalar}, written at {@code key} of {@code section} (alone or in a list). */
    private Optional<SqlExpression<?>> expression(YamlNode.Scalar scalar, Section section, String key, boolean condition,
                                                  Source over) {
        try {
            SqlExpression<? extends QueryPart> expression = condition ? SqlExpressions.condition(scalar.text())
                    : SqlExpressions.field(scalar.text());
            if (over != null) {
                Location where = section.errors().at(scalar.line(), section.key(key));
                expression.columns().forEach(column -> columns.add(
                        new ColumnReference(over.id(), column, ColumnReference.Role.EXPRESSION, where)));
            }
            return Optional.of(expression);
        } catch (SqlExpressions.InvalidExpression e) {
            section.error(key, scalar, e);
            return Optional.empty();
        }
    }
}
