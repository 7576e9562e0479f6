package io.splitscope.app.results;

import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordEntry;
import io.splitscope.analysis.results.RecordStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user changes in an experiment's record at once (the edit dialog, {@code PUT} or
 * {@code POST} of the REST API); each part null when it stays as it is.
 *
 * @param status     the new status
 * @param conclusion the new conclusion
 * @param tags       the new tags, all of them
 * @param note       a note to add
 */
public record RecordChanges(RecordStatus status, Conclusion conclusion, List<String> tags, String note) {

    /** Only a note. */
    public static RecordChanges note(String text) {
        return new RecordChanges(null, null, null, text);
    }

    /**
     * The entries that make these changes to {@code record}, leaving out what is unchanged: the
     * conclusion first, so that a status set to decided with its conclusion in the same change is accepted.
     */
    List<RecordEntry> entries(ExperimentRecord record, String by, Instant at) {
        String id = record.experimentId();
        List<RecordEntry> entries = new ArrayList<>();
        if (conclusion != null && !record.teamConclusion().map(c -> c.value().equals(conclusion)).orElse(false)) {
            entries.add(RecordEntry.conclusion(id, conclusion, by, at));
        }
        if (tags != null && !tags.equals(record.tags())) {
            entries.add(RecordEntry.tags(id, tags, by, at));
        }
        if (note != null) {
            entries.add(RecordEntry.note(id, note, by, at));
        }
        if (status != null && !record.teamStatus().map(s -> s.value() == status).orElse(false)) {
            entries.add(RecordEntry.status(id, status, by, at));
        }
        return entries;
    }
}
