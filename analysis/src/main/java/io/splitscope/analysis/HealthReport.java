package io.splitscope.analysis;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.DailyPopulation;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.health.SampleRatioMismatch;
import io.splitscope.stats.health.SrmResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The health of an experiment's data over its analysed period ({@link AnalysisService#health}):
 * the sample-ratio check ({@link SampleRatioMismatch}) of the whole population, of each day's new
 * units and of each segment's units, with the day-by-day crossovers and invalid exposures. Every
 * count follows the population rules of {@code spec/warehouse.md}, as the scorecard's do.
 *
 * @param experiment the experiment
 * @param status     whether there is anything to check
 * @param population the analysed population, as the scorecard counts it
 * @param srm        the sample-ratio check of the whole population
 * @param days       one per calendar day (UTC) from the first day with a row to the last, in order;
 *                   empty without units or when the exposures have no time
 * @param segments   one per value of each dimension, dimension by dimension, values in order; empty without units
 */
public record HealthReport(Experiment experiment, Status status, Population population, SrmResult srm, List<Day> days,
                           List<Segment> segments) {

    /** Whether there is anything to check. */
    public enum Status {
        /** Units are exposed: every check ran. */
        READY,
        /** Nobody is exposed yet: there is no split to check. */
        NO_UNITS;

        /** The status as the API names it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HealthReport {
        days = List.copyOf(days);
        segments = List.copyOf(segments);
    }

    /** A p-value below this flags a mismatch, in every check of the report. */
    public double threshold() {
        return SampleRatioMismatch.THRESHOLD;
    }

    /** The days whose new units fail the sample-ratio check, in order. */
    public List<Day> mismatchedDays() {
        return days.stream().filter(d -> d.srm().mismatch()).toList();
    }

    /**
     * One day.
     *
     * @param counts its new units per variant, new crossovers and invalid exposures
     * @param srm    the sample-ratio check of its new units against the planned weights (NaN p without any)
     */
    public record Day(DailyPopulation counts, SrmResult srm) {
    }

    /**
     * The units of one value of one dimension.
     *
     * @param dimension the dimension's id
     * @param value     the value ({@code unknown} for units without one)
     * @param units     units per variant, in the experiment's order (0 for none)
     * @param srm       their sample-ratio check
     */
    public record Segment(String dimension, String value, Map<String, Long> units, SrmResult srm) {

        public Segment {
            units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }
    }
}
