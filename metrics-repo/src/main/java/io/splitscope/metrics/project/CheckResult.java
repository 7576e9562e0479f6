package io.splitscope.metrics.project;

import java.util.List;

/**
 * The outcome of {@link ProjectCheck}: every mistake of the file and of the file against the
 * warehouse, or, without any, the report.
 *
 * @param errors every mistake, one line each, in the order of the file
 * @param report the report, or null when there are mistakes
 */
public record CheckResult(List<ConfigError> errors, CheckReport report) {

    public CheckResult {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (report == null)) {
            throw new IllegalArgumentException("a check has mistakes or a report, not both or neither");
        }
    }

    /** Whether the file and the warehouse agree. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
