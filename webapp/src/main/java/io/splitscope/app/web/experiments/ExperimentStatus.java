package io.splitscope.app.web.experiments;

import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;

/** Where an experiment stands relative to a day ("today", see {@link Today}). */
public enum ExperimentStatus {
    /** It starts after that day. */
    SCHEDULED("Scheduled"),
    /** That day lies between its start and end dates (both included), or it has no end date. */
    RUNNING("Running"),
    /** It ended before that day. */
    FINISHED("Finished");

    private final String label;

    ExperimentStatus(String label) {
        this.label = label;
    }

    /** The word shown. */
    public String label() {
        return label;
    }

    /** The status of {@code experiment} on {@code today}. */
    public static ExperimentStatus of(Experiment experiment, LocalDate today) {
        if (experiment.startDate() != null && today.isBefore(experiment.startDate())) {
            return SCHEDULED;
        }
        if (experiment.endDate() == null || !today.isAfter(experiment.endDate())) {
            return RUNNING;
        }
        return FINISHED;
    }
}
