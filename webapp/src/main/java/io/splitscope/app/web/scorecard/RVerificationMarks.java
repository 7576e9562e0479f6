package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.RVerification;
import io.splitscope.analysis.ScorecardRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What GNU R verified of the scorecard shown, and the results tables that mark it on their rows. */
final class RVerificationMarks {

    private final List<ResultsTable> tables = new ArrayList<>();
    /** Null until known. */
    private List<RVerification> verifications;

    /** Forgets the tables of the scorecard shown before; {@code known} is what R verified of the next one, or null. */
    void reset(List<RVerification> known) {
        tables.clear();
        verifications = known;
    }

    /** Keeps {@code table} to mark, marking it at once with what is known. */
    ResultsTable track(ResultsTable table) {
        tables.add(table);
        if (verifications != null) {
            table.showVerifications(verifications);
        }
        return table;
    }

    /** What R has verified now: marks every table kept. */
    void show(List<RVerification> result) {
        verifications = result;
        tables.forEach(t -> t.showVerifications(result));
    }

    /** What R verified of this row's metric and segment, or null when nothing is known. */
    RVerification of(ScorecardRow row) {
        return verifications == null ? null : verifications.stream()
                .filter(v -> v.metricId().equals(row.metricId()) && Objects.equals(v.segment(), row.segment()))
                .findFirst().orElse(null);
    }
}
