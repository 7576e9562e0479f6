package io.splitscope.metrics;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * A metric: an immutable definition that compiles to SQL for any supported engine. Build one with
 * {@link #define(String)}:
 *
 * <pre>{@code
 * Metric streamingHours = Metric.define("streaming_hours")
 *         .title("Streaming hours")
 *         .description("Hours watched per member in the 7 days after first exposure.")
 *         .from(PLAYBACK)
 *         .mean(UnitValue.sum(PLAYBACK.column("watch_seconds", SQLDataType.DOUBLE).div(3600.0)))
 *         .window(Window.days(7))
 *         .higherIsBetter()
 *         .build();
 * }</pre>
 *
 * @param id          stable identifier, used by the command line, the API and stored results
 * @param title       human title
 * @param description Markdown description: what it measures and how
 * @param source      the rows it aggregates
 * @param measure     what it measures: a mean, a proportion, a ratio or a quantile
 * @param window      the window after first exposure: required on a source with a timestamp, null on one without
 * @param direction   which way is an improvement
 * @param guardrail   whether it guards against harm rather than measuring the goal
 * @param filter      which events of the source count (e.g. sessions of an hour or more); all by default
 * @param cap         winsorisation of the per-unit values of a mean metric, or null
 * @param covariate   the CUPED covariate of a mean or proportion metric, or null for the default
 *                    ({@link #cupedCovariate()})
 * @param kind        how it was defined ({@code retention}, {@code funnel}, ...); null for the kind of its measure
 * @param eligibility which units a windowed metric counts; null for {@link Eligibility#ELAPSED}
 * @param unitFilter  which units it analyses by their attributes, or null for all
 * @param unit        what its values are counted in ({@code ms}, {@code USD}), for display; null for a plain number
 */
public record Metric(String id, String title, String description, Source source, Measure measure,
                     Window window, Direction direction, boolean guardrail, Condition filter, Cap cap,
                     Covariate covariate, MetricKind kind, Eligibility eligibility, UnitFilter unitFilter,
                     MetricUnit unit) {

    /** A mean, proportion, ratio or quantile metric counting units whose window has elapsed, over all units. */
    public Metric(String id, String title, String description, Source source, Measure measure, Window window,
                  Direction direction, boolean guardrail, Condition filter, Cap cap, Covariate covariate) {
        this(id, title, description, source, measure, window, direction, guardrail, filter, cap, covariate,
                null, null, null, null);
    }

    public Metric {
        Source.requireId("metric", id);
        requireSet(id, "title", title);
        requireSet(id, "description", description);
        requireSet(id, "source (from(...))", source);
        requireSet(id, "measure (mean, proportion, ratio or quantile)", measure);
        if (source.timed() && window == null) {
            throw new IllegalArgumentException("metric " + id + " has no window: source " + source.id()
                    + " has a timestamp, so its rows count only in a window after first exposure");
        }
        if (!source.timed() && window != null) {
            throw new IllegalArgumentException("metric " + id + " has a window, but source " + source.id()
                    + " has no timestamp to place its rows in it");
        }
        requireSet(id, "direction", direction);
        filter = filter == null ? DSL.noCondition() : filter;
        kind = kind == null ? MetricKind.valueOf(measure.type().name()) : kind;
        if ((kind == MetricKind.FUNNEL) != (measure instanceof Measure.Funnel) || kind.type() != measure.type()) {
            throw new IllegalArgumentException("metric " + id + ": a " + kind.jsonName() + " metric cannot be measured as a "
                    + (measure instanceof Measure.Funnel ? "funnel" : measure.type().jsonName()));
        }
        if (kind.needsTimestamp() && !source.timed()) {
            throw new IllegalArgumentException("metric " + id + ": a " + kind.jsonName() + " metric needs a source with a "
                    + "timestamp, and source " + source.id() + " has none");
        }
        eligibility = eligibility == null ? Eligibility.ELAPSED : eligibility;
        if (eligibility == Eligibility.ALL && window == null) {
            throw new IllegalArgumentException("metric " + id + " has no window, so every unit is eligible: "
                    + "eligibility 'all' applies to windowed metrics only");
        }
        if (cap != null && !(measure instanceof Measure.Mean)) {
            throw new IllegalArgumentException("metric " + id + ": only mean metrics can be capped, not a "
                    + measure.type().jsonName() + " metric");
        }
        if (covariate != null && (measure instanceof Measure.Funnel || funnelRow(measure))) {
            throw new IllegalArgumentException("metric " + id + ": a funnel's rows have no CUPED covariate");
        }
        if (covariate != null && !(measure instanceof Measure.Mean || measure instanceof Measure.Proportion)) {
            throw new IllegalArgumentException("metric " + id + ": CUPED applies to mean and proportion metrics only, not a "
                    + measure.type().jsonName() + " metric");
        }
        if (covariate instanceof Covariate.PrePeriod && !source.timed()) {
            throw new IllegalArgumentException("metric " + id + ": its pre-period covariate needs a source with a "
                    + "timestamp, and source " + source.id() + " has none");
        }
        if (measure instanceof Measure.Ratio ratio) {
            requireSet(id, "ratio numerator", ratio.numerator());
            if (ratio.denominator() == null) {
                throw new IllegalArgumentException("metric " + id + ": a ratio needs a denominator");
            }
        }
    }

    private static void requireSet(String id, String what, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("metric " + id + " has no " + what);
        }
    }

    /** Whether this is one of a funnel's rows ({@link #scorecardMetrics()}), which the catalog does not list by id. */
    public boolean isFunnelRow() {
        return funnelRow(measure);
    }

    private static boolean funnelRow(Measure measure) {
        return measure instanceof Measure.Proportion p && p.value() instanceof UnitValue.FunnelReached
                || measure instanceof Measure.Ratio r && r.numerator() instanceof UnitValue.FunnelReached;
    }

    public MetricType type() {
        return measure.type();
    }

    /**
     * Why this metric has no day-by-day series ({@code SeriesQuery}), or empty when it has one: a
     * series follows a mean or proportion over whole days of its window, on all exposed units.
     */
    public java.util.Optional<String> seriesRefusal() {
        String why = measure instanceof Measure.Funnel || funnelRow(measure) ? "it is a funnel's row"
                : !(measure instanceof Measure.Mean || measure instanceof Measure.Proportion) ? "it is a " + kind.jsonName() + " metric"
                : measure instanceof Measure.Mean mean && mean.value() instanceof UnitValue.DistinctDays days && days.perEligibleDay()
                ? "it is an active-day share"
                : !windowed() ? "source " + source.id() + " has no timestamps"
                : !window.wholeDays() ? "its window (" + window.shortText() + ") is not whole days"
                : unitFilter != null ? "it filters units (" + unitFilter.text() + ")"
                : null;
        return java.util.Optional.ofNullable(why).map(reason -> "metric " + id + " has no day-by-day series: " + reason
                + "; series follow mean and proportion metrics over whole days, on all exposed units");
    }

    /**
     * The covariate CUPED uses: the declared one, else the pre-period value on a source with
     * timestamps; empty without either, and for a funnel's rows (their steps are matched in the
     * window only, so CUPED gives the {@code welch_t} result with a note).
     */
    public java.util.Optional<Covariate> cupedCovariate() {
        if (funnelRow(measure)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(covariate != null ? covariate : source.timed() ? Covariate.prePeriod() : null);
    }

    /**
     * The metrics whose rows this metric adds to a scorecard: itself, or for a funnel of k steps,
     * {@code <id>.step1 … <id>.step<k>} (the share of all eligible units that complete steps 1..j, a
     * proportion) and {@code <id>.step<j>_of_<j-1>} (step j's completions over step j−1's, a ratio
     * analysed with the delta method, {@linkplain MetricKind#descriptive() descriptive}), in the
     * order step1, step2, step2_of_1, step3, step3_of_2, ...
     */
    public java.util.List<Metric> scorecardMetrics() {
        if (!(measure instanceof Measure.Funnel funnel)) {
            return java.util.List.of(this);
        }
        java.util.List<Metric> rows = new java.util.ArrayList<>();
        for (int step = 1; step <= funnel.steps().size(); step++) {
            String name = funnel.steps().get(step - 1).name();
            UnitValue reached = new UnitValue.FunnelReached(id, funnel, step);
            rows.add(row(id + ".step" + step, title + " · step " + step + " (" + name + ")",
                    "Share of all eligible units that complete steps 1 to " + step + " of " + title + " in order.",
                    new Measure.Proportion(reached), MetricKind.FUNNEL_STEP));
            if (step > 1) {
                String before = funnel.steps().get(step - 2).name();
                rows.add(row(id + ".step" + step + "_of_" + (step - 1),
                        title + " · " + name + " of " + before,
                        "Units that complete step " + step + " (" + name + ") over those that complete step " + (step - 1)
                                + " (" + before + "), by the delta method. Descriptive: it conditions on what happened "
                                + "after assignment, so it is not tested.",
                        new Measure.Ratio(reached, new UnitValue.FunnelReached(id, funnel, step - 1)),
                        MetricKind.FUNNEL_CONVERSION));
            }
        }
        return java.util.List.copyOf(rows);
    }

    private Metric row(String rowId, String rowTitle, String rowDescription, Measure rowMeasure, MetricKind rowKind) {
        return new Metric(rowId, rowTitle, rowDescription, source, rowMeasure, window, direction, guardrail, filter, null,
                null, rowKind, eligibility, unitFilter, unit);
    }

    /**
     * This metric analysed only for the units that pass {@code filter} too (an experiment's
     * {@code unit_filter}, before the metric's own); this metric when {@code filter} is null.
     */
    public Metric restrictedTo(UnitFilter filter) {
        if (filter == null) {
            return this;
        }
        return new Metric(id, title, description, source, measure, window, direction, guardrail, filter(), cap, covariate,
                kind, eligibility, filter.and(unitFilter), unit);
    }

    /** The window as a short text ({@link Window#shortText}), or {@code "all rows"} for a metric without one. */
    public String windowText() {
        return windowed() ? window.shortText() : "all rows";
    }

    /** Days from first exposure to the end of the window; 0 for a metric without one (every unit is complete). */
    public int windowEndDays() {
        return windowed() ? window.endDays() : 0;
    }

    /** Whether rows count in a window after first exposure (a source with a timestamp), or all of them. */
    public boolean windowed() {
        return window != null;
    }

    /** Starts the definition of a metric with this stable id. */
    public static Builder define(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Metric}; {@link #build()} names what is missing. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private Source source;
        private Measure measure;
        private Window window;
        private Direction direction;
        private boolean guardrail;
        private Condition filter;
        private Cap cap;
        private Covariate covariate;
        private MetricKind kind;
        private Eligibility eligibility;
        private UnitFilter unitFilter;
        private Boolean activeDayShare;
        private MetricUnit unit;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String markdown) {
            this.description = markdown;
            return this;
        }

        public Builder from(Source source) {
            this.source = source;
            return this;
        }

        /** Counts only the rows for which {@code condition} holds (over {@link Source#column} fields). */
        public Builder where(Condition condition) {
            this.filter = condition;
            return this;
        }

        /** Winsorises the per-unit values (mean metrics only). */
        public Builder capped(Cap cap) {
            this.cap = cap;
            return this;
        }

        /** The CUPED covariate (mean and proportion metrics): {@link Covariate#unitLevel} or the default pre-period value. */
        public Builder covariate(Covariate covariate) {
            this.covariate = covariate;
            return this;
        }

        /**
         * Which units the windowed metric counts: {@link Eligibility#ELAPSED} (the default) or
         * {@link Eligibility#ALL}, where days not yet reached count as nothing.
         */
        public Builder eligibility(Eligibility eligibility) {
            this.eligibility = eligibility;
            return this;
        }

        /** Analyses only the units that pass {@code filter} (the population and its SRM check stay whole). */
        public Builder unitFilter(UnitFilter filter) {
            this.unitFilter = filter;
            return this;
        }

        public Builder mean(UnitValue value) {
            return measure(new Measure.Mean(value), null);
        }

        /**
         * Retention: the share of units with a row in {@code [first_exposed_at + start, first_exposed_at + end)}
         * (sets the window; day 7 is {@code retention(Duration.ofDays(7), Duration.ofDays(8))}).
         */
        public Builder retention(java.time.Duration start, java.time.Duration end) {
            this.window = Window.between(start, end);
            return measure(new Measure.Proportion(UnitValue.any()), MetricKind.RETENTION);
        }

        /** Conversion: the share of units with a row within {@code within} of first exposure (sets the window). */
        public Builder conversionWithin(java.time.Duration within) {
            this.window = new Window(within, java.time.Duration.ZERO);
            return measure(new Measure.Proportion(UnitValue.any()), MetricKind.CONVERSION);
        }

        /** The mean number of distinct non-NULL values of {@code value} per unit. */
        public Builder countDistinct(org.jooq.Field<?> value) {
            return measure(new Measure.Mean(UnitValue.countDistinct(value)), MetricKind.COUNT_DISTINCT);
        }

        /** {@link #countDistinct} with the engine's HyperLogLog estimate where it has one. */
        public Builder countDistinctApproximately(org.jooq.Field<?> value) {
            return measure(new Measure.Mean(UnitValue.approximateCountDistinct(value)), MetricKind.COUNT_DISTINCT);
        }

        /** The mean number of distinct UTC dates with a row, over the source's timestamp. */
        public Builder activeDays() {
            this.activeDayShare = false;
            return measure(null, MetricKind.ACTIVE_DAYS);
        }

        /** Daily participation: active days over the UTC dates the window touches (at most 1). */
        public Builder activeDayShare() {
            this.activeDayShare = true;
            return measure(null, MetricKind.ACTIVE_DAYS);
        }

        /** The share of units whose per-unit {@code value} is at least {@code atLeast} (e.g. spent at least 50). */
        public Builder threshold(UnitValue value, double atLeast) {
            return measure(new Measure.Proportion(UnitValue.atLeast(value, atLeast)), MetricKind.THRESHOLD);
        }

        /** A funnel of at least two steps ({@link Measure.Funnel}); a scorecard shows its rows ({@link Metric#scorecardMetrics()}). */
        public Builder funnel(Measure.Funnel.Step... steps) {
            return measure(new Measure.Funnel(java.util.List.of(steps)), MetricKind.FUNNEL);
        }

        private Builder measure(Measure measure, MetricKind kind) {
            this.measure = measure;
            this.kind = kind;
            this.activeDayShare = kind == MetricKind.ACTIVE_DAYS ? activeDayShare : null;
            return this;
        }

        /** A proportion: the share of units with at least one row. */
        public Builder proportionWithAnyEvent() {
            return measure(new Measure.Proportion(new UnitValue.Any()), null);
        }

        /** A proportion: the share of units whose per-unit {@code value} is positive. */
        public Builder proportionPositive(UnitValue value) {
            return measure(new Measure.Proportion(new UnitValue.Positive(value)), null);
        }

        public Builder ratio(UnitValue numerator, UnitValue denominator) {
            return measure(new Measure.Ratio(numerator, denominator), null);
        }

        public Builder quantile(org.jooq.Field<Double> eventValue, double level) {
            return measure(new Measure.Quantile(eventValue, level), null);
        }

        public Builder window(Window window) {
            this.window = window;
            return this;
        }

        public Builder higherIsBetter() {
            this.direction = Direction.HIGHER_IS_BETTER;
            return this;
        }

        public Builder lowerIsBetter() {
            this.direction = Direction.LOWER_IS_BETTER;
            return this;
        }

        /** The unit its values are counted in, for display: {@code ms}, {@code h}, {@code sessions}. */
        public Builder unit(String symbol) {
            this.unit = MetricUnit.of(symbol);
            return this;
        }

        /** The currency of a money metric, by its ISO 4217 code ({@code USD}, {@code EUR}). */
        public Builder currency(String isoCode) {
            this.unit = MetricUnit.currency(isoCode);
            return this;
        }

        /** Marks the metric as a guardrail: it must not get worse. */
        public Builder guardrail() {
            this.guardrail = true;
            return this;
        }

        public Metric build() {
            Measure built = measure;
            if (activeDayShare != null) {
                if (source == null || !source.timed()) {
                    throw new IllegalArgumentException("metric " + id + ": active days need a source with a timestamp");
                }
                built = new Measure.Mean(new UnitValue.DistinctDays(source.timestampColumn().orElseThrow(), activeDayShare));
            }
            return new Metric(id, title, description, source, built, window, direction, guardrail, filter, cap, covariate,
                    kind, eligibility, unitFilter, unit);
        }
    }
}
