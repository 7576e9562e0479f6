package io.splitscope.analysis.results;

import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The team's record of an experiment, written by analysts: its status, the conclusion (the
 * decision taken and why), tags and notes, each with who wrote it and when. Built by applying the
 * experiment's {@link RecordEntry entries} in the order they were written ({@link #with}); the rules
 * are checked there: {@link RecordStatus#DECIDED} needs a conclusion, tags and texts are checked
 * as {@link RecordEntry} says.
 *
 * @param experimentId the experiment
 * @param status       the status the team set; null until someone sets one (then the dates give it, {@link #shownStatus})
 * @param conclusion   the team's conclusion; null until someone writes one
 * @param tags         the tags, in the order written
 * @param notes        the notes, newest first
 */
public record ExperimentRecord(String experimentId, Signed<RecordStatus> status, Signed<Conclusion> conclusion,
                               List<String> tags, List<Signed<String>> notes) {

    /** The longest note kept. */
    public static final int MAX_NOTE = 2000;

    public ExperimentRecord {
        Objects.requireNonNull(experimentId, "experimentId");
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
    }

    /** The record of an experiment nobody has written to. */
    public static ExperimentRecord empty(String experimentId) {
        return new ExperimentRecord(experimentId, null, null, List.of(), List.of());
    }

    /** The team's status, if someone set one. */
    public Optional<Signed<RecordStatus>> teamStatus() {
        return Optional.ofNullable(status);
    }

    /** The team's conclusion, if someone wrote one. */
    public Optional<Signed<Conclusion>> teamConclusion() {
        return Optional.ofNullable(conclusion);
    }

    /** The status shown: the team's, else the one {@code experiment}'s dates give on {@code today}. */
    public RecordStatus shownStatus(Experiment experiment, LocalDate today) {
        return status != null ? status.value() : RecordStatus.byDates(experiment, today);
    }

    /** Whether nobody has written anything to it. */
    public boolean isEmpty() {
        return status == null && conclusion == null && tags.isEmpty() && notes.isEmpty();
    }

    /**
     * The record with {@code entry} applied.
     *
     * @throws IllegalArgumentException with a one-line message when the entry is of another
     *                                  experiment, breaks a rule (decided without a conclusion) or
     *                                  holds a value that is not one of its kind
     */
    public ExperimentRecord with(RecordEntry entry) {
        if (!entry.experimentId().equals(experimentId)) {
            throw new IllegalArgumentException("an entry of " + entry.experimentId() + " is not part of the record of " + experimentId);
        }
        return switch (entry.kind()) {
            case STATUS -> {
                RecordStatus next = entry.statusValue();
                if (next == RecordStatus.DECIDED && conclusion == null) {
                    throw new IllegalArgumentException("the status of " + experimentId
                            + " can be decided only with a conclusion: write the decision taken first");
                }
                yield new ExperimentRecord(experimentId, signed(next, entry), conclusion, tags, notes);
            }
            case CONCLUSION -> new ExperimentRecord(experimentId, status, signed(entry.conclusionValue(), entry), tags, notes);
            case TAGS -> new ExperimentRecord(experimentId, status, conclusion, entry.tagsValue(), notes);
            case NOTE -> {
                List<Signed<String>> more = new ArrayList<>(notes.size() + 1);
                more.add(signed(RecordTexts.check("note", entry.value(), MAX_NOTE), entry));
                more.addAll(notes);
                yield new ExperimentRecord(experimentId, status, conclusion, tags, more);
            }
        };
    }

    private static <T> Signed<T> signed(T value, RecordEntry entry) {
        return new Signed<>(value, entry.writtenBy(), entry.writtenAt());
    }
}
