package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.splitscope.analysis.Scorecard;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.decision.Decision;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a running experiment has come when its scorecard was computed: the day of its period
 * and, where the decision plan gives a planned sample ({@link Decision#plannedUnits()}), the units
 * of its smallest arm against it — the arm that decides when the comparisons have their power.
 *
 * @param day          the day of the period the scorecard was computed on, from 1
 * @param days         the days of the period, start and end included
 * @param units        the units of the smallest arm
 * @param plannedUnits the planned sample per variant (the largest over the treatments), or null
 *                     when the experiment has no decision plan or none could be made
 * @param daysLeft     the days until the planned sample at the last 7 days' intake (the most over
 *                     the treatments that keep running), or null
 */
record ExperimentProgress(long day, long days, long units, Long plannedUnits, Integer daysLeft) {

    ExperimentProgress {
        if (day < 1 || day > days) {
            throw new IllegalArgumentException("day " + day + " is outside the period's " + days + " days");
        }
    }

    /** The progress of the scorecard's experiment if it was running when computed: empty when untimed, not started or over. */
    static Optional<ExperimentProgress> of(Scorecard scorecard) {
        Experiment experiment = scorecard.experiment();
        LocalDate on = LocalDate.ofInstant(scorecard.computedAt(), ZoneOffset.UTC);
        if (experiment.startDate() == null || experiment.endDate() == null
                || on.isBefore(experiment.startDate()) || on.isAfter(experiment.endDate())) {
            return Optional.empty();
        }
        long units = scorecard.population().units().values().stream().mapToLong(Long::longValue).min().orElse(0);
        Long planned = scorecard.decisions().stream().map(Decision::plannedUnits).filter(Objects::nonNull)
                .max(Long::compare).orElse(null);
        Integer daysLeft = scorecard.decisions().stream().map(Decision::daysLeft).filter(Objects::nonNull)
                .max(Integer::compare).orElse(null);
        return Optional.of(new ExperimentProgress(ChronoUnit.DAYS.between(experiment.startDate(), on) + 1,
                ChronoUnit.DAYS.between(experiment.startDate(), experiment.endDate()) + 1, units, planned, daysLeft));
    }

    /** The share done: of the planned sample when there is one, else of the period; at most 1. */
    double share() {
        return Math.min(1, plannedUnits == null || plannedUnits == 0 ? (double) day / days : (double) units / plannedUnits);
    }

    /** One sentence: the day, and the sample against the plan (or why there is none). */
    String text() {
        String period = "Day " + day + " of " + days;
        if (plannedUnits == null) {
            return period + ". No planned sample: the experiment has no decision plan with a minimum detectable effect"
                    + " (set one to know when it has enough units).";
        }
        String sample = Formats.count(units) + " of " + Formats.count(plannedUnits) + " units in the smallest arm ("
                + Formats.percent((double) units / plannedUnits) + " of the planned sample)";
        if (units >= plannedUnits) {
            return period + ". " + sample + ": the planned sample is reached.";
        }
        return period + ". " + sample + (daysLeft == null ? "." : ", about " + daysLeft + (daysLeft == 1 ? " day" : " days")
                + " left at the last 7 days' intake.");
    }

    /** The progress bar with its sentence. */
    Component component() {
        Div progress = new Div();
        progress.addClassName("ss-progress");
        Span label = new Span(plannedUnits == null ? "Running" : "Progress toward the planned sample");
        label.addClassName("ss-progress-label");
        ProgressBar bar = new ProgressBar(0, 1, share());
        bar.addClassName("ss-progress-bar");
        Span text = new Span(text());
        text.addClassName("ss-progress-text");
        progress.add(label, bar, text);
        return progress;
    }
}
