package io.splitscope.metrics.project;

/**
 * A column a project file names, to be found in its source by {@link ProjectCheck}.
 *
 * @param sourceId the source whose rows must have the column
 * @param column   the column, exactly as written
 * @param role     what the column is for
 * @param where    where the file names it
 */
public record ColumnReference(String sourceId, String column, Role role, Location where) {

    /** What a column is for, which says what types it may have. */
    public enum Role {
        /** A source's unit column: a string or an integer. */
        UNIT,
        /** A source's timestamp: a timestamp or a date. */
        TIMESTAMP,
        /** An assignment's experiment column. */
        EXPERIMENT,
        /** An assignment's variant column. */
        VARIANT,
        /** A dimension's column. */
        DIMENSION,
        /** A column a metric's expression ({@code value}, {@code filter}, ...) refers to. */
        EXPRESSION
    }
}
