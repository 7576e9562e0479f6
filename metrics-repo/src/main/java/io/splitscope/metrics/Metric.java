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
 */
public record Metric(String id, String title, String description, Source source, Measure measure,
                     Window window, Direction direction, boolean guardrail, Condition filter, Cap cap,
                     Covariate covariate) {

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
        if (cap != null && !(measure instanceof Measure.Mean)) {
            throw new IllegalArgumentException("metric " + id + ": only mean metrics can be capped, not a "
                    + measure.type().jsonName() + " metric");
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

    public MetricType type() {
        return measure.type();
    }

    /**
     * The covariate CUPED uses: the declared one, else the pre-period value on a source with
     * timestamps; empty without either.
     */
    public java.util.Optional<Covariate> cupedCovariate() {
        return java.util.Optional.ofNullable(covariate != null ? covariate : source.timed() ? Covariate.prePeriod() : null);
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

        public Builder mean(UnitValue value) {
            this.measure = new Measure.Mean(value);
            return this;
        }

        /** A proportion: the share of units with at least one row. */
        public Builder proportionWithAnyEvent() {
            this.measure = new Measure.Proportion(new UnitValue.Any());
            return this;
        }

        /** A proportion: the share of units whose per-unit {@code value} is positive. */
        public Builder proportionPositive(UnitValue value) {
            this.measure = new Measure.Proportion(new UnitValue.Positive(value));
            return this;
        }

        public Builder ratio(UnitValue numerator, UnitValue denominator) {
            this.measure = new Measure.Ratio(numerator, denominator);
            return this;
        }

        public Builder quantile(org.jooq.Field<Double> eventValue, double level) {
            this.measure = new Measure.Quantile(eventValue, level);
            return this;
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

        /** Marks the metric as a guardrail: it must not get worse. */
        public Builder guardrail() {
            this.guardrail = true;
            return this;
        }

        public Metric build() {
            return new Metric(id, title, description, source, measure, window, direction, guardrail, filter, cap, covariate);
        }
    }
}
