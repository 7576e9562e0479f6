package io.splitscope.analysis.results;

import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the team says an experiment stands ({@link ExperimentRecord}): until someone sets it, the
 * status its dates give ({@link #byDates}).
 */
public enum RecordStatus {

    /** Being prepared: by its dates, it has not started yet. */
    DRAFT("Draft"),
    /** Collecting data. */
    RUNNING("Running"),
    /** No longer collecting data, not decided yet: by its dates, it has ended. */
    STOPPED("Stopped"),
    /** The team has concluded (only with a {@link Conclusion}). */
    DECIDED("Decided");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    /** The word shown: {@code Draft}, {@code Running}, {@code Stopped}, {@code Decided}. */
    public String label() {
        return label;
    }

    /** The id in JSON and in the store: {@code draft}, {@code running}, {@code stopped}, {@code decided}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status an id names.
     *
     * @throws IllegalArgumentException naming the known ids when {@code id} is none of them
     */
    public static RecordStatus parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + id + "' (use "
                        + Arrays.stream(values()).map(RecordStatus::id).collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * The status {@code experiment}'s dates give on {@code today}: draft before its start, stopped
     * after its end, running in between (both days included) or when it has no end date.
     */
    public static RecordStatus byDates(Experiment experiment, LocalDate today) {
        if (experiment.startDate() != null && today.isBefore(experiment.startDate())) {
            return DRAFT;
        }
        if (experiment.endDate() == null || !today.isAfter(experiment.endDate())) {
            return RUNNING;
        }
        return STOPPED;
    }
}
