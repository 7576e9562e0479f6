package io.splitscope.app.web.common;

import io.splitscope.analysis.Readiness;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.health.SampleRatioMismatch;
import io.splitscope.stats.health.SrmResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The health checks of an experiment's data, each with a level, a short badge label and a
 * sentence that says what it means and what to do. One place for the thresholds, shared by the
 * experiments list (badges) and the scorecard (banners):
 * <ul>
 *   <li><b>Waiting</b>: nothing to compare yet — no exposures, or a variant without units
 *       ({@link Readiness}) — a note that says what the scorecard waits for, in place of the
 *       sample-ratio check;</li>
 *   <li><b>Sample ratio mismatch</b>: the chi-square test of the split against the planned
 *       weights ({@link SrmResult#mismatch()}) — a failure;</li>
 *   <li><b>Crossovers</b>: units exposed to more than one variant, excluded — a warning above
 *       {@value #CROSSOVER_WARNING_SHARE} of the exposed units, else a note when there are any;</li>
 *   <li><b>Invalid exposures</b>: exposure rows naming a variant the experiment does not have,
 *       dropped — a warning above {@value #INVALID_WARNING_SHARE} of the analysed units, else a note;</li>
 *   <li><b>Incomplete windows</b>: units whose metric window had not elapsed by the end date, left
 *       out of those metrics — a note (expected while an experiment runs).</li>
 * </ul>
 *
 * @param kind   which check
 * @param level  how serious
 * @param label  the badge text, e.g. {@code SRM} or {@code 12 crossovers}
 * @param detail what it means and what to do
 */
public record HealthCheck(Kind kind, Level level, String label, String detail) {

    /** Crossover share of exposed units above which crossovers are a warning. */
    public static final double CROSSOVER_WARNING_SHARE = 0.01;
    /** Invalid exposure rows, as a share of analysed units, above which they are a warning. */
    public static final double INVALID_WARNING_SHARE = 0.01;

    /** The checks. */
    public enum Kind {
        /** Nothing to compare yet. */
        WAITING,
        /** The observed split against the planned weights. */
        SRM,
        /** Units in more than one variant. */
        CROSSOVERS,
        /** Exposures with an unknown variant. */
        INVALID_EXPOSURES,
        /** Units whose window had not elapsed. */
        INCOMPLETE_WINDOWS
    }

    /** How serious a check's finding is. */
    public enum Level {
        /** Nothing to worry about. */
        OK("ss-health-ok"),
        /** Worth knowing; results stand. */
        NOTE("ss-health-note"),
        /** Look into it; results may be affected. */
        WARNING("ss-health-warning"),
        /** Do not trust the results until it is explained. */
        FAILURE("ss-health-failure");

        private final String className;

        Level(String className) {
            this.className = className;
        }

        /** The CSS class of a badge or banner at this level. */
        public String className() {
            return className;
        }
    }

    /** What a sample ratio mismatch is called, at the head of its sentence. */
    public static final String SRM_MISMATCH_HEAD = "Sample ratio mismatch: ";

    /** The sample-ratio check. */
    public static HealthCheck srm(SrmResult srm) {
        if (srm.mismatch()) {
            return new HealthCheck(Kind.SRM, Level.FAILURE, "SRM", SRM_MISMATCH_HEAD + srmMismatch(srm));
        }
        return new HealthCheck(Kind.SRM, Level.OK, "Split OK", "Split as planned (" + srmStatistic(srm) + ")");
    }

    /** The sample-ratio test's statistic against its threshold, e.g. {@code χ² = 0.6568, p = 0.418 ≥ 0.001 threshold}. */
    public static String srmStatistic(SrmResult srm) {
        return "χ² = " + Formats.number(srm.chiSquare()) + ", " + srmP(srm.pValue());
    }

    /**
     * A sample-ratio p-value against {@link SampleRatioMismatch#THRESHOLD}: {@code p = 0.038 ≥ 0.001
     * threshold}, {@code p = 1.4e-4 < 0.001 threshold} (a p below it in full, not as "< 0.001"), or
     * that there is no split to test (NaN).
     */
    public static String srmP(double p) {
        if (Double.isNaN(p)) {
            return "no split to test";
        }
        return "p = " + srmPValue(p) + (p < SampleRatioMismatch.THRESHOLD ? " < " : " ≥ ")
                + Formats.pValue(SampleRatioMismatch.THRESHOLD) + " threshold";
    }

    /**
     * A sample-ratio p-value alone: as {@link Formats#pValue} at or above the threshold, in full
     * below it ({@code 1.4e-4}, {@code 0}) so that it can be compared with the threshold; a dash for NaN.
     */
    public static String srmPValue(double p) {
        if (Double.isNaN(p)) {
            return Formats.MISSING;
        }
        if (p >= SampleRatioMismatch.THRESHOLD) {
            return Formats.pValue(p);
        }
        return p == 0 ? "0" : String.format(Locale.ROOT, "%.1e", p).replaceAll("e-0*", "e-");
    }

    /** What a mismatch means and what to do, the sentence after {@link #SRM_MISMATCH_HEAD}. */
    public static String srmMismatch(SrmResult srm) {
        return "the split differs from the planned weights (" + srmStatistic(srm) + ")."
                + " Results may be biased; check assignment and logging before trusting them.";
    }

    /** What the scorecard waits for, as a note. */
    public static HealthCheck waiting(Readiness readiness) {
        String waitingFor = readiness.waitingFor();
        String label = readiness.status() == Readiness.Status.WAITING_FOR_EXPOSURES ? "No exposures yet"
                : Character.toUpperCase(waitingFor.charAt(0)) + waitingFor.substring(1);
        return new HealthCheck(Kind.WAITING, Level.NOTE, label, "Nothing to compare yet: " + waitingFor
                + ". The scorecard compares the variants once each of them has units.");
    }

    /**
     * Every check of a population, first what it waits for or else the sample-ratio check (a split
     * with an empty variant is not a split to test).
     */
    public static List<HealthCheck> all(Readiness readiness, Population population, SrmResult srm, long incompleteUnits,
                                        int windowDays) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(readiness.ready() ? srm(srm) : waiting(readiness));
        long units = population.totalUnits();
        long crossovers = population.crossoverUnits();
        double crossoverShare = units + crossovers == 0 ? 0 : (double) crossovers / (units + crossovers);
        if (crossovers > 0) {
            boolean warn = crossoverShare > CROSSOVER_WARNING_SHARE;
            checks.add(new HealthCheck(Kind.CROSSOVERS, warn ? Level.WARNING : Level.NOTE,
                    Formats.count(crossovers) + (crossovers == 1 ? " crossover" : " crossovers"),
                    Formats.count(crossovers) + " units (" + Formats.percent(crossoverShare) + " of those exposed) saw"
                            + " more than one variant and are left out."
                            + (warn ? " That many suggests the assignment is not sticky: check how units are bucketed."
                                    : " A few are normal (shared devices, logging races).")));
        }
        long invalid = population.invalidExposures();
        if (invalid > 0) {
            boolean warn = units == 0 || (double) invalid / units > INVALID_WARNING_SHARE;
            checks.add(new HealthCheck(Kind.INVALID_EXPOSURES, warn ? Level.WARNING : Level.NOTE,
                    Formats.count(invalid) + " invalid exposures",
                    Formats.count(invalid) + " exposure rows name a variant this experiment does not have and are dropped."
                            + (warn ? " Check the experiment's configuration and the logging of variant names."
                                    : " A handful is usually stale clients.")));
        }
        if (incompleteUnits > 0) {
            checks.add(new HealthCheck(Kind.INCOMPLETE_WINDOWS, Level.NOTE,
                    Formats.count(incompleteUnits) + " still in window",
                    Formats.count(incompleteUnits) + " units were exposed less than " + windowDays
                            + " days before the end date, so their window had not elapsed: they are left out of the"
                            + " metrics with that window. Normal near the end of an experiment."));
        }
        return checks;
    }
}
