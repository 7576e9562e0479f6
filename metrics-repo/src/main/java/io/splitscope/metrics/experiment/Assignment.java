package io.splitscope.metrics.experiment;

import io.splitscope.metrics.Source;
import java.util.Objects;
import java.util.Optional;

/**
 * How units meet experiments ({@code spec/project.md}, "assignments"): the rows of a source, each
 * saying that a unit saw a variant — of one experiment, or, with an experiment column, of the
 * experiment that column names (an assignment log of many experiments). The source's timestamp,
 * when it has one, is the exposure time.
 *
 * @param id               stable id ({@code web})
 * @param source           the rows
 * @param experimentColumn the column naming the experiment of a row, or null when every row belongs to one experiment
 * @param variantColumn    the column naming the variant
 */
public record Assignment(String id, Source source, String experimentColumn, String variantColumn) {

    public Assignment {
        Source.requireId("assignment", id);
        Objects.requireNonNull(source, "assignment " + id + " has no source");
        if (variantColumn == null || variantColumn.isBlank()) {
            throw new IllegalArgumentException("assignment " + id + " has no variant column");
        }
        if (experimentColumn != null && experimentColumn.isBlank()) {
            experimentColumn = null;
        }
    }

    /** The experiment column, when the rows name their experiment. */
    public Optional<String> experiment() {
        return Optional.ofNullable(experimentColumn);
    }

    /** Whether exposures have a time, so that the population has dates, metrics windows and series. */
    public boolean timed() {
        return source.timed();
    }
}
