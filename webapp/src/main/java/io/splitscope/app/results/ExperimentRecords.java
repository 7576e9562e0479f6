package io.splitscope.app.results;

import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordEntry;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.app.audit.AuditAction;
import io.splitscope.app.audit.AuditLog;
import io.splitscope.app.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The team's record of each experiment ({@link ExperimentRecord}: status, conclusion, tags,
 * notes): read by everyone, written by analysts only; every change is checked, kept in the results
 * store with who and when ({@link ResultsStore#saveRecordEntry}) and written to the audit log.
 * Thread-safe.
 */
public final class ExperimentRecords {

    private final ResultsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, ExperimentRecord> records;

    /** Reads the records kept in {@code store}. */
    public ExperimentRecords(ResultsStore store, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = new ConcurrentHashMap<>(store.records());
    }

    /** The record of an experiment; {@link ExperimentRecord#empty} when nobody has written to it. */
    public ExperimentRecord of(String experimentId) {
        return records.getOrDefault(experimentId, ExperimentRecord.empty(experimentId));
    }

    /**
     * Makes {@code changes} to the experiment's record, by the signed-in analyst, now: all of them
     * or, when one breaks a rule, none.
     *
     * @return the record as it is now
     * @throws org.springframework.security.access.AccessDeniedException unless the current user is an analyst
     * @throws IllegalArgumentException with a one-line message when a change breaks a rule (decided
     *                                  without a conclusion, a bad tag, an empty note …)
     * @throws ResultsStore.ResultsStoreException when the store cannot keep it
     */
    public synchronized ExperimentRecord write(String experimentId, RecordChanges changes) {
        CurrentUser.requireAnalyst("write the team's record of an experiment");
        ExperimentRecord record = of(experimentId);
        String by = CurrentUser.nameOrSystem();
        Instant at = clock.instant();
        List<RecordEntry> entries = changes.entries(record, by, at);
        ExperimentRecord changed = record;
        for (RecordEntry entry : entries) {
            changed = changed.with(entry);
        }
        for (RecordEntry entry : entries) {
            store.saveRecordEntry(entry);
            audit.record(AuditAction.RECORD, by, experimentId + " " + entry.kind().id() + " " + entry.value());
        }
        records.put(experimentId, changed);
        return changed;
    }
}
