package io.splitscope.app.web.experiments;

import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the experiments list shows: every criterion is optional (null or blank means "any").
 *
 * @param text   words that must all occur in the experiment's id, name, hypothesis, owner or
 *               variant names (case-insensitive)
 * @param status its status: the team's, else the one its dates give on the reference day
 * @param owner  its owner, exactly
 * @param from   it runs on or after this day (its end date is not before it)
 * @param to     it runs on or before this day (its start date is not after it)
 * @param tag    one of the tags of its record, ignoring case
 */
public record ExperimentFilter(String text, RecordStatus status, String owner, LocalDate from, LocalDate to, String tag) {

    /** Shows everything. */
    public static final ExperimentFilter ALL = new ExperimentFilter(null, null, null, null, null, null);

    /** Whether {@code experiment}, with the team's {@code record} of it, passes, judging its status on {@code today}. */
    public boolean test(Experiment experiment, ExperimentRecord record, LocalDate today) {
        if (status != null && record.shownStatus(experiment, today) != status) {
            return false;
        }
        if (tag != null && !tag.isBlank() && record.tags().stream().noneMatch(tag.strip()::equalsIgnoreCase)) {
            return false;
        }
        if (owner != null && !owner.isBlank() && !owner.equals(experiment.owner())) {
            return false;
        }
        if (from != null && experiment.endDate() != null && experiment.endDate().isBefore(from)) {
            return false;
        }
        if (to != null && experiment.startDate() != null && experiment.startDate().isAfter(to)) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String haystack = Stream.concat(
                        Stream.of(experiment.id(), experiment.name(), experiment.hypothesis(), experiment.owner()),
                        experiment.variants().stream().map(Experiment.VariantWeight::variant))
                .filter(s -> s != null).reduce("", (a, b) -> a + " " + b).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
