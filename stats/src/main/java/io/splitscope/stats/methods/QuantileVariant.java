package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.ResultStatus;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One variant of a quantile comparison, prepared once: a working copy of its event values (the
 * sample's arrays are never modified), whether they are all finite, and the exact type-7
 * percentile. The copy is left partially ordered by selection, so that further order statistics
 * are cheap.
 */
final class QuantileVariant {

    final QuantileSample sample;
    final double level;
    final int units;
    final int events;
    /** A working copy of the values, partially ordered by selections. */
    final double[] work;
    final boolean finite;
    /** The exact type-7 percentile, NaN if there are no events or a value is not finite. */
    final double quantile;
    /** The smallest and largest value. */
    final double min;
    final double max;

    private QuantileVariant(QuantileSample sample) {
        this.sample = sample;
        this.level = sample.level();
        this.units = sample.units();
        double[] values = sample.values();
        this.events = values.length;
        this.work = new double[events];
        boolean allFinite = true;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < events; i++) {
            double v = values[i];
            work[i] = v;
            if (!Double.isFinite(v)) {
                allFinite = false;
            }
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        this.finite = allFinite;
        this.min = lo;
        this.max = hi;
        this.quantile = allFinite && events > 0 ? Selection.type7(work, level) : Double.NaN;
    }

    /** The same events at another level, sharing the working copy (it holds the same values). */
    private QuantileVariant(QuantileVariant events, QuantileSample sample) {
        this.sample = sample;
        this.level = sample.level();
        this.units = events.units;
        this.events = events.events;
        this.work = events.work;
        this.finite = events.finite;
        this.min = events.min;
        this.max = events.max;
        this.quantile = finite && this.events > 0 ? Selection.type7(work, level) : Double.NaN;
    }

    static QuantileVariant of(QuantileSample sample) {
        return new QuantileVariant(sample);
    }

    /**
     * This variant's events at {@code sample}'s level, without copying them again: {@code sample}
     * must hold the same arrays. Selections in the shared copy find the same order statistics
     * whatever order earlier selections left it in.
     */
    QuantileVariant atLevel(QuantileSample sample) {
        if (sample.values() != this.sample.values() || sample.unitOffsets() != this.sample.unitOffsets()) {
            throw new IllegalArgumentException("atLevel needs a sample of the same events (the same arrays)");
        }
        return new QuantileVariant(this, sample);
    }

    /** Whether every event has the same value. */
    boolean constant() {
        return min == max;
    }

    /**
     * The comparison of {@code control} with {@code treatment} by a quantile method: checks the
     * arguments, prepares both variants and gives the {@linkplain #degenerate degenerate} result if
     * there is one, else {@code test}'s.
     *
     * @throws IllegalArgumentException if the samples are of different percentiles
     */
    static ComparisonResult compare(QuantileSample control, QuantileSample treatment, ConfidenceLevel level,
            BiFunction<QuantileVariant, QuantileVariant, ComparisonResult> test) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(level, "level");
        checkSameLevel(control, treatment);
        QuantileVariant c = of(control);
        QuantileVariant t = of(treatment);
        ComparisonResult degenerate = degenerate(c, t);
        return degenerate != null ? degenerate : test.apply(c, t);
    }

    /** The two variants' samples must be of the same percentile. */
    static void checkSameLevel(QuantileSample control, QuantileSample treatment) {
        if (control.level() != treatment.level()) {
            throw new IllegalArgumentException("the control's quantile level " + control.level()
                    + " differs from the treatment's " + treatment.level());
        }
    }

    /**
     * The result for degenerate data, checked in this order, or null if there is none:
     * {@link ResultStatus#NON_FINITE} (a value is NaN or infinite), {@link ResultStatus#EMPTY_ARM}
     * (no units, or units without a single value), {@link ResultStatus#TOO_FEW_UNITS} (a single
     * unit: values and effects only), {@link ResultStatus#ZERO_VARIANCE} (every value of both
     * variants is the same one: values and effects only).
     */
    static ComparisonResult degenerate(QuantileVariant c, QuantileVariant t) {
        if (!c.finite || !t.finite) {
            return Degenerate.nonFiniteValues(c.finite, t.finite, c.quantile, t.quantile);
        }
        if (c.units == 0 || t.units == 0) {
            return Degenerate.emptyArm(c.units, t.units, c.quantile, t.quantile);
        }
        if (c.events == 0 || t.events == 0) {
            String which = c.events == 0 && t.events == 0 ? "Neither variant has"
                    : c.events == 0 ? "The control has" : "The treatment has";
            return Degenerate.valuesOnly(ResultStatus.EMPTY_ARM, which + (which.startsWith("Neither") ? " any value"
                    : " units but not a single value") + ", so there is no percentile to compare.",
                    c.quantile, t.quantile);
        }
        if (c.units < 2 || t.units < 2) {
            return Degenerate.tooFewUnits(c.units, t.units,
                    "resampling units, and so an interval and a p-value, need at least 2.", c.quantile, t.quantile);
        }
        if (c.constant() && t.constant()) {
            return Degenerate.effectsOnly(ResultStatus.ZERO_VARIANCE, "Every value of each variant is the same"
                    + " (zero variance in both), so there is no interval or p-value.", c.quantile, t.quantile);
        }
        return null;
    }
}
