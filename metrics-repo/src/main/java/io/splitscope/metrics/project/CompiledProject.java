package io.splitscope.metrics.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project file read and compiled: the {@link Project} (of the entries without mistakes when
 * there are some), every mistake, and what {@link ProjectCheck} verifies against the warehouse.
 *
 * @param file      the project file
 * @param project   the project; with mistakes, the entries that compiled; null when the file is not
 *                  readable YAML
 * @param errors    every mistake found in the file, in the order of its lines
 * @param relations each source → where its {@code table} or {@code sql} is written
 * @param columns   every column the file names, with the source that must have it
 * @param plans     what the file says about each declared experiment beyond the experiment itself
 */
public record CompiledProject(Path file, Project project, List<ConfigError> errors, Map<String, Location> relations,
                              List<ColumnReference> columns, List<ExperimentPlan> plans) {

    public CompiledProject {
        errors = List.copyOf(errors);
        relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
        columns = List.copyOf(columns);
        plans = List.copyOf(plans);
    }

    /** Whether the file has no mistake. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * The project.
     *
     * @throws ProjectException listing every mistake, when there are some
     */
    public Project orThrow() {
        if (!errors.isEmpty()) {
            throw new ProjectException(errors);
        }
        return project;
    }
}
