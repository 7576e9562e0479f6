package io.splitscope.metrics.project;

import java.util.List;

/**
 * A project file with mistakes: the message is the first one (and how many more there are), in
 * one line; {@link #errors()} lists them all, in the order of the file.
 */
public final class ProjectException extends RuntimeException {

    private final transient List<ConfigError> errors;

    public ProjectException(List<ConfigError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every mistake, one line each. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String summary(List<ConfigError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a project exception needs at least one error");
        }
        int more = errors.size() - 1;
        return errors.getFirst() + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? "" : "s") + ")");
    }
}
